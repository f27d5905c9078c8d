import { jsonHead, keysAt } from '../shared/json-head.js';
/**
 * npm audit's JSON: npm 6 reports start with `actions` and `advisories` (a map), npm 7+ with
 * `auditReportVersion` and a `vulnerabilities` map; a failed audit is `{"error": {"code": ...}}`, accepted
 * so that it is rejected with npm's own reason. Snyk's `vulnerabilities` is a list, not a map.
 */
export function looksLikeNpmAuditJson(bytes) {
    const head = jsonHead(bytes);
    if (head.root !== '{')
        return false;
    const top = keysAt(head, 1);
    if (top.has('auditReportVersion'))
        return true;
    if (top.has('advisories') && (top.has('actions') || top.has('muted') || top.has('metadata')))
        return true;
    if (top.size === 1 && top.has('error'))
        return keysAt(head, 2).has('code') && keysAt(head, 2).has('summary');
    // The advisories map may start after a long `actions` list: its advisory keys say what it is.
    return top.has('actions') && !head.complete && keysAt(head, 4).has('resolves');
}
//# sourceMappingURL=sniff.js.map