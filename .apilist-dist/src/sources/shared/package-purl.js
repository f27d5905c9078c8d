import { PackageURL } from 'packageurl-js';
/** purl type per OSV ecosystem, for tools that give no purl. */
const TYPES = {
    npm: 'npm', PyPI: 'pypi', Maven: 'maven', NuGet: 'nuget', Packagist: 'composer', RubyGems: 'gem', Go: 'golang',
    'crates.io': 'cargo', Hex: 'hex', Pub: 'pub', CocoaPods: 'cocoapods', SwiftURL: 'swift', 'GitHub Actions': 'github',
    ConanCenter: 'conan', CRAN: 'cran', Hackage: 'hackage',
    Debian: 'deb', Ubuntu: 'deb', Alpine: 'apk', Wolfi: 'apk', Chainguard: 'apk',
    'Red Hat': 'rpm', CentOS: 'rpm', 'Rocky Linux': 'rpm', AlmaLinux: 'rpm', 'Amazon Linux': 'rpm', 'Oracle Linux': 'rpm',
    SUSE: 'rpm', openSUSE: 'rpm', 'Photon OS': 'rpm', 'CBL-Mariner': 'rpm',
};
/** purl namespace of OS packages: the distro, as Trivy and Grype write it. */
const DISTROS = {
    Debian: 'debian', Ubuntu: 'ubuntu', Alpine: 'alpine', Wolfi: 'wolfi', Chainguard: 'chainguard', 'Red Hat': 'redhat',
    CentOS: 'centos', 'Rocky Linux': 'rocky', AlmaLinux: 'alma', 'Amazon Linux': 'amazon', 'Oracle Linux': 'oracle',
    SUSE: 'sles', openSUSE: 'opensuse', 'Photon OS': 'photon', 'CBL-Mariner': 'cbl-mariner',
};
function split(type, name) {
    if (type === 'maven') {
        const i = name.lastIndexOf(':');
        return i > 0 ? { namespace: name.slice(0, i), name: name.slice(i + 1) } : { namespace: undefined, name };
    }
    if (type === 'pypi')
        return { namespace: undefined, name: name.toLowerCase().replace(/_/g, '-') };
    if (['npm', 'golang', 'composer', 'github', 'swift'].includes(type)) {
        const i = name.lastIndexOf('/');
        return i > 0 ? { namespace: name.slice(0, i), name: name.slice(i + 1) } : { namespace: undefined, name };
    }
    return { namespace: undefined, name };
}
/**
 * A purl for a package known by ecosystem, name and version (`pkg:npm/%40babel/core@7.1.0`); a version of
 * null or '' gives a purl without one. Names a purl type rejects fall back to `pkg:generic`.
 */
export function purlFor(ecosystem, name, version) {
    const type = Object.hasOwn(TYPES, ecosystem) ? TYPES[ecosystem] : 'generic';
    const parts = split(type, name);
    const namespace = Object.hasOwn(DISTROS, ecosystem) ? DISTROS[ecosystem] : parts.namespace;
    try {
        return new PackageURL(type, namespace, parts.name, version || undefined, undefined, undefined).toString();
    }
    catch {
        return new PackageURL('generic', undefined, name, version || undefined, undefined, undefined).toString();
    }
}
/**
 * The package name as Trivy spells it, from a tool's purl and name: Maven packages are `group:artifact`
 * (Grype names a jar by its artifact id alone); other names are the tool's own.
 */
export function trivyStyleName(purl, name) {
    if (!purl || !/^pkg:\/*maven\//i.test(purl))
        return name;
    try {
        const p = PackageURL.fromString(purl);
        return p.namespace ? `${p.namespace}:${p.name}` : name;
    }
    catch {
        return name;
    }
}
//# sourceMappingURL=package-purl.js.map