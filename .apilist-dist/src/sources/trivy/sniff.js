import { headText } from '../report-file.js';
/**
 * A Trivy JSON report starts as an object whose first keys are `SchemaVersion`, then `ArtifactName`
 * (or, in minimal reports, `Results`). Trivy's Kubernetes report (`ClusterName`, `Resources`) has
 * results nested per resource and is a different format. Other Trivy outputs (CycloneDX, SPDX, SARIF)
 * have no `SchemaVersion` key.
 */
export function looksLikeTrivyJson(head) {
    const text = headText(head, head.length);
    if (!text.startsWith('{'))
        return false;
    const top = text.slice(0, 2048);
    if (!/"SchemaVersion"\s*:\s*\d/.test(top))
        return false;
    if (/"ClusterName"\s*:/.test(top))
        return false;
    return /"(?:ArtifactName|Results)"\s*:/.test(text);
}
//# sourceMappingURL=sniff.js.map