import { jsonHead, keysAt } from '../shared/json-head.js';
/** KICS' JSON report: an object with `queries` and KICS' scan counters (`files_scanned`, `queries_total`...). */
export function looksLikeKicsJson(head) {
    const h = jsonHead(head);
    if (h.root !== '{')
        return false;
    const top = keysAt(h, 1);
    const counters = ['files_scanned', 'files_parsed', 'queries_total', 'files_failed_to_scan', 'kics_version'].filter((k) => top.has(k)).length;
    return counters >= 2 && (top.has('queries') || !h.complete);
}
//# sourceMappingURL=sniff.js.map