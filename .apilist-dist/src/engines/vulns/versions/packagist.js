/**
 * Composer / PHP version_compare order: a leading v is dropped, '-', '_' and '+' become '.', a '.' is
 * put wherever digits meet non-digits, then parts compare pairwise: numbers numerically, words by their
 * special form (dev < alpha = a < beta = b < RC = rc < number < pl = p; unknown words rank with dev),
 * a number against a word as '#'. When one side runs out, a further number wins and a further word is
 * compared against '#'.
 */
import { compareDigits, isDigitCode, isDigits } from './compare.js';
import { defineScheme } from './scheme.js';
export function parsePackagist(input) {
    let s = input.trim();
    if (s.startsWith('v') || s.startsWith('V'))
        s = s.slice(1);
    let out = '';
    for (let i = 0; i < s.length; i++) {
        const ch = s[i] ?? '';
        if (ch === '-' || ch === '_' || ch === '+') {
            out += '.';
            continue;
        }
        const prev = out.charCodeAt(out.length - 1);
        const prevKind = out.length === 0 || prev === 46 ? 0 : isDigitCode(prev) ? 1 : 2;
        const kind = ch === '.' ? 0 : isDigitCode(ch.charCodeAt(0)) ? 1 : 2;
        if (prevKind !== 0 && kind !== 0 && prevKind !== kind)
            out += '.';
        out += ch;
    }
    return out.split('.');
}
const SPECIAL = [
    ['RC', 3], ['dev', 0], ['a', 1], ['b', 2], ['rc', 3], ['#', 4], ['p', 5],
];
function specialRank(word) {
    for (const [prefix, rank] of SPECIAL)
        if (word.startsWith(prefix))
            return rank;
    return 0;
}
function compareSpecial(a, b) {
    const x = specialRank(a);
    const y = specialRank(b);
    return x === y ? 0 : x < y ? -1 : 1;
}
function comparePart(a, b) {
    const an = isDigits(a);
    const bn = isDigits(b);
    if (an && bn)
        return compareDigits(a, b);
    return compareSpecial(an ? '#' : a, bn ? '#' : b);
}
/** version_compare's "is the next part a number" uses a machine integer: huge numbers count as words. */
function isSmallNumber(s) {
    return isDigits(s) && s.length <= 18;
}
export function comparePackagist(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const c = comparePart(a[i] ?? '', b[i] ?? '');
        if (c !== 0)
            return c;
    }
    if (a.length > b.length)
        return isSmallNumber(a[n] ?? '') ? 1 : comparePackagist(a.slice(n), ['#']);
    if (a.length < b.length)
        return isSmallNumber(b[n] ?? '') ? -1 : comparePackagist(['#'], b.slice(n));
    return 0;
}
const COMPOSER = /^[vV]?\d+(\.\d+)*([-_.+]?[0-9A-Za-z]+)*$|^dev-\S+$/;
export const packagist = defineScheme('packagist', parsePackagist, comparePackagist, (v) => COMPOSER.test(v.trim()));
//# sourceMappingURL=packagist.js.map