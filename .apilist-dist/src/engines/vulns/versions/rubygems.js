/**
 * Gem::Version order (rubygems/version.rb): '-' means ".pre.", the string splits into digit runs and
 * letter runs, a letter run marks a prerelease, trailing zeros are dropped from the release part and
 * from the prerelease part separately, then segments compare pairwise (missing = 0, numbers beat letters,
 * letters compare case-sensitively).
 */
import { compareDigits, compareStrings, isDigitCode } from './compare.js';
import { defineScheme } from './scheme.js';
const SEGMENT = /[0-9]+|[a-z]+/gi;
function dropTrailingZeros(segs) {
    let end = segs.length;
    while (end > 0 && isZero(segs[end - 1] ?? ''))
        end--;
    return segs.slice(0, end);
}
function isZero(s) {
    return isDigitCode(s.charCodeAt(0)) && compareDigits(s, '0') === 0;
}
export function parseGem(input) {
    let s = input.trim();
    if (s === '')
        s = '0';
    const all = s.replace(/-/g, '.pre.').match(SEGMENT) ?? [];
    const firstWord = all.findIndex((x) => !isDigitCode(x.charCodeAt(0)));
    if (firstWord < 0)
        return dropTrailingZeros(all);
    return [...dropTrailingZeros(all.slice(0, firstWord)), ...dropTrailingZeros(all.slice(firstWord))];
}
export function compareGem(a, b) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a[i] ?? '0';
        const y = b[i] ?? '0';
        const xn = isDigitCode(x.charCodeAt(0));
        const yn = isDigitCode(y.charCodeAt(0));
        const c = xn && yn ? compareDigits(x, y) : xn ? 1 : yn ? -1 : compareStrings(x, y);
        if (c !== 0)
            return c;
    }
    return 0;
}
/** Gem::Version::ANCHORED_VERSION_PATTERN (an empty string counts as "0"). */
const GEM_VERSION = /^\s*([0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?)?\s*$/;
export const rubygems = defineScheme('rubygems', parseGem, compareGem, (v) => GEM_VERSION.test(v));
//# sourceMappingURL=rubygems.js.map