import { canonicalAdvisory } from '../shared/advisory-id.js';
import { packageVulnSighting } from '../shared/package-vuln.js';
import { maxSeverity, severityFromWord } from '../shared/vuln-severity.js';
/**
 * The match's own severity (Grype takes it from the record it matched, e.g. the distro's); when that record
 * has none (`Unknown`), the most severe of the related records (NVD's). `Negligible` stays info.
 */
function severityOf(m) {
    const own = (m.vulnerability.severity ?? '').trim().toLowerCase();
    if (own && own !== 'unknown')
        return severityFromWord(own) ?? 'info';
    return maxSeverity(m.relatedVulnerabilities.map((r) => severityFromWord(r.severity)));
}
function cvssEntries(source, list) {
    return list.map((c) => ({
        source: c.source || source || null,
        type: c.type ?? null,
        version: c.version ?? null,
        vector: c.vector ?? null,
        baseScore: c.metrics?.baseScore ?? null,
    }));
}
/** Every CVSS the match carries: its own record's, the related records', and Grype < 0.13's two fields. */
function cvssOf(m) {
    const v = m.vulnerability;
    const legacy = [
        v.cvssV2 ? { source: null, type: null, version: '2.0', vector: v.cvssV2.vector ?? null, baseScore: v.cvssV2.baseScore ?? null } : null,
        v.cvssV3 ? { source: null, type: null, version: '3', vector: v.cvssV3.vector ?? null, baseScore: v.cvssV3.baseScore ?? null } : null,
    ].filter((c) => c !== null);
    return [...cvssEntries(v.namespace, v.cvss), ...m.relatedVulnerabilities.flatMap((r) => cvssEntries(r.namespace, r.cvss)), ...legacy];
}
/**
 * One match as a sighting of a `vuln` finding. The canonical id is the CVE when the match and its related
 * records name exactly one (Grype reports language packages by GHSA id, their CVE among the related).
 */
export function matchSighting(assetUid, m, id, path) {
    const v = m.vulnerability;
    const fixed = v.fix?.versions.length ? v.fix.versions : v.fixedInVersion ? [v.fixedInVersion] : [];
    const occurrence = {
        path: path || null,
        installedVersion: m.artifact.version || null,
        fixedVersions: fixed,
        fixState: v.fix?.state ?? null,
        locations: m.artifact.locations.map((l) => l.path).filter((p) => !!p),
        layerDiffId: m.artifact.locations.find((l) => l.layerID)?.layerID ?? null,
        namespace: v.namespace ?? null,
        matchers: [...new Set(m.matchDetails.map((d) => d.matcher).filter((x) => !!x))],
    };
    const references = [...new Set([...(v.dataSource ? [v.dataSource] : []), ...v.urls, ...v.links, ...m.relatedVulnerabilities.flatMap((r) => r.urls)])];
    return packageVulnSighting({
        assetUid,
        ecosystem: id.ecosystem,
        packageName: id.name,
        packagePurl: id.purl,
        advisory: canonicalAdvisory(v.id, m.relatedVulnerabilities.map((r) => r.id)),
        originalId: v.id,
        description: v.description || m.relatedVulnerabilities.find((r) => r.description)?.description || null,
        severity: severityOf(m),
        properties: {
            cvss: cvssOf(m),
            cweIds: [...new Set(v.cwes.map((c) => c.cwe).filter((c) => !!c))],
            references,
            dataSource: v.dataSource ?? null,
            epss: v.epss.map((e) => ({ cve: e.cve ?? null, score: e.epss ?? null, percentile: e.percentile ?? null, date: e.date ?? null })),
            risk: v.risk ?? null,
            knownExploited: v.knownExploited,
            advisories: v.advisories.map((a) => ({ id: a.id ?? null, link: a.link ?? null })),
        },
        occurrence,
    });
}
//# sourceMappingURL=matches.js.map