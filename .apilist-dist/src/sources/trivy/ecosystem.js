/**
 * Ecosystem names as OSV spells them (https://ossf.github.io/osv-schema/#affectedpackage-field), so that
 * packages and vulnerability fingerprints from Trivy line up with other tools and with OSV advisories.
 * Where OSV has no name for a distro (Amazon Linux, CBL-Mariner, ...) we use the distro's own name.
 */
/** Trivy OS families (Result.Type of `os-pkgs` results, also the purl namespace of deb/rpm/apk). */
const OS_FAMILIES = {
    alma: 'AlmaLinux',
    alpine: 'Alpine',
    amazon: 'Amazon Linux',
    azurelinux: 'Azure Linux',
    bottlerocket: 'Bottlerocket',
    'cbl-mariner': 'CBL-Mariner',
    centos: 'CentOS',
    chainguard: 'Chainguard',
    debian: 'Debian',
    echo: 'Echo',
    fedora: 'Fedora',
    minimos: 'MinimOS',
    opensuse: 'openSUSE',
    'opensuse-leap': 'openSUSE',
    'opensuse-tumbleweed': 'openSUSE',
    'opensuse.leap': 'openSUSE',
    'opensuse.tumbleweed': 'openSUSE',
    oracle: 'Oracle Linux',
    photon: 'Photon OS',
    redhat: 'Red Hat',
    rocky: 'Rocky Linux',
    sles: 'SUSE',
    slem: 'SUSE',
    'suse linux enterprise server': 'SUSE',
    'suse linux enterprise micro': 'SUSE',
    ubuntu: 'Ubuntu',
    wolfi: 'Wolfi',
};
/** purl types of language packages. */
const PURL_TYPES = {
    bitnami: 'Bitnami',
    cargo: 'crates.io',
    cocoapods: 'CocoaPods',
    composer: 'Packagist',
    conan: 'ConanCenter',
    conda: 'conda',
    cran: 'CRAN',
    gem: 'RubyGems',
    github: 'GitHub Actions',
    golang: 'Go',
    hackage: 'Hackage',
    hex: 'Hex',
    julia: 'Julia',
    k8s: 'Kubernetes',
    maven: 'Maven',
    npm: 'npm',
    nuget: 'NuGet',
    pub: 'Pub',
    pypi: 'PyPI',
    swift: 'SwiftURL',
};
/** Trivy analyzer types (Result.Type of `lang-pkgs` results), for packages without a purl. */
const LANG_TYPES = {
    bitnami: 'Bitnami',
    bun: 'npm', npm: 'npm', 'node-pkg': 'npm', pnpm: 'npm', yarn: 'npm',
    bundler: 'RubyGems', gemspec: 'RubyGems',
    cargo: 'crates.io', 'rust-binary': 'crates.io', rustbinary: 'crates.io',
    cocoapods: 'CocoaPods',
    composer: 'Packagist', 'composer-vendor': 'Packagist',
    conan: 'ConanCenter',
    'conda-pkg': 'conda', 'conda-environment': 'conda',
    'dotnet-core': 'NuGet', nuget: 'NuGet', 'packages-props': 'NuGet',
    gobinary: 'Go', gomod: 'Go',
    gradle: 'Maven', jar: 'Maven', pom: 'Maven', sbt: 'Maven',
    hex: 'Hex',
    julia: 'Julia',
    kubernetes: 'Kubernetes',
    pip: 'PyPI', pipenv: 'PyPI', poetry: 'PyPI', pylock: 'PyPI', 'python-pkg': 'PyPI', uv: 'PyPI',
    pub: 'Pub',
    swift: 'SwiftURL',
};
const OS_PURL_TYPES = new Set(['apk', 'deb', 'rpm']);
/** True when a Trivy Result.Type names an operating system, i.e. its packages are OS packages. */
export function isOsFamily(type) {
    return type != null && Object.hasOwn(OS_FAMILIES, type.toLowerCase());
}
function lookup(table, key) {
    if (!key)
        return undefined;
    const k = key.toLowerCase();
    return Object.hasOwn(table, k) ? table[k] : undefined;
}
/** `pkg:<type>/<namespace>/...` → type and first namespace segment, without a full parse. */
function purlHead(purl) {
    const m = purl ? /^pkg:\/*([A-Za-z0-9.+-]+)\/([^/@?#]+)\//.exec(purl) : null;
    if (m)
        return { type: m[1].toLowerCase(), namespace: decodeURIComponent(m[2]).toLowerCase() };
    const t = purl ? /^pkg:\/*([A-Za-z0-9.+-]+)\//.exec(purl) : null;
    return t ? { type: t[1].toLowerCase(), namespace: '' } : undefined;
}
/**
 * The OSV ecosystem of a package from the Trivy result type and the package's purl. OS results name the
 * distro family; language results are read from the purl type (uniform across Trivy's many analyzers).
 * Unknown types fall back to Trivy's own name, never to an empty string.
 */
export function ecosystemOf(resultType, purl) {
    const os = lookup(OS_FAMILIES, resultType);
    if (os)
        return os;
    const head = purlHead(purl);
    if (head && OS_PURL_TYPES.has(head.type)) {
        const family = lookup(OS_FAMILIES, head.namespace);
        if (family)
            return family;
    }
    return lookup(PURL_TYPES, head?.type) ?? lookup(LANG_TYPES, resultType) ?? (resultType || head?.type || 'unknown');
}
/** The purl type for a Trivy result type, to build a purl when Trivy gave none; `generic` when unknown. */
export function purlTypeOf(resultType) {
    const type = (resultType ?? '').toLowerCase();
    if (['alpine', 'wolfi', 'chainguard', 'minimos'].includes(type))
        return 'apk';
    if (['debian', 'ubuntu', 'echo'].includes(type))
        return 'deb';
    if (type === 'bottlerocket')
        return 'bottlerocket';
    if (isOsFamily(type))
        return 'rpm';
    const ecosystem = lookup(LANG_TYPES, type);
    const entry = ecosystem ? Object.entries(PURL_TYPES).find(([, e]) => e === ecosystem) : undefined;
    return entry ? entry[0] : 'generic';
}
//# sourceMappingURL=ecosystem.js.map