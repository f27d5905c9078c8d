import { jsonHead, keysAt } from '../shared/json-head.js';
/** Keys every ASFF finding has (SchemaVersion, Id, ProductArn, GeneratorId, AwsAccountId, ...); two are enough. */
function isFinding(keys) {
    return keys.has('ProductArn') && (keys.has('GeneratorId') || keys.has('AwsAccountId'));
}
/**
 * ASFF comes as a Security Hub export `{"Findings": [...]}` (`findings` in some tools' exports) or as a bare
 * list (Prowler's `json-asff`). An export with no findings says nothing about its format and is not claimed.
 */
export function looksLikeAsff(head) {
    const h = jsonHead(head);
    if (h.root === '[')
        return isFinding(keysAt(h, 2));
    if (h.root !== '{')
        return false;
    const top = keysAt(h, 1);
    return (top.has('Findings') || top.has('findings')) && isFinding(keysAt(h, 3));
}
//# sourceMappingURL=sniff.js.map