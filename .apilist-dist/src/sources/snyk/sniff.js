import { jsonHead, keysAt } from '../shared/json-head.js';
const PROJECT_KEYS = ['packageManager', 'dependencyCount', 'uniqueCount', 'projectName', 'displayTargetFile'];
/**
 * Snyk CLI JSON: a project object (or an array of them, `--all-projects`) with a `vulnerabilities` list
 * and project keys (`packageManager`, `dependencyCount`...), or `{"ok": false, "error": ...}` when the test
 * failed (accepted so that it is rejected with Snyk's reason). npm audit's `vulnerabilities` is a map in
 * a report with `auditReportVersion`; SARIF (Snyk Code) has `runs`.
 */
export function looksLikeSnykJson(bytes) {
    const head = jsonHead(bytes);
    if (head.root === null)
        return false;
    const depth = head.root === '{' ? 1 : 2;
    const keys = keysAt(head, depth);
    if (keys.has('auditReportVersion') || keys.has('runs'))
        return false;
    if (keys.has('ok') && keys.has('error') && !keys.has('vulnerabilities'))
        return true;
    if (!keys.has('vulnerabilities'))
        return false;
    if (PROJECT_KEYS.some((k) => keys.has(k)))
        return true;
    // A long first list may push the project keys past the head: Snyk's issue keys say it instead.
    const issue = keysAt(head, depth + 2);
    return issue.has('packageName') && issue.has('from') && issue.has('upgradePath');
}
//# sourceMappingURL=sniff.js.map