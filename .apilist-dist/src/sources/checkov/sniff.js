import { jsonHead, keysAt } from '../shared/json-head.js';
/**
 * Checkov's JSON report: an object with `check_type` (one framework), an array of them (several), or the
 * bare summary Checkov writes when it found nothing to scan (`checkov_version` with `resourcecount`).
 */
export function looksLikeCheckovJson(head) {
    const h = jsonHead(head);
    if (h.root === '[')
        return keysAt(h, 2).has('check_type');
    if (h.root !== '{')
        return false;
    const top = keysAt(h, 1);
    return (top.has('check_type') && top.has('results')) || (top.has('checkov_version') && top.has('resourcecount'))
        || (top.has('check_type') && !h.complete);
}
//# sourceMappingURL=sniff.js.map