import { ruleFingerprint } from '../../findings/fingerprint.js';
import { canonicalAdvisory } from '../shared/advisory-id.js';
import { analyzerForFile, placePackage } from '../shared/package-place.js';
import { packageVulnSighting } from '../shared/package-vuln.js';
import { severityFromWord } from '../shared/vuln-severity.js';
/**
 * Checkov leaves `severity` null unless the run is connected to its platform (Prisma Cloud): a failed
 * check then counts as medium, as DefectDojo counts it.
 */
export const DEFAULT_SEVERITY = 'medium';
function kindOf(checkType) {
    return checkType === 'secrets' ? 'secret' : 'config';
}
/** A Checkov SCA result (`sca_package`, `sca_image`): a vulnerable package, fingerprinted as every other scanner's. */
function vulnSighting(assetUid, checkType, c, occurrence, properties) {
    const v = c.vulnerability_details;
    if (!v?.id || !v.package_name)
        return undefined;
    const placed = placePackage(analyzerForFile(c.file_path), 'unknown', v.package_name, v.package_version ?? null);
    const fixed = v.fixed_version ?? v.lowest_fixed_version ?? null;
    return packageVulnSighting({
        assetUid,
        ecosystem: placed.ecosystem,
        packageName: v.package_name,
        packagePurl: placed.purl,
        advisory: canonicalAdvisory(v.id),
        originalId: c.check_id,
        title: c.check_name ?? null,
        description: v.description ?? null,
        severity: severityFromWord(v.severity ?? c.severity) ?? DEFAULT_SEVERITY,
        properties: { ...properties, cvss: v.cvss ?? null, link: v.link ?? null, checkType },
        occurrence: { ...occurrence, installedVersion: v.package_version ?? null, fixedVersions: fixed ? [fixed] : [] },
    });
}
/**
 * A failed check as a sighting of a `config` (or, for the secrets framework, `secret`) finding. Identity
 * is the check, the file and the resource (`aws_s3_bucket.logs`; for secrets Checkov's hash of the
 * secret), which survive lines moving.
 */
export function checkSighting(assetUid, checkType, c) {
    const [start, end] = c.file_line_range ?? [];
    const occurrence = {
        path: c.file_path,
        startLine: start || null,
        endLine: end || start || null,
        resource: c.resource ?? null,
        resourceAddress: c.resource_address ?? null,
        checkType,
    };
    const properties = {
        bcCheckId: c.bc_check_id ?? null,
        checkClass: c.check_class ?? null,
        guideline: c.guideline ?? null,
        details: c.details ?? [],
    };
    const vuln = c.vulnerability_details ? vulnSighting(assetUid, checkType, c, { ...occurrence, path: c.file_path }, properties) : undefined;
    if (vuln)
        return vuln;
    const kind = kindOf(checkType);
    const title = c.check_name || c.check_id;
    return {
        occurrence,
        finding: {
            fingerprint: ruleFingerprint(kind, c.check_id, assetUid, `${c.file_path}#resource:${c.resource ?? ''}`),
            kind,
            ruleId: c.check_id,
            title,
            description: c.description ?? c.short_description ?? null,
            severity: severityFromWord(c.severity) ?? DEFAULT_SEVERITY,
            assetUid,
            evidence: occurrence,
            remediation: c.guideline ? `See ${c.guideline}` : null,
            properties,
            originalId: c.bc_check_id ?? c.check_id,
        },
    };
}
//# sourceMappingURL=check.js.map