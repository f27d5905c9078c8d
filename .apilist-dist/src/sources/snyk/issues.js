import { ruleFingerprint } from '../../findings/fingerprint.js';
import { canonicalAdvisory } from '../shared/advisory-id.js';
import { isOsEcosystem, osvEcosystem } from '../shared/ecosystem-names.js';
import { purlFor } from '../shared/package-purl.js';
import { packageVulnSighting, titleFor } from '../shared/package-vuln.js';
import { severityFromWord } from '../shared/vuln-severity.js';
export function issuePackage(ctx, i) {
    const ecosystem = osvEcosystem(i.packageManager || ctx.packageManager);
    const full = i.name || i.packageName;
    const os = isOsEcosystem(ecosystem);
    const binary = os && full.startsWith(`${i.packageName}/`) ? full.slice(i.packageName.length + 1) : full;
    const version = i.version ?? '';
    return {
        ecosystem,
        name: binary,
        version,
        purl: purlFor(ecosystem, binary, version),
        sourceName: os && binary !== i.packageName ? i.packageName : null,
        path: os ? '' : ctx.manifest,
    };
}
function num(v) {
    const n = typeof v === 'string' ? Number(v) : v;
    return typeof n === 'number' && Number.isFinite(n) ? n : null;
}
/** The direct dependency upgrade Snyk proposes (`upgradePath[1]`, `express@4.17.3`). */
function upgradeAdvice(i) {
    const step = i.upgradePath.find((x) => typeof x === 'string' && x !== '');
    if (!step)
        return null;
    const at = step.lastIndexOf('@');
    return at > 0 ? `Upgrade ${step.slice(0, at)} to ${step.slice(at + 1)}` : `Upgrade to ${step}`;
}
/**
 * A vulnerability as a sighting of a `vuln` finding: the CVE when Snyk names exactly one, else the GHSA
 * when it names exactly one, else Snyk's id (`SNYK-JS-...`). Each dependency path is one occurrence.
 */
export function vulnSighting(ctx, i, pkg) {
    const ids = i.identifiers;
    const ghsa = ids.GHSA?.length === 1 ? ids.GHSA[0] : undefined;
    const related = Object.values(ids).flat().filter((x) => /^(?:CVE|GHSA)-/i.test(x));
    return packageVulnSighting({
        assetUid: ctx.assetUid,
        ecosystem: pkg.ecosystem,
        packageName: pkg.name,
        packagePurl: pkg.purl,
        advisory: canonicalAdvisory(ghsa ?? i.id, [...related, i.id]),
        originalId: i.id,
        title: titleFor(i.title, pkg.name),
        description: i.description ?? null,
        severity: severityFromWord(i.severity) ?? 'info',
        remediation: upgradeAdvice(i),
        properties: {
            snykId: i.id,
            identifiers: ids,
            cweIds: ids.CWE ?? [],
            cvss: i.CVSSv3 || i.cvssScore != null ? [{ vector: i.CVSSv3 ?? null, baseScore: i.cvssScore ?? null }] : [],
            epss: i.epssDetails ? { probability: num(i.epssDetails.probability), percentile: num(i.epssDetails.percentile) } : null,
            exploitMaturity: i.exploit ?? null,
            malicious: i.malicious ?? false,
            references: i.references.map((r) => r.url).filter((u) => !!u),
            publicationTime: i.publicationTime ?? null,
        },
        occurrence: {
            path: pkg.path || null,
            installedVersion: pkg.version || null,
            fixedVersions: i.fixedIn,
            from: i.from.join(' > '),
            upgradePath: i.upgradePath.filter((x) => typeof x === 'string'),
            isUpgradable: i.isUpgradable ?? null,
            isPatchable: i.isPatchable ?? null,
        },
    });
}
/** A license policy issue as a `license` finding on the package: identity is license and package. */
export function licenseSighting(ctx, i, pkg) {
    const license = i.license || i.id;
    const occurrence = { path: pkg.path || null, installedVersion: pkg.version || null, from: i.from.join(' > ') };
    return {
        occurrence,
        finding: {
            fingerprint: ruleFingerprint('license', license, ctx.assetUid, `${pkg.ecosystem}:${pkg.name}`),
            kind: 'license',
            ruleId: license,
            title: `${i.title?.trim() || `${license} license`} in ${pkg.name}`,
            severity: severityFromWord(i.severity) ?? 'info',
            assetUid: ctx.assetUid,
            packagePurl: pkg.purl,
            evidence: occurrence,
            properties: { snykId: i.id, ecosystem: pkg.ecosystem, packageName: pkg.name, license },
            originalId: i.id,
        },
    };
}
//# sourceMappingURL=issues.js.map