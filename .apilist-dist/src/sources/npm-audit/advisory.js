import { canonicalAdvisory } from '../shared/advisory-id.js';
import { purlFor } from '../shared/package-purl.js';
import { packageVulnSighting, titleFor } from '../shared/package-vuln.js';
import { severityFromWord } from '../shared/vuln-severity.js';
const GHSA_URL = /\/advisories\/(GHSA(?:-[0-9a-z]{4}){3})\/?$/i;
/** Dependency paths kept per version: a popular package can be reached by thousands. */
const MAX_PATHS = 50;
/** The advisory's GHSA id, from its field or its URL (npm's advisories moved to GitHub's database). */
export function ghsaOf(id, url) {
    return id?.trim() || (url ? GHSA_URL.exec(url.trim())?.[1] : undefined);
}
/** `>=1.10.2` names the one fixed version; ranges with alternatives are kept as a range in evidence. */
function fixedFromPatched(patched) {
    const m = /^\s*>=\s*v?(\d[\w.+-]*)\s*$/.exec(patched ?? '');
    return m ? [m[1]] : [];
}
/**
 * An npm 6 / yarn 1 advisory as one sighting per installed version of its module. The canonical id is the
 * CVE when the advisory names exactly one, else its GHSA, else `npm:<advisory number>`.
 */
export function advisorySightings(assetUid, a) {
    const ghsa = ghsaOf(a.github_advisory_id, a.url);
    const primary = ghsa ?? `npm:${a.id}`;
    const advisory = canonicalAdvisory(primary, [...a.cves, ...(ghsa ? [`npm:${a.id}`] : [])]);
    const versions = a.findings.length ? a.findings : [{ version: null, paths: [], dev: null }];
    return versions.map((f) => packageVulnSighting({
        assetUid,
        ecosystem: 'npm',
        packageName: a.module_name,
        packagePurl: purlFor('npm', a.module_name, f.version),
        advisory,
        originalId: String(a.id),
        title: titleFor(a.title, a.module_name),
        description: a.overview ?? null,
        severity: severityFromWord(a.severity) ?? 'info',
        remediation: a.recommendation ?? null,
        properties: {
            cweIds: a.cwe,
            cvss: a.cvss?.vectorString || a.cvss?.score ? [{ vector: a.cvss.vectorString ?? null, baseScore: a.cvss.score ?? null }] : [],
            url: a.url ?? null,
            references: a.references ?? null,
            vulnerableVersions: a.vulnerable_versions ?? null,
            patchedVersions: a.patched_versions ?? null,
        },
        occurrence: {
            path: null,
            installedVersion: f.version ?? null,
            fixedVersions: fixedFromPatched(a.patched_versions),
            dependencyPaths: f.paths.slice(0, MAX_PATHS),
            dependencyPathCount: f.paths.length,
            dev: f.dev ?? null,
        },
    }));
}
//# sourceMappingURL=advisory.js.map