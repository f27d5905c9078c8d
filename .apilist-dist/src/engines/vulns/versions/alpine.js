/**
 * apk-tools version order (src/version.c of apk-tools 2.x, the Alpine 3.x line):
 * number{.number}…{letter}{_suffix{number}}…{-r#}, compared token by token. Suffixes order
 * _alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p; a '.' component with leading
 * zeros sorts by its zero count first (1.01 < 1.1). Used for Alpine, Wolfi, Chainguard, MinimOS, Alpaquita.
 *
 * Malformed versions are ordered as apk 2.x does except for three cases where the OSV fixtures follow
 * newer apk: an invalid tail sorts below a valid continuation (and two invalid tails agreeing up to the
 * break compare equal), "-r" followed by junk is junk from the '-', and an empty '.' component sorts
 * below a letter ("0.r1" < "0r2").
 */
import { compareDigits, isDigitCode, isLowerCode } from './compare.js';
import { defineScheme } from './scheme.js';
const INVALID = -1;
const DIGIT_OR_ZERO = 0;
const DIGIT = 1;
const LETTER = 2;
const SUFFIX = 3;
const SUFFIX_NO = 4;
const REVISION = 5;
const END = 6;
const PRE_SUFFIXES = ['alpha', 'beta', 'pre', 'rc'];
const POST_SUFFIXES = ['cvs', 'svn', 'git', 'hg', 'p'];
function digitValue(d) {
    const t = d.replace(/^0+/, '');
    return t.length > 15 ? t : Number(t === '' ? '0' : t);
}
function compareValues(a, b) {
    if (typeof a === 'number' && typeof b === 'number')
        return a < b ? -1 : a > b ? 1 : 0;
    if (typeof a === 'string' && typeof b === 'string')
        return compareDigits(a, b);
    return typeof a === 'string' ? 1 : -1;
}
/** The state machine of apk's get_token/next_token, run once over the whole string. */
export function parseAlpine(s) {
    const types = [];
    const values = [];
    const empty = [];
    const done = (end) => {
        types.push(end);
        return { types, values, empty, end };
    };
    const push = (type, value, isEmpty = false) => {
        types.push(type);
        values.push(value);
        empty.push(isEmpty);
    };
    let i = 0;
    let type = DIGIT;
    let afterZeros = false; // the digits after a leading-zero run may be none ("1.0b": 0 then b)
    for (;;) {
        if (i >= s.length) {
            push(type, 0, true); // a separator ended the string: apk reads one more (zero) token
            return done(END);
        }
        const t = type;
        let next = INVALID;
        if (t === DIGIT_OR_ZERO && s.charCodeAt(i) === 48) {
            const st = i;
            while (i < s.length && s.charCodeAt(i) === 48)
                i++;
            push(t, -(i - st));
            next = DIGIT;
        }
        else if (t === DIGIT_OR_ZERO || t === DIGIT || t === SUFFIX_NO || t === REVISION) {
            const st = i;
            while (i < s.length && isDigitCode(s.charCodeAt(i)))
                i++;
            if (t === REVISION && i === st)
                return done(INVALID);
            push(t, digitValue(s.slice(st, i)), i === st && !afterZeros);
        }
        else if (t === LETTER) {
            push(t, s.charCodeAt(i));
            i++;
        }
        else {
            const pre = PRE_SUFFIXES.findIndex((p) => s.startsWith(p, i));
            const post = pre < 0 ? POST_SUFFIXES.findIndex((p) => s.startsWith(p, i)) : -1;
            if (pre < 0 && post < 0) {
                push(t, -1); // an unknown suffix reads as a pre-release, then the version ends invalid
                return done(INVALID);
            }
            i += pre >= 0 ? (PRE_SUFFIXES[pre] ?? '').length : (POST_SUFFIXES[post] ?? '').length;
            push(t, pre >= 0 ? pre - PRE_SUFFIXES.length : post);
        }
        afterZeros = next !== INVALID;
        if (i >= s.length)
            return done(END);
        if (next !== INVALID) {
            type = next;
            continue;
        }
        type = nextType(s, i, t);
        if (type === INVALID)
            return done(INVALID);
        i += separatorLength(type);
    }
}
/** apk's next_token: which token starts at s[i] after a token of type `t`. */
function nextType(s, i, t) {
    const c = s.charCodeAt(i);
    let n = INVALID;
    if ((t === DIGIT || t === DIGIT_OR_ZERO) && isLowerCode(c))
        n = LETTER;
    else if (t === LETTER && isDigitCode(c))
        n = DIGIT;
    else if (t === SUFFIX && isDigitCode(c))
        n = SUFFIX_NO;
    else if (c === 46)
        n = DIGIT_OR_ZERO; // '.'
    else if (c === 95)
        n = SUFFIX; // '_'
    else if (c === 45 && s.charCodeAt(i + 1) === 114)
        n = REVISION; // '-r'
    const allowedBack = (n === DIGIT_OR_ZERO && t === DIGIT) || (n === SUFFIX && t === SUFFIX_NO) || (n === DIGIT && t === LETTER);
    return n < t && !allowedBack ? INVALID : n;
}
/** Characters next_token consumes before token `n`: none when a letter/digit run just changes kind. */
function separatorLength(n) {
    if (n === LETTER || n === DIGIT || n === SUFFIX_NO)
        return 0;
    return n === REVISION ? 2 : 1;
}
export function compareAlpine(a, b) {
    const n = Math.min(a.values.length, b.values.length);
    let i = 0;
    for (; i < n && a.types[i] === b.types[i]; i++) {
        const c = compareValues(a.values[i] ?? 0, b.values[i] ?? 0);
        if (c !== 0)
            return c;
    }
    const at = a.types[i] ?? END;
    const bt = b.types[i] ?? END;
    if (at === bt)
        return 0;
    if (at === INVALID)
        return b.end === INVALID ? 0 : -1;
    if (bt === INVALID)
        return a.end === INVALID ? 0 : 1;
    if (at === SUFFIX && compareValues(a.values[i] ?? 0, 0) < 0)
        return -1;
    if (bt === SUFFIX && compareValues(b.values[i] ?? 0, 0) < 0)
        return 1;
    if (at === DIGIT_OR_ZERO && a.empty[i] && bt === LETTER)
        return -1;
    if (bt === DIGIT_OR_ZERO && b.empty[i] && at === LETTER)
        return 1;
    // The version that goes on with a component is newer; one that goes on with a pre-release suffix is older.
    return at > bt ? -1 : 1;
}
/** apk_version_validate, as strict as apk 3: reaches the end with no invalid token and no digit-less number. */
function isValidAlpine(v) {
    const p = parseAlpine(v);
    return p.end === END && !p.empty.includes(true);
}
export const alpine = defineScheme('alpine', parseAlpine, compareAlpine, isValidAlpine);
//# sourceMappingURL=alpine.js.map