import { PackageURL } from 'packageurl-js';
export function parsePurl(purl) {
    const s = purl?.trim();
    if (!s || !s.startsWith('pkg:'))
        return undefined;
    try {
        const p = PackageURL.fromString(s);
        return {
            type: p.type.toLowerCase(),
            namespace: p.namespace || null,
            name: p.name,
            version: p.version || null,
            qualifiers: { ...(p.qualifiers ?? {}) },
        };
    }
    catch {
        return undefined;
    }
}
/** OS package types: their namespace is the distro vendor, not part of the package's name. */
const OS_PURL_TYPES = new Set(['apk', 'deb', 'rpm', 'alpm']);
export function isOsPurlType(type) {
    return type != null && OS_PURL_TYPES.has(type);
}
/**
 * A package's name as its ecosystem (and Trivy's PkgName, and OSV) spells it: Maven `group:artifact`,
 * npm `@scope/name`, Go the module path, OS packages the bare name.
 */
export function joinName(type, group, name) {
    if (!group || isOsPurlType(type))
        return name;
    return type === 'maven' ? `${group}:${name}` : `${group}/${name}`;
}
/** The purl without version, qualifiers or subpath: what stays the same from one release to the next. */
export function versionlessPurl(p) {
    return new PackageURL(p.type, p.namespace ?? undefined, p.name, undefined, undefined, undefined).toString();
}
//# sourceMappingURL=purl-parts.js.map