import { propertyMap, TRIVY } from '../cyclonedx/properties.js';
/** SPDX writes these where a value is unknown: placeholders, not data. */
const PLACEHOLDERS = new Set(['NOASSERTION', 'NONE', '']);
export function clean(value) {
    const v = value?.trim() ?? '';
    return PLACEHOLDERS.has(v.toUpperCase()) ? null : v;
}
/** The package's purl: its external reference of type `purl` (category PACKAGE-MANAGER). */
export function purlOf(p) {
    return clean(p.externalRefs.find((r) => r.referenceType === 'purl')?.referenceLocator);
}
/** `licenseConcluded` (the SBOM author's determination) wins over `licenseDeclared` (the package's claim). */
function licensesOf(p) {
    const license = clean(p.licenseConcluded) ?? clean(p.licenseDeclared);
    return license ? [license] : [];
}
/**
 * Trivy's `Key: value` texts as the property names its CycloneDX output uses (`aquasecurity:trivy:Key`),
 * so one set of rules reads both. Only for documents Trivy made: other tools' texts are free prose.
 */
function trivyProperties(p, byTrivy) {
    const texts = [
        ...(byTrivy ? p.attributionTexts : []),
        ...p.annotations.filter((a) => byTrivy || /^Tool:\s*trivy/i.test(a.annotator ?? '')).map((a) => a.comment ?? ''),
    ];
    const props = texts.flatMap((t) => {
        const m = /^([A-Za-z][\w:]*):\s+(.+)$/.exec(t.trim());
        return m ? [{ name: `${TRIVY}${m[1]}`, value: m[2] }] : [];
    });
    // Trivy names an OS package's source package in sourceInfo: `built package from: openssl 1:1.0.2k-16.el7`.
    const built = byTrivy ? /^built package from:\s*(\S+)(?:\s+(\S+))?/.exec(p.sourceInfo ?? '') : null;
    if (built)
        props.push({ name: `${TRIVY}SrcName`, value: built[1] }, { name: `${TRIVY}SrcVersion`, value: built[2] ?? '' });
    return props;
}
/** Trivy's SPDX ids say what a package is (SPDXRef-ContainerImage-..., SPDXRef-OperatingSystem-...). */
function typeOf(p) {
    if (p.SPDXID.startsWith('SPDXRef-ContainerImage'))
        return 'container';
    if (p.SPDXID.startsWith('SPDXRef-OperatingSystem'))
        return 'operating-system';
    return p.primaryPackagePurpose?.toLowerCase().replace(/_/g, '-') || null;
}
/** An SPDX package as a format-neutral SBOM component. */
export function toSbomComponent(p, byTrivy) {
    return {
        ref: p.SPDXID,
        type: typeOf(p),
        group: null,
        name: clean(p.name) ?? '',
        version: clean(p.versionInfo) ?? '',
        purl: purlOf(p),
        licenses: licensesOf(p),
        properties: propertyMap(trivyProperties(p, byTrivy)),
    };
}
//# sourceMappingURL=components.js.map