/**
 * Ecosystem names as OSV spells them (https://ossf.github.io/osv-schema/#affectedpackage-field), from the
 * names dependency scanners use for them: package managers (Snyk `pip`, `gomodules`), GitHub's ecosystems
 * (`RUBYGEMS`, `actions`), OSV's own names with a release (`Debian:12`, `Alpine:v3.18`). The same spelling
 * as the Trivy parser's, so vulnerability fingerprints from every tool line up.
 */
const NAMES = {
    npm: 'npm', yarn: 'npm', pnpm: 'npm', bun: 'npm', node: 'npm',
    pypi: 'PyPI', pip: 'PyPI', poetry: 'PyPI', pipenv: 'PyPI', python: 'PyPI', uv: 'PyPI',
    maven: 'Maven', gradle: 'Maven', sbt: 'Maven', java: 'Maven',
    nuget: 'NuGet', dotnet: 'NuGet', paket: 'NuGet',
    packagist: 'Packagist', composer: 'Packagist', php: 'Packagist',
    rubygems: 'RubyGems', gem: 'RubyGems', bundler: 'RubyGems', ruby: 'RubyGems',
    go: 'Go', golang: 'Go', gomodules: 'Go', golangdep: 'Go', govendor: 'Go',
    'crates.io': 'crates.io', cargo: 'crates.io', rust: 'crates.io',
    hex: 'Hex', erlang: 'Hex', elixir: 'Hex',
    pub: 'Pub', dart: 'Pub',
    cocoapods: 'CocoaPods',
    swift: 'SwiftURL', swifturl: 'SwiftURL', swiftpm: 'SwiftURL',
    actions: 'GitHub Actions', 'github actions': 'GitHub Actions',
    conan: 'ConanCenter', conancenter: 'ConanCenter',
    cran: 'CRAN', hackage: 'Hackage',
    debian: 'Debian', deb: 'Debian',
    ubuntu: 'Ubuntu',
    alpine: 'Alpine', apk: 'Alpine',
    wolfi: 'Wolfi', chainguard: 'Chainguard',
    rhel: 'Red Hat', redhat: 'Red Hat', 'red hat': 'Red Hat',
    centos: 'CentOS',
    rocky: 'Rocky Linux', 'rocky linux': 'Rocky Linux',
    alma: 'AlmaLinux', almalinux: 'AlmaLinux',
    amzn: 'Amazon Linux', amazon: 'Amazon Linux', 'amazon linux': 'Amazon Linux',
    oracle: 'Oracle Linux', ol: 'Oracle Linux', 'oracle linux': 'Oracle Linux',
    sles: 'SUSE', suse: 'SUSE', opensuse: 'openSUSE',
    photon: 'Photon OS', 'photon os': 'Photon OS',
    mariner: 'CBL-Mariner', 'cbl-mariner': 'CBL-Mariner',
};
/** The ecosystem for a scanner's name for it; the name itself (without a release) when we do not know it. */
export function osvEcosystem(name) {
    const raw = (name ?? '').trim();
    const base = raw.split(':')[0].trim(); // `Debian:12`, Snyk's `debian:11`
    const key = base.toLowerCase();
    if (Object.hasOwn(NAMES, key))
        return NAMES[key];
    return base || 'unknown';
}
const OS = new Set(['Debian', 'Ubuntu', 'Alpine', 'Wolfi', 'Chainguard', 'Red Hat', 'CentOS', 'Rocky Linux', 'AlmaLinux',
    'Amazon Linux', 'Oracle Linux', 'SUSE', 'openSUSE', 'Photon OS', 'CBL-Mariner']);
/** True when the ecosystem is an operating system's: its packages are OS packages, found at no path. */
export function isOsEcosystem(ecosystem) {
    return OS.has(ecosystem);
}
//# sourceMappingURL=ecosystem-names.js.map