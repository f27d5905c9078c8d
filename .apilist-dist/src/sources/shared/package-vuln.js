import { vulnFingerprint } from '../../findings/fingerprint.js';
/**
 * A vulnerable package as a sighting of a `vuln` finding. The fingerprint names asset, ecosystem, package
 * and canonical advisory, never the version or the file: an upgrade that leaves the vulnerability, or the
 * same package in two lockfiles, keeps one finding (its occurrences list each place).
 */
export function packageVulnSighting(v) {
    return {
        occurrence: v.occurrence,
        finding: {
            fingerprint: vulnFingerprint(v.assetUid, v.ecosystem, v.packageName, v.advisory.id),
            kind: 'vuln',
            advisoryId: v.advisory.id,
            title: v.title?.trim() || `${v.advisory.id} in ${v.packageName}`,
            description: v.description?.trim() || null,
            severity: v.severity,
            assetUid: v.assetUid,
            packagePurl: v.packagePurl,
            evidence: v.occurrence,
            remediation: v.remediation?.trim() || null,
            properties: {
                ...v.properties,
                ecosystem: v.ecosystem,
                packageName: v.packageName,
                aliases: v.advisory.aliases,
                fixedVersions: [],
            },
            originalId: v.originalId,
        },
    };
}
function fixedOf(o) {
    return Array.isArray(o.fixedVersions) ? o.fixedVersions.filter((x) => typeof x === 'string' && x !== '') : [];
}
/**
 * Every sighting's fixed versions, and the upgrade advice they give (else the tool's own advice); several
 * places go to evidence.occurrences.
 */
export const finalizePackageVuln = (first, occurrences) => {
    const fixed = [...new Set(occurrences.flatMap(fixedOf))];
    const name = typeof first.properties?.packageName === 'string' ? first.properties.packageName : 'the package';
    return {
        ...first,
        evidence: occurrences.length < 2 ? first.evidence : { ...first.evidence, occurrences },
        remediation: fixed.length ? `Upgrade ${name} to ${fixed.join(', ')}` : first.remediation ?? null,
        properties: { ...first.properties, fixedVersions: fixed },
    };
};
/** `Prototype Pollution` → `Prototype Pollution in lodash`; a title naming the package already is kept. */
export function titleFor(title, packageName) {
    const t = title?.trim();
    if (!t)
        return null;
    return t.toLowerCase().includes(packageName.toLowerCase()) ? t : `${t} in ${packageName}`;
}
//# sourceMappingURL=package-vuln.js.map