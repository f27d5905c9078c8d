import { jsonHead, keysAt } from '../shared/json-head.js';
/** Top-level keys of Semgrep's JSON output (semgrep_output_v1 `cli_output`). */
const TOP = new Set(['version', 'results', 'errors', 'paths', 'skipped_rules', 'interfile_languages_used', 'time', 'explanations',
    'engine_requested', 'rules_by_engine', 'mcp_scan_results', 'subprojects', 'skipped_rules_by_category']);
/**
 * Semgrep's JSON output: an object with `results` whose entries have `check_id` (Checkov's `check_id` is
 * nested one level deeper, under `results.failed_checks`). An empty report (`{"errors": [], "results": []}`) is recognised
 * by its keys: only Semgrep's, with both `results` and `errors`.
 */
export function looksLikeSemgrepJson(head) {
    const h = jsonHead(head);
    if (h.root !== '{')
        return false;
    const top = keysAt(h, 1);
    if (!top.has('results'))
        return false;
    if (keysAt(h, 3).has('check_id'))
        return true;
    return h.complete && top.has('errors') && [...top].every((k) => TOP.has(k));
}
//# sourceMappingURL=sniff.js.map