/**
 * OSV ecosystem names (the spelling of ../trivy/ecosystem.ts) for Amazon Inspector's package managers and
 * platforms, so that its findings fingerprint like Trivy's and Grype's for the same package.
 */
const PACKAGE_MANAGERS = {
    BUNDLER: 'RubyGems', GEMSPEC: 'RubyGems',
    CARGO: 'crates.io',
    COMPOSER: 'Packagist',
    DOTNET_CORE: 'NuGet', NUGET: 'NuGet',
    GOBINARY: 'Go', GOMOD: 'Go',
    GRADLE: 'Maven', JAR: 'Maven', POM: 'Maven',
    NODEPKG: 'npm', NPM: 'npm', YARN: 'npm', PNPM: 'npm',
    PIP: 'PyPI', PIPENV: 'PyPI', POETRY: 'PyPI', PYTHONPKG: 'PyPI', UV: 'PyPI',
};
/** Inspector platform prefixes (`DEBIAN_11`, `AMAZON_LINUX_2`, `ALPINE_LINUX_3_17`) → OS ecosystem. */
const PLATFORMS = [
    [/^AMAZON_LINUX/, 'Amazon Linux'],
    [/^ALPINE/, 'Alpine'],
    [/^ALMA/, 'AlmaLinux'],
    [/^BOTTLEROCKET/, 'Bottlerocket'],
    [/^CBL_MARINER|^MARINER/, 'CBL-Mariner'],
    [/^CENTOS/, 'CentOS'],
    [/^DEBIAN/, 'Debian'],
    [/^FEDORA/, 'Fedora'],
    [/^OPENSUSE/, 'openSUSE'],
    [/^ORACLE/, 'Oracle Linux'],
    [/^RHEL|^RED_HAT/, 'Red Hat'],
    [/^ROCKY/, 'Rocky Linux'],
    [/^SUSE|^SLES/, 'SUSE'],
    [/^UBUNTU/, 'Ubuntu'],
    [/^WINDOWS/, 'Windows'],
];
/** The platform Inspector names for the resource, from its product fields or the resource details. */
export function platformOf(f) {
    for (const [key, value] of Object.entries(f.ProductFields ?? {})) {
        if (/\/platform$/i.test(key) && typeof value === 'string' && value.trim())
            return value.trim().toUpperCase();
    }
    for (const r of f.Resources) {
        for (const detail of Object.values(r.Details ?? {})) {
            const platform = detail?.Platform;
            if (typeof platform === 'string' && platform.trim())
                return platform.trim().toUpperCase();
        }
    }
    return null;
}
/**
 * The ecosystem of a vulnerable package: its package manager's, or for OS packages (`OS`) the platform's.
 * Unknown names are kept as given rather than guessed.
 */
export function ecosystemOf(packageManager, platform) {
    const pm = (packageManager ?? '').trim().toUpperCase();
    if (pm && pm !== 'OS')
        return Object.hasOwn(PACKAGE_MANAGERS, pm) ? PACKAGE_MANAGERS[pm] : pm;
    const os = platform ? PLATFORMS.find(([re]) => re.test(platform))?.[1] : undefined;
    return os ?? platform ?? 'OS';
}
//# sourceMappingURL=ecosystem.js.map