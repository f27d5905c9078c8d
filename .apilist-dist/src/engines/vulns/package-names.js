/**
 * Package names as OSV advisories spell them, per ecosystem, so an installed package and an advisory's
 * `affected[].package` meet under one key. Ecosystems are compared by their OSV base name, lower-cased
 * (`Debian:12` and `Debian` are both `debian`); the release is matched separately (distro.ts).
 */
/** `Debian:12` → `debian`; `npm` → `npm`. */
export function ecosystemBase(ecosystem) {
    const i = ecosystem.indexOf(':');
    return (i < 0 ? ecosystem : ecosystem.slice(0, i)).trim().toLowerCase();
}
/** PEP 503: names differing only in case and in runs of `-`, `_`, `.` are one project. */
function pep503(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
/** Ecosystems whose registries treat names case-insensitively. */
const CASE_INSENSITIVE = new Set(['nuget', 'packagist', 'crates.io', 'hex', 'pub']);
/**
 * The name under which a package and an advisory entry of one ecosystem meet: PyPI by PEP 503, Maven as
 * `group:artifact` (a purl-style `group/artifact` is turned into that), Go module paths and npm names as
 * they are, case-insensitive registries lower-cased.
 */
export function normalizePackageName(base, name) {
    const n = name.trim();
    if (base === 'pypi')
        return pep503(n);
    if (base === 'maven') {
        if (n.includes(':'))
            return n;
        const slash = n.lastIndexOf('/');
        return slash > 0 ? `${n.slice(0, slash)}:${n.slice(slash + 1)}` : n;
    }
    if (CASE_INSENSITIVE.has(base))
        return n.toLowerCase();
    return n;
}
/** The in-memory lookup key: ecosystem base and normalized name. */
export function packageKey(base, name) {
    return `${base}\t${normalizePackageName(base, name)}`;
}
/**
 * A looser key both SQL and JS can compute (lower-cased; PEP 503 for PyPI), used only to pre-select
 * candidate advisories in the database. Every exact key match is also a loose match.
 */
export function looseKey(base, name) {
    const n = normalizePackageName(base, name).toLowerCase();
    return `${base}\t${base === 'pypi' ? pep503(n) : n}`;
}
/** The same loose key in SQL, over an OSV `affected[]` element `e` (shared with the intel import). */
export { LOOSE_KEY_SQL } from '../../findings/package-key.js';
//# sourceMappingURL=package-names.js.map