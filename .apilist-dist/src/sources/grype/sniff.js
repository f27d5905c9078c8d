import { jsonHead, keysAt } from '../shared/json-head.js';
/**
 * A Grype JSON report is an object with a `matches` array whose items hold `vulnerability` with
 * `relatedVulnerabilities`, `matchDetails` or `artifact`; a report with no match says so in its
 * descriptor (`"descriptor": {"name": "grype"}`). Grype's other outputs (CycloneDX, SARIF, table) differ.
 */
export function looksLikeGrypeJson(bytes) {
    const head = jsonHead(bytes);
    if (head.root !== '{' || !keysAt(head, 1).has('matches'))
        return false;
    if (head.keys.some((k) => k.depth === 2 && k.key === 'name' && k.value === 'grype'))
        return true;
    const match = keysAt(head, 3);
    return match.has('vulnerability') && (match.has('relatedVulnerabilities') || match.has('matchDetails') || match.has('artifact'));
}
//# sourceMappingURL=sniff.js.map