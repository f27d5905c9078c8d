/**
 * SemVer 2.0 precedence (npm, crates.io, Hex, SwiftURL, …) plus the two SemVer dialects with their own
 * rules: NuGet (four numeric parts, case-insensitive prerelease) and Pub (build metadata takes part in
 * the order). Parsing is lenient the way OSV tooling is: a leading 'v', missing minor/patch (zeros),
 * numbers of any size, and a prerelease glued on without '-' ("1.2.3beta").
 */
import { compareDigits, compareStrings, isDigitCode, isDigits } from './compare.js';
import { defineScheme } from './scheme.js';
/** Splits a lenient SemVer-like string; `coreLength` is 3 for SemVer, 4 for NuGet. */
export function parseSemverParts(input, coreLength, foldCase = false) {
    let s = input.trim();
    if (s.charCodeAt(0) === 118 || s.charCodeAt(0) === 86)
        s = s.slice(1); // 'v' / 'V'
    const core = [];
    let i = 0;
    for (;;) {
        const start = i;
        while (i < s.length && isDigitCode(s.charCodeAt(i)))
            i++;
        if (i === start)
            break;
        // Numbers beyond the core ("1.2.3.4" in SemVer) are ignored like build metadata.
        if (core.length < coreLength)
            core.push(s.slice(start, i));
        // A '.' continues the core only when a digit follows; otherwise it opens the prerelease ("1.0.0.Final").
        if (s.charCodeAt(i) !== 46 || !isDigitCode(s.charCodeAt(i + 1)))
            break;
        i++;
    }
    let rest = s.slice(i);
    if (rest.startsWith('-') || rest.startsWith('.'))
        rest = rest.slice(1);
    const plus = rest.indexOf('+');
    let pre = plus < 0 ? rest : rest.slice(0, plus);
    const build = plus < 0 ? '' : rest.slice(plus + 1);
    if (foldCase)
        pre = pre.toLowerCase();
    return { core, pre: pre === '' ? [] : pre.split('.'), build: build === '' ? [] : build.split('.') };
}
export function compareCore(a, b) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const c = compareDigits(a[i] ?? '0', b[i] ?? '0');
        if (c !== 0)
            return c;
    }
    return 0;
}
/** SemVer §11.4: numeric identifiers numerically, others in ASCII order, numeric < alphanumeric, longer wins. */
export function compareIdentifiers(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a[i] ?? '';
        const y = b[i] ?? '';
        const xn = isDigits(x);
        const yn = isDigits(y);
        const c = xn && yn ? compareDigits(x, y) : xn ? -1 : yn ? 1 : compareStrings(x, y);
        if (c !== 0)
            return c;
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
/** Core, then prerelease (a release sorts after all its prereleases); build metadata ignored. */
export function compareSemverParts(a, b) {
    const c = compareCore(a.core, b.core);
    if (c !== 0)
        return c;
    if (a.pre.length === 0 || b.pre.length === 0) {
        return a.pre.length === b.pre.length ? 0 : a.pre.length === 0 ? 1 : -1;
    }
    return compareIdentifiers(a.pre, b.pre);
}
/** Strict-enough shape: optional v, minCore..maxCore numbers, then -prerelease and +build identifiers. */
function shape(minCore, maxCore) {
    const ids = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
    return new RegExp(`^\\s*[vV]?\\d+(?:\\.\\d+){${minCore - 1},${maxCore - 1}}(?:-${ids})?(?:\\+${ids})?\\s*$`);
}
const SEMVER_SHAPE = shape(1, 3);
const NUGET_SHAPE = shape(1, 4);
const PUB_SHAPE = shape(3, 3);
export const semver = defineScheme('semver', (v) => parseSemverParts(v, 3), compareSemverParts, (v) => SEMVER_SHAPE.test(v));
/** NuGet: up to four numeric parts; prerelease labels compare case-insensitively; build metadata ignored. */
export const nuget = defineScheme('nuget', (v) => parseSemverParts(v, 4, true), compareSemverParts, (v) => NUGET_SHAPE.test(v));
/** Pub (pub_semver): like SemVer, but a build sorts after no build and builds compare like prereleases. */
function comparePub(a, b) {
    const c = compareSemverParts(a, b);
    if (c !== 0)
        return c;
    if (a.build.length === 0 || b.build.length === 0) {
        return a.build.length === b.build.length ? 0 : a.build.length === 0 ? -1 : 1;
    }
    return compareIdentifiers(a.build, b.build);
}
export const pub = defineScheme('pub', (v) => parseSemverParts(v, 3), comparePub, (v) => PUB_SHAPE.test(v));
//# sourceMappingURL=semver.js.map