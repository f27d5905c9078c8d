import { jsonHead, keysAt } from '../shared/json-head.js';
/**
 * tfsec's JSON report: `{"results": [...]}` whose entries have `rule_id` and `location`; an empty report
 * is `{"results": null}` (no other tool writes exactly that).
 */
export function looksLikeTfsecJson(head) {
    const h = jsonHead(head);
    if (h.root !== '{')
        return false;
    const top = keysAt(h, 1);
    if (!top.has('results'))
        return false;
    const item = keysAt(h, 3);
    if (item.has('rule_id') && (item.has('location') || item.has('rule_description') || item.has('long_id')))
        return true;
    return h.complete && top.size === 1 && item.size === 0 && /"results"\s*:\s*(null|\[\s*\])/.test(new TextDecoder().decode(head));
}
//# sourceMappingURL=sniff.js.map