import { jsonHead, keysAt } from '../shared/json-head.js';
/**
 * Prowler 3 writes a JSON list of results keyed `CheckID`, `Status`, `StatusExtended` (and `FindingUniqueId`
 * from 3.1 on); Prowler 2 writes one object per line keyed `Account Number`, `Control`, `Status`, `Message`.
 * Empty reports (`[]`, an empty file) say nothing about their format and are not claimed.
 */
export function prowlerJsonDialect(head) {
    const h = jsonHead(head);
    if (h.root === '[') {
        const keys = keysAt(h, 2);
        return keys.has('CheckID') && keys.has('Status') && (keys.has('FindingUniqueId') || keys.has('StatusExtended')) ? 'v3' : undefined;
    }
    if (h.root === '{') {
        const keys = keysAt(h, 1);
        return keys.has('Account Number') && keys.has('Control') && keys.has('Status') && keys.has('Message') ? 'v2' : undefined;
    }
    return undefined;
}
export function looksLikeProwlerJson(head) {
    return prowlerJsonDialect(head) !== undefined;
}
//# sourceMappingURL=sniff.js.map