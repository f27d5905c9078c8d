import { canonicalAdvisory } from '../shared/advisory-id.js';
import { purlFor } from '../shared/package-purl.js';
import { packageVulnSighting, titleFor } from '../shared/package-vuln.js';
import { severityFromWord } from '../shared/vuln-severity.js';
import { ghsaOf } from './advisory.js';
/** npm's advice: the upgrade it would make (often of a parent package), or `npm audit fix`. */
function advice(v) {
    const fix = v.fixAvailable;
    if (fix === true)
        return { remediation: 'Run npm audit fix', fixedVersions: [] };
    if (!fix || typeof fix !== 'object' || !fix.name || !fix.version)
        return { remediation: null, fixedVersions: [] };
    const major = fix.isSemVerMajor ? ' (a semver-major upgrade)' : '';
    if (fix.name === v.name)
        return { remediation: null, fixedVersions: [fix.version] };
    return { remediation: `Upgrade ${fix.name} to ${fix.version}${major}, which fixes ${v.name}`, fixedVersions: [] };
}
/**
 * One npm 7+ vulnerability entry as sightings: one per advisory in its `via` list. Entries whose `via`
 * only names dependencies (`"via": ["gulp-cli"]`) are vulnerable through those dependencies, whose own
 * entries carry the advisories: they yield nothing of their own (npm lists them as the dependency's
 * `effects`, kept in its evidence). npm 7+ reports no installed version and no CVE: the GHSA is the id.
 */
export function vulnerabilitySightings(assetUid, v) {
    const { remediation, fixedVersions } = advice(v);
    return v.via.filter((x) => typeof x !== 'string').map((via) => {
        const name = via.name || via.dependency || v.name;
        const ghsa = ghsaOf(null, via.url);
        const npmId = via.source != null ? `npm:${via.source}` : undefined;
        const primary = ghsa ?? npmId ?? `npm:${name}:${via.title ?? 'advisory'}`;
        return packageVulnSighting({
            assetUid,
            ecosystem: 'npm',
            packageName: name,
            packagePurl: purlFor('npm', name, null),
            advisory: canonicalAdvisory(primary, npmId && ghsa ? [npmId] : []),
            originalId: via.source != null ? String(via.source) : primary,
            title: titleFor(via.title, name),
            severity: severityFromWord(via.severity) ?? severityFromWord(v.severity) ?? 'info',
            remediation,
            properties: {
                cweIds: via.cwe,
                cvss: via.cvss?.vectorString || via.cvss?.score ? [{ vector: via.cvss.vectorString ?? null, baseScore: via.cvss.score ?? null }] : [],
                url: via.url ?? null,
                vulnerableVersions: via.range ?? null,
            },
            occurrence: {
                path: null,
                installedVersion: null,
                fixedVersions: name === v.name ? fixedVersions : [],
                installedRange: v.range ?? null,
                nodes: v.nodes,
                isDirect: v.isDirect ?? null,
                effects: v.effects,
            },
        });
    });
}
//# sourceMappingURL=v7.js.map