import { packageVulnSighting } from '../shared/package-vuln.js';
import { canonicalId } from '../cyclonedx/advisory-id.js';
import { clean } from './components.js';
/** SECURITY reference types that point at a weakness; cpe22Type/cpe23Type name the package itself. */
const ADVISORY_TYPES = new Set(['advisory', 'fix', 'url']);
const VULN_ID = /CVE-\d{4}-\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}/gi;
/** Ids as their databases spell them: `CVE-2024-1234`, `GHSA-jfh8-c2jp-5v3q`. */
function normalizeId(id) {
    return /^cve-/i.test(id) ? id.toUpperCase() : `GHSA-${id.slice(5).toLowerCase()}`;
}
/** The package's advisory references grouped by the vulnerability ids they name (URL or comment). */
function advisoriesById(p) {
    const byId = new Map();
    for (const r of p.externalRefs) {
        if ((r.referenceCategory ?? '').toUpperCase() !== 'SECURITY' || !ADVISORY_TYPES.has(r.referenceType))
            continue;
        const locator = clean(r.referenceLocator);
        if (!locator)
            continue;
        const ref = { type: r.referenceType, locator, comment: clean(r.comment) };
        const ids = new Set(`${locator} ${ref.comment ?? ''}`.match(VULN_ID)?.map(normalizeId) ?? []);
        for (const id of ids)
            byId.set(id, [...(byId.get(id) ?? []), ref]);
    }
    return byId;
}
/**
 * SPDX 2 has no vulnerability section: a SECURITY reference of an advisory type (advisory, fix, url)
 * that names a CVE or GHSA id is the only weakness signal, and is one `vuln` finding per package and
 * id (an advisory URL and a fix URL for one CVE are one finding). The format carries no severity, so
 * the severity is `info` (unknown), as for an unrated CycloneDX or Trivy vulnerability. References
 * that name no id are not findings.
 */
export function advisorySightings(assetUid, p, pkg, path) {
    return [...advisoriesById(p)].map(([rawId, refs]) => {
        const fixes = refs.filter((r) => r.type === 'fix').map((r) => r.locator);
        return packageVulnSighting({
            assetUid, ecosystem: pkg.ecosystem, packageName: pkg.name, packagePurl: pkg.purl,
            advisory: canonicalId(rawId, [], refs.map((r) => r.locator)),
            originalId: rawId,
            title: pkg.name ? null : rawId,
            description: `The SBOM records a security advisory for ${pkg.name || 'a package'}${pkg.version ? ` ${pkg.version}` : ''} naming ${rawId}.`,
            severity: 'info',
            remediation: fixes.length ? `See ${fixes.join(', ')}` : null,
            properties: { references: refs.map((r) => ({ type: r.type, url: r.locator, comment: r.comment })) },
            occurrence: { path: path || null, installedVersion: pkg.version || null, fixedVersions: [], purl: pkg.purl },
        });
    });
}
//# sourceMappingURL=advisories.js.map