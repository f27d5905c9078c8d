import { canonicalAdvisoryId as canonicalId } from '../../findings/advisory-id.js';
import { vulnFingerprint } from '../../findings/fingerprint.js';
import { ecosystemOf, isOsFamily } from './ecosystem.js';
import { severityOf } from './finding-set.js';
import { purlOf } from './purl.js';
import { layerOf } from './context.js';
/**
 * The id a vulnerability is known by everywhere: the CVE when there is one. Trivy reports a GHSA id when
 * its source had no CVE at the time; if the record names exactly one CVE (in VendorIDs or as the CVE
 * record among its references) that CVE is the canonical id and the GHSA an alias. Ambiguity keeps the GHSA.
 * The rule itself is shared (findings/advisory-id.ts), so our own matcher promotes OSV records the same way.
 */
export function canonicalAdvisoryId(v) {
    const id = v.VulnerabilityID;
    if (!/^GHSA-/i.test(id))
        return { id, aliases: [] };
    const canonical = canonicalId(id, v.VendorIDs, v.References);
    return canonical === id ? { id, aliases: [] } : { id: canonical, aliases: [id] };
}
/** Trivy's FixedVersion lists alternatives joined by ", " (one per release line). */
export function splitFixedVersions(fixed) {
    return (fixed ?? '').split(/,\s*/).map((s) => s.trim()).filter((s) => s !== '');
}
/** `1:2.3-4` → epoch 1 and `2.3-4`, for OS package versions; language versions are left alone. */
function splitEpoch(version, os) {
    const m = os ? /^(\d+):(.+)$/.exec(version) : null;
    return m ? { epoch: Number(m[1]), version: m[2] } : { epoch: null, version };
}
/**
 * One vulnerability entry as a sighting of a `vuln` finding. The fingerprint names asset, ecosystem,
 * package and advisory, never the installed version: an upgrade that leaves the vulnerability keeps the
 * finding. Entries a vendor marks `not_affected` are not problems and yield nothing.
 */
function identityOf(ctx, result, v) {
    const installed = v.InstalledVersion ?? '';
    const { epoch, version } = splitEpoch(installed, isOsFamily(result.Type));
    const purl = purlOf(v.PkgIdentifier?.PURL, { resultType: result.Type, os: ctx.os, name: v.PkgName, version, epoch });
    const ecosystem = ecosystemOf(result.Type, purl);
    const { id, aliases } = canonicalAdvisoryId(v);
    return { installed, purl, ecosystem, id, aliases, fingerprint: vulnFingerprint(ctx.assetUid, ecosystem, v.PkgName, id) };
}
/** The fingerprint of the finding vulnSighting makes of an entry (or undefined when it makes none). */
export function vulnKey(ctx, result, v) {
    return v.Status === 'not_affected' ? undefined : identityOf(ctx, result, v).fingerprint;
}
export function vulnSighting(ctx, result, v) {
    if (v.Status === 'not_affected')
        return undefined;
    const { installed, purl, ecosystem, id, aliases, fingerprint } = identityOf(ctx, result, v);
    const occurrence = {
        target: result.Target,
        pkgId: v.PkgID ?? null,
        pkgPath: v.PkgPath ?? null,
        installedVersion: installed,
        fixedVersion: v.FixedVersion || null,
        status: v.Status ?? null,
        layer: layerOf(v.Layer),
    };
    return {
        occurrence,
        finding: {
            fingerprint,
            kind: 'vuln',
            advisoryId: id,
            title: v.Title || `${v.VulnerabilityID} in ${v.PkgName}`,
            description: v.Description || null,
            severity: severityOf(v.Severity),
            assetUid: ctx.assetUid,
            packagePurl: purl,
            evidence: occurrence,
            remediation: null,
            properties: {
                ecosystem,
                packageName: v.PkgName,
                aliases,
                cvss: v.CVSS ?? {},
                cweIds: v.CweIDs,
                vendorIds: v.VendorIDs,
                references: v.References,
                primaryUrl: v.PrimaryURL ?? null,
                publishedDate: v.PublishedDate ?? null,
                lastModifiedDate: v.LastModifiedDate ?? null,
                severitySource: v.SeveritySource ?? null,
                vendorSeverity: v.VendorSeverity ?? {},
                dataSource: v.DataSource ? { id: v.DataSource.ID ?? null, name: v.DataSource.Name ?? null, url: v.DataSource.URL ?? null } : null,
                fixedVersions: [],
            },
            originalId: v.VulnerabilityID,
        },
    };
}
/** Fixed versions of every sighting, and the upgrade advice they give. */
export const finalizeVuln = (first, occurrences) => {
    const fixed = [...new Set(occurrences.flatMap((o) => splitFixedVersions(typeof o.fixedVersion === 'string' ? o.fixedVersion : null)))];
    const name = typeof first.properties?.packageName === 'string' ? first.properties.packageName : 'the package';
    return {
        ...first,
        evidence: occurrences.length < 2 ? first.evidence : { ...first.evidence, occurrences },
        remediation: fixed.length ? `Upgrade ${name} to ${fixed.join(', ')}` : null,
        properties: { ...first.properties, fixedVersions: fixed },
    };
};
//# sourceMappingURL=vulnerabilities.js.map