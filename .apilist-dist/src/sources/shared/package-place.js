import { ecosystemOf } from '../trivy/ecosystem.js';
import { buildPurl } from '../trivy/purl.js';
/**
 * Places a package that a non-SBOM report names only loosely (by lockfile, by an ecosystem word) in an
 * OSV ecosystem and a purl, through Trivy's analyzer types so that the ecosystem names match what the
 * Trivy parser gives: the same vulnerability from two tools must fingerprint alike.
 */
/** Lockfiles and archives → Trivy analyzer types. */
const FILE_TYPES = [
    [/(^|\/)(package-lock\.json|package\.json|npm-shrinkwrap\.json)$/i, 'npm'],
    [/(^|\/)yarn\.lock$/i, 'yarn'], [/(^|\/)pnpm-lock\.ya?ml$/i, 'pnpm'], [/(^|\/)bun\.lockb?$/i, 'bun'],
    [/(^|\/)go\.(mod|sum)$/i, 'gomod'],
    [/(^|\/)Gemfile(\.lock)?$/i, 'bundler'], [/\.gemspec$/i, 'gemspec'],
    [/(^|\/)Cargo\.(lock|toml)$/i, 'cargo'],
    [/(^|\/)composer\.(lock|json)$/i, 'composer'],
    [/(^|\/)(requirements[^/]*\.txt|Pipfile(\.lock)?|poetry\.lock|uv\.lock|setup\.py|pyproject\.toml)$/i, 'pip'],
    [/(^|\/)(pom\.xml|build\.gradle(\.kts)?|gradle\.lockfile)$|\.(jar|war|ear|par|sar)$/i, 'jar'],
    [/(^|\/)(packages\.lock\.json|packages\.config)$|\.(deps\.json|csproj)$/i, 'nuget'],
    [/(^|\/)mix\.lock$/i, 'hex'], [/(^|\/)pubspec\.(lock|yaml)$/i, 'pub'], [/(^|\/)Package\.(resolved|swift)$/i, 'swift'],
    [/(^|\/)Podfile\.lock$/i, 'cocoapods'], [/(^|\/)conan\.lock$/i, 'conan'],
];
/** The analyzer type of the lockfile or archive at `path`. */
export function analyzerForFile(path) {
    return path ? FILE_TYPES.find(([re]) => re.test(path))?.[1] : undefined;
}
/** Ecosystem words as tools write them (`npm`, `maven`, `PyPI`, `gomod`, `SwiftPM`...) → analyzer types. */
const ECOSYSTEM_WORDS = {
    npm: 'npm', yarn: 'yarn', pnpm: 'pnpm', maven: 'jar', gradle: 'jar', java: 'jar', pypi: 'pip', python: 'pip', pip: 'pip',
    nuget: 'nuget', dotnet: 'nuget', golang: 'gomod', go: 'gomod', gomod: 'gomod', rubygems: 'bundler', gem: 'bundler',
    ruby: 'bundler', cargo: 'cargo', 'crates.io': 'cargo', rust: 'cargo', composer: 'composer', packagist: 'composer',
    php: 'composer', hex: 'hex', mix: 'hex', pub: 'pub', cocoapods: 'cocoapods', conan: 'conan', swift: 'swift', swiftpm: 'swift',
};
export function analyzerForEcosystem(word) {
    const k = (word ?? '').trim().toLowerCase();
    return Object.hasOwn(ECOSYSTEM_WORDS, k) ? ECOSYSTEM_WORDS[k] : undefined;
}
/** Ecosystem and purl of a package; without an analyzer, `fallback` names the ecosystem and there is no purl. */
export function placePackage(analyzer, fallback, name, version) {
    if (!analyzer)
        return { ecosystem: fallback, purl: null };
    const purl = buildPurl({ resultType: analyzer, os: null, name, version: version ?? '' });
    return { ecosystem: ecosystemOf(analyzer, purl), purl: purl.startsWith('pkg:generic/') ? null : purl };
}
//# sourceMappingURL=package-place.js.map