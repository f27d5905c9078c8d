import { canonicalAdvisory } from '../shared/advisory-id.js';
import { purlFor } from '../shared/package-purl.js';
import { packageVulnSighting, titleFor } from '../shared/package-vuln.js';
import { severityFromWord } from '../shared/vuln-severity.js';
import { ghsaOf } from '../npm-audit/advisory.js';
/** `@babel/plugin-proposal-class-properties (deprecation)`: a deprecated package, not a vulnerability. */
export function isDeprecation(line) {
    return / \(deprecation\)$/.test(line.children.ID);
}
/** A yarn 2+ audit line as one sighting per installed version; the GHSA (from the URL) is the id. */
export function berrySightings(assetUid, l) {
    const c = l.children;
    const ghsa = ghsaOf(null, c.URL);
    const npmId = /^\d+$/.test(c.ID) ? `npm:${c.ID}` : undefined;
    const primary = ghsa ?? npmId ?? c.ID;
    const versions = c['Tree Versions'].length ? c['Tree Versions'] : [null];
    return versions.map((version) => packageVulnSighting({
        assetUid,
        ecosystem: 'npm',
        packageName: l.value,
        packagePurl: purlFor('npm', l.value, version),
        advisory: canonicalAdvisory(primary, ghsa && npmId ? [npmId] : []),
        originalId: c.ID,
        title: titleFor(c.Issue, l.value),
        severity: severityFromWord(c.Severity) ?? 'info',
        properties: { url: c.URL ?? null, vulnerableVersions: c['Vulnerable Versions'] ?? null },
        occurrence: { path: null, installedVersion: version, fixedVersions: [], dependents: c.Dependents },
    }));
}
//# sourceMappingURL=berry.js.map