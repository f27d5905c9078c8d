import { formatVersion } from '../trivy/packages.js';
import { canonicalAdvisory } from '../shared/advisory-id.js';
import { purlFor } from '../shared/package-purl.js';
import { packageVulnSighting } from '../shared/package-vuln.js';
import { scoreOf } from '../shared/score-severity.js';
import { ecosystemOf } from './ecosystem.js';
/** Inspector's `Epoch: "0"` is no epoch; versions are written as Trivy writes them (`epoch:version-release`). */
function installedVersion(p) {
    if (!p.Version)
        return null;
    const epoch = Number(p.Epoch ?? 0);
    return formatVersion(Number.isInteger(epoch) ? epoch : 0, p.Version, p.Release);
}
/** Inspector writes `NotAvailable` when there is no fix. */
function fixedVersions(p) {
    const fixed = p.FixedInVersion?.trim();
    return fixed && !/^not ?available$/i.test(fixed) ? [fixed] : [];
}
function vulnProperties(f, v) {
    return {
        tool: 'asff',
        productArn: f.ProductArn,
        cvss: v.Cvss.map((c) => ({ version: c.Version ?? null, score: scoreOf(c.BaseScore) ?? null, vector: c.BaseVector ?? null, source: c.Source ?? null })),
        epss: scoreOf(v.EpssScore) ?? null,
        vendor: v.Vendor ? { name: v.Vendor.Name ?? null, url: v.Vendor.Url ?? null, severity: v.Vendor.VendorSeverity ?? null } : null,
        references: v.ReferenceUrls,
        fixAvailable: v.FixAvailable ?? null,
        exploitAvailable: v.ExploitAvailable ?? null,
    };
}
/**
 * One sighting per vulnerable package of each vulnerability of an Inspector finding: a `vuln` finding
 * fingerprinted like Trivy's and Grype's (asset, ecosystem, package name, CVE), so the same CVE in the same
 * package of the same ECR image is one finding whichever tool saw it. The CVE is the canonical id when the
 * record names exactly one (GHSA and vendor ids become aliases).
 */
export function vulnSightings(ctx) {
    const f = ctx.finding;
    const out = [];
    for (const v of f.Vulnerabilities) {
        const advisory = canonicalAdvisory(v.Id, v.RelatedVulnerabilities);
        for (const p of v.VulnerablePackages) {
            const ecosystem = ecosystemOf(p.PackageManager, ctx.platform);
            const version = installedVersion(p);
            out.push(packageVulnSighting({
                assetUid: ctx.assetUid,
                ecosystem,
                packageName: p.Name,
                packagePurl: purlFor(ecosystem, p.Name, version),
                advisory,
                originalId: v.Id,
                title: f.Title,
                description: f.Description ?? null,
                severity: ctx.severity,
                properties: vulnProperties(f, v),
                occurrence: {
                    path: p.FilePath?.trim() || null,
                    installedVersion: version,
                    fixedVersions: fixedVersions(p),
                    packageManager: p.PackageManager ?? null,
                    architecture: p.Architecture ?? null,
                    layer: p.SourceLayerHash ?? null,
                    advice: p.Remediation ?? null,
                    findingId: f.Id,
                },
            }));
        }
    }
    return out;
}
//# sourceMappingURL=vulnerabilities.js.map