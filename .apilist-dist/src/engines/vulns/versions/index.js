/**
 * Version schemes for matching installed packages against OSV advisories: one comparator per ecosystem
 * family, the ecosystem → scheme table, and OSV `affected[]` evaluation. Pure: no I/O, no database.
 *
 * Hot path: compile each advisory entry once (compileAffected / compileRange: events sorted and parsed
 * once) and call the predicate per installed version; every scheme caches parsed versions, so a version
 * string is parsed once however many advisories it is checked against. isAffected / inRange are the
 * one-shot forms.
 */
import { alpine } from './alpine.js';
import { cran } from './cran.js';
import { debian } from './debian.js';
import { go } from './go.js';
import { hackage } from './hackage.js';
import { maven } from './maven.js';
import { packagist } from './packagist.js';
import { pep440 } from './pep440.js';
import { compileRange } from './range.js';
import { rpm } from './rpm.js';
import { rubygems } from './rubygems.js';
import { nuget, pub, semver } from './semver.js';
export { compileRange, inRange } from './range.js';
export { alpine, cran, debian, go, hackage, maven, nuget, packagist, pep440, pub, rpm, rubygems, semver };
export { fromGoToolchain, isGoPseudoVersion } from './go.js';
/** OSV ecosystem names (lower-cased, before any ':' suffix) → scheme. */
const BY_ECOSYSTEM = new Map([
    ...['npm', 'crates.io', 'hex', 'swifturl', 'conancenter', 'bitnami', 'github actions', 'julia'].map((e) => [e, semver]),
    ['go', go],
    ['kubernetes', go],
    ['nuget', nuget],
    ['pub', pub],
    ['pypi', pep440],
    ['maven', maven],
    ['rubygems', rubygems],
    ['packagist', packagist],
    ['cran', cran],
    ['bioconductor', cran],
    ['hackage', hackage],
    ['ghc', hackage],
    // opam orders versions with the Debian algorithm.
    ...['debian', 'ubuntu', 'opam'].map((e) => [e, debian]),
    ...['red hat', 'almalinux', 'rocky linux', 'suse', 'opensuse', 'mageia', 'openeuler', 'photon os', 'amazon linux', 'azure linux'].map((e) => [e, rpm]),
    ...['alpine', 'wolfi', 'chainguard', 'minimos', 'alpaquita', 'bellsoft hardened containers'].map((e) => [e, alpine]),
]);
const schemeCache = new Map();
/** The scheme for an OSV ecosystem name ('npm', 'PyPI', 'Debian:12', 'Alpine:v3.19', 'Red Hat', 'Go', 'Maven', …). */
export function schemeFor(ecosystem) {
    // Asked per advisory entry and per finding, of a few dozen distinct spellings: remembered.
    if (schemeCache.has(ecosystem))
        return schemeCache.get(ecosystem);
    const s = lookupScheme(ecosystem);
    if (schemeCache.size < 10_000)
        schemeCache.set(ecosystem, s);
    return s;
}
function lookupScheme(ecosystem) {
    const parts = ecosystem.split(':').map((p) => p.trim().toLowerCase());
    // "Root:Alpine:3.18", "Root:PyPI": Root's patched packages keep their base distribution's versions.
    const base = parts[0] === 'root' && parts.length > 1 ? parts[1] : parts[0];
    return BY_ECOSYSTEM.get(base ?? '');
}
/** SEMVER ranges use SemVer order; the SemVer dialects of Go, NuGet and Pub read their own spellings too. */
function semverRangeScheme(ecosystemScheme) {
    return ecosystemScheme === go || ecosystemScheme === nuget || ecosystemScheme === pub ? ecosystemScheme : semver;
}
/**
 * One `affected[]` entry compiled once (ranges sorted, versions list indexed) into a predicate:
 * true when the version is listed or lies in a range; false when every range could be evaluated and
 * none matched; undefined when it is not listed and some range cannot be evaluated here (unknown
 * ecosystem, GIT range without a versions list, or a version malformed for the scheme).
 */
export function compileAffected(ecosystem, affected) {
    const scheme = schemeFor(ecosystem);
    const listed = new Set(affected.versions ?? []);
    const ranges = [];
    let gitUnanswered = false;
    let unknownScheme = false;
    for (const range of affected.ranges ?? []) {
        if (range.type === 'GIT') {
            gitUnanswered ||= listed.size === 0; // the versions list is what answers for GIT ranges
            continue;
        }
        const s = range.type === 'SEMVER' ? semverRangeScheme(scheme) : range.type === 'ECOSYSTEM' ? scheme : undefined;
        if (!s)
            unknownScheme = true;
        else
            ranges.push({ scheme: s, test: compileRange(s, range.events) });
    }
    // Scheme-equal spellings count as listed ("1.0" vs "1.0.0" in Maven, epoch 0 spelled out in Debian).
    const sortedListed = scheme ? [...listed].filter((v) => scheme.isValid(v)).sort((a, b) => scheme.compare(a, b)) : [];
    return (version) => {
        if (listed.has(version))
            return true;
        if (scheme?.isValid(version) && binaryHas(sortedListed, version, scheme))
            return true;
        let undecided = gitUnanswered || unknownScheme;
        for (const r of ranges) {
            // A malformed installed version has no trustworthy place in the order: say so rather than guess.
            if (!r.scheme.isValid(version))
                undecided = true;
            else if (r.test(version))
                return true;
        }
        return undecided ? undefined : false;
    };
}
function binaryHas(sorted, v, scheme) {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const c = scheme.compare(sorted[mid] ?? '', v);
        if (c === 0)
            return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return false;
}
/** affected[] entry: versions list OR ranges; returns true if affected (see compileAffected for undefined). */
export function isAffected(ecosystem, version, affected) {
    return compileAffected(ecosystem, affected)(version);
}
//# sourceMappingURL=index.js.map