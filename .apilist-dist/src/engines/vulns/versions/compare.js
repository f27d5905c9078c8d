/** Small comparison primitives shared by the version schemes. All return -1, 0 or +1. */
const ZERO = 48;
const NINE = 57;
export function isDigitCode(c) {
    return c >= ZERO && c <= NINE;
}
export function isLowerCode(c) {
    return c >= 97 && c <= 122;
}
export function isLetterCode(c) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
/** True when `s` is a non-empty run of ASCII digits. */
export function isDigits(s) {
    if (s.length === 0)
        return false;
    for (let i = 0; i < s.length; i++)
        if (!isDigitCode(s.charCodeAt(i)))
            return false;
    return true;
}
/**
 * Numeric comparison of two ASCII digit strings of any length (leading zeros ignored; '' is 0).
 * Versions carry numbers far beyond 2^53 (dates, "999…991"), so no Number/BigInt conversion.
 */
export function compareDigits(a, b) {
    return compareDigitRuns(a, 0, a.length, b, 0, b.length);
}
/** compareDigits over a[as..ae) and b[bs..be), without slicing (hot in dpkg/rpm-style scanners). */
export function compareDigitRuns(a, as, ae, b, bs, be) {
    let i = as;
    let j = bs;
    while (i < ae && a.charCodeAt(i) === ZERO)
        i++;
    while (j < be && b.charCodeAt(j) === ZERO)
        j++;
    const la = ae - i;
    const lb = be - j;
    if (la !== lb)
        return la < lb ? -1 : 1;
    for (; i < ae; i++, j++) {
        const d = a.charCodeAt(i) - b.charCodeAt(j);
        if (d !== 0)
            return d < 0 ? -1 : 1;
    }
    return 0;
}
/** Byte-wise (strcmp-like) string order, as the native tools compare ASCII identifiers. */
export function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Lexicographic order of lists of digit strings, a proper prefix sorting first (1.0 < 1.0.0). */
export function compareNumberLists(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const c = compareDigits(a[i] ?? '0', b[i] ?? '0');
        if (c !== 0)
            return c;
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
//# sourceMappingURL=compare.js.map