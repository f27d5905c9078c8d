import { jsonHead, keysAt } from '../shared/json-head.js';
/**
 * Prowler's OCSF output is a JSON list of Detection Findings whose `metadata.product` names Prowler and whose
 * `metadata.event_code` is the check id. An empty list says nothing about its format and is not claimed.
 */
export function looksLikeProwlerOcsf(head) {
    const h = jsonHead(head);
    if (h.root !== '[')
        return false;
    const top = keysAt(h, 2);
    if (!top.has('metadata') || !top.has('status_code'))
        return false;
    if (!keysAt(h, 3).has('event_code'))
        return false;
    return h.keys.some((k) => k.depth === 4 && (k.key === 'vendor_name' || k.key === 'name') && k.value?.toLowerCase() === 'prowler');
}
//# sourceMappingURL=sniff.js.map