import { PackageURL } from 'packageurl-js';
import { purlTypeOf } from './ecosystem.js';
/** Splits a Trivy package name into purl namespace and name, per the purl type's rules. */
function splitName(type, name) {
    if (type === 'maven') {
        const i = name.lastIndexOf(':');
        return i > 0 ? { namespace: name.slice(0, i), name: name.slice(i + 1) } : { namespace: undefined, name };
    }
    if (type === 'pypi')
        return { namespace: undefined, name: name.toLowerCase().replace(/_/g, '-') };
    if (['apk', 'deb', 'rpm', 'generic'].includes(type))
        return { namespace: undefined, name };
    const i = name.lastIndexOf('/');
    return i > 0 ? { namespace: name.slice(0, i), name: name.slice(i + 1) } : { namespace: undefined, name };
}
function distroFamily(os) {
    const family = os?.Family?.toLowerCase();
    if (!family)
        return undefined;
    // Trivy's SLES family name has spaces; its purls say `sles`.
    return family.startsWith('suse linux enterprise') ? 'sles' : family;
}
/**
 * A purl for a package Trivy listed without one (older reports, some SBOM inputs), built the way Trivy
 * builds its own: OS packages carry the distro family as namespace and `distro`/`arch`/`epoch` qualifiers.
 */
export function buildPurl(input) {
    const type = purlTypeOf(input.resultType);
    const split = splitName(type, input.name);
    const qualifiers = {};
    let namespace = split.namespace;
    if (type === 'apk' || type === 'deb' || type === 'rpm') {
        const family = distroFamily(input.os);
        namespace = family;
        if (input.arch)
            qualifiers.arch = input.arch;
        if (family && input.os?.Name)
            qualifiers.distro = type === 'apk' ? input.os.Name : `${family}-${input.os.Name}`;
        if (input.epoch)
            qualifiers.epoch = String(input.epoch);
    }
    try {
        return new PackageURL(type, namespace, split.name, input.version || undefined, qualifiers, undefined).toString();
    }
    catch {
        // A name the purl type rejects still needs a stable identity.
        return new PackageURL('generic', undefined, input.name, input.version || undefined, undefined, undefined).toString();
    }
}
/** Trivy's own purl when it is one, otherwise one built from the parts. */
export function purlOf(given, input) {
    return given && given.startsWith('pkg:') ? given : buildPurl(input);
}
//# sourceMappingURL=purl.js.map