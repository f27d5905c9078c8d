import { jsonHead, keysAt } from '../shared/json-head.js';
/**
 * osv-scanner's JSON output is an object whose `results` items have a `source` object with a `path` and a
 * `packages` list. Semgrep also has `results` (of findings with `check_id`), Snyk and Trivy have other keys.
 */
export function looksLikeOsvScannerJson(bytes) {
    const head = jsonHead(bytes);
    if (head.root !== '{' || !keysAt(head, 1).has('results'))
        return false;
    return keysAt(head, 3).has('source') && keysAt(head, 4).has('path');
}
//# sourceMappingURL=sniff.js.map