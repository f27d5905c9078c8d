/**
 * Maven version order, per the POM reference's "Version Order Specification" (ComparableVersion):
 * tokens split on '.', '-' and digit/letter transitions (a transition counts as '-'), trailing null
 * tokens (0, '', final, ga, release) trimmed before each '-', the shorter side padded with nulls, and
 * ".qualifier" < "-qualifier" < "-number" < ".number". Qualifiers: alpha (a) < beta (b) < milestone (m)
 * < rc = cr < snapshot < '' = final = ga = release < sp < anything else (alphabetically); case-insensitive.
 */
import { compareDigits, compareStrings, isDigitCode, isDigits } from './compare.js';
import { defineScheme } from './scheme.js';
const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES = { cr: 'rc', ga: '', final: '', release: '' };
const SHORT = { a: 'alpha', b: 'beta', m: 'milestone' };
function token(sep, raw, followedByDigit) {
    let v = raw.toLowerCase();
    if (v === '')
        v = '0';
    if (isDigits(v))
        return { sep, value: v.replace(/^0+(?=\d)/, ''), numeric: true };
    v = ALIASES[v] ?? v;
    if (followedByDigit)
        v = SHORT[v] ?? v;
    return { sep, value: v, numeric: false };
}
export function parseMaven(input) {
    const tokens = [];
    const s = input.trim();
    let sep = '.';
    let start = 0;
    for (let i = 0; i <= s.length; i++) {
        const c = i < s.length ? s[i] : '';
        if (c === '.' || c === '-' || c === '') {
            splitTransitions(s.slice(start, i), sep, tokens);
            sep = c;
            start = i + 1;
        }
    }
    trimNulls(tokens);
    return tokens;
}
/** One separator-delimited piece, split further where digits meet non-digits ("1a1" → 1 -a -1). */
function splitTransitions(piece, sep, out) {
    let start = 0;
    let prefix = sep;
    for (let i = 1; i <= piece.length; i++) {
        if (i < piece.length && isDigitCode(piece.charCodeAt(i)) === isDigitCode(piece.charCodeAt(i - 1)))
            continue;
        out.push(token(prefix, piece.slice(start, i), i < piece.length));
        prefix = '-';
        start = i;
    }
    if (piece.length === 0)
        out.push(token(sep, '', false));
}
function isNull(t) {
    return t.value === '0' || t.value === '';
}
/** From the end: drop null tokens, then jump to just before the previous '-' and repeat. Token 0 stays. */
function trimNulls(tokens) {
    let i = tokens.length - 1;
    while (i > 0) {
        const t = tokens[i];
        if (t && isNull(t)) {
            tokens.splice(i, 1);
            i--;
            continue;
        }
        while (i >= 0 && tokens[i]?.sep !== '-')
            i--;
        i--;
    }
}
/** What a missing token is worth opposite `other`: 0 after '.', '' after '-' ('' after '.' too when facing sp). */
function padFor(other) {
    if (other.sep === '.' && other.value !== 'sp')
        return { sep: '.', value: '0', numeric: true, pad: true };
    return { sep: other.sep, value: '', numeric: false, pad: true };
}
function kindOrder(t) {
    if (t.numeric)
        return t.sep === '-' ? 2 : 3;
    return t.sep === '-' ? 1 : 0;
}
function qualifierRank(v) {
    const i = QUALIFIERS.indexOf(v);
    return i < 0 ? QUALIFIERS.length : i;
}
function compareTokens(a, b) {
    if (a.sep !== b.sep)
        return kindOrder(a) < kindOrder(b) ? -1 : 1;
    if (a.numeric && b.numeric && !a.pad && !b.pad)
        return compareDigits(a.value, b.value);
    // A real number outranks any qualifier; a padding zero does not (it ranks as an unknown word "0").
    if (a.numeric && !a.pad)
        return 1;
    if (b.numeric && !b.pad)
        return -1;
    const ra = qualifierRank(a.value);
    const rb = qualifierRank(b.value);
    if (ra === QUALIFIERS.length && rb === QUALIFIERS.length)
        return compareStrings(a.value, b.value);
    return ra === rb ? 0 : ra < rb ? -1 : 1;
}
export function compareMaven(a, b) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a[i];
        const y = b[i];
        const left = x ?? (y ? padFor(y) : undefined);
        const right = y ?? (x ? padFor(x) : undefined);
        if (!left || !right)
            break;
        if (left.sep === right.sep && left.value === right.value)
            continue;
        const c = compareTokens(left, right);
        if (c !== 0)
            return c;
    }
    return 0;
}
export const maven = defineScheme('maven', parseMaven, compareMaven, (v) => /^[0-9A-Za-z][0-9A-Za-z._+-]*$/.test(v.trim()));
//# sourceMappingURL=maven.js.map