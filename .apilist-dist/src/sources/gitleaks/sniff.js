import { jsonHead, keysAt } from '../shared/json-head.js';
/**
 * Gitleaks' JSON report: an array of leaks with `RuleID` and `File` (v8), or `rule`, `offender` and `file`
 * (v7). An empty report (`[]`, or `null` from v7) says nothing about its tool and is not claimed: pass
 * `--type gitleaks-json` for those.
 */
export function looksLikeGitleaksJson(head) {
    const h = jsonHead(head);
    if (h.root !== '[')
        return false;
    const k = keysAt(h, 2);
    return (k.has('RuleID') && (k.has('File') || k.has('Secret') || k.has('Match') || !h.complete))
        || (k.has('rule') && k.has('offender'));
}
//# sourceMappingURL=sniff.js.map