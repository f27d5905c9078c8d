/**
 * dpkg version order (deb-version(7), dpkg's verrevcmp): [epoch:]upstream[-revision]. Non-digit runs
 * compare character by character with '~' before everything (even the end of the string), letters
 * before non-letters; digit runs compare numerically. Used for Debian and Ubuntu.
 */
import { compareDigitRuns, compareDigits, isDigitCode, isDigits, isLetterCode } from './compare.js';
import { defineScheme } from './scheme.js';
export function parseDebian(input) {
    let s = input.trim();
    let epoch = '0';
    const colon = s.indexOf(':');
    // A malformed epoch ("a:1") is left in the upstream part; isValid reports it.
    if (colon >= 0 && isDigits(s.slice(0, colon))) {
        epoch = s.slice(0, colon);
        s = s.slice(colon + 1);
    }
    const dash = s.lastIndexOf('-');
    return dash < 0
        ? { epoch, upstream: s, revision: '' }
        : { epoch, upstream: s.slice(0, dash), revision: s.slice(dash + 1) };
}
/** dpkg's order(): digits (and the end) 0, '~' -1, letters their code, anything else after all letters. */
function order(c) {
    if (Number.isNaN(c) || isDigitCode(c))
        return 0;
    if (isLetterCode(c))
        return c;
    if (c === 126)
        return -1; // '~'
    return c + 256;
}
/** dpkg's verrevcmp over one upstream or revision part. */
export function verrevcmp(a, b) {
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        while ((i < a.length && !isDigitCode(a.charCodeAt(i))) || (j < b.length && !isDigitCode(b.charCodeAt(j)))) {
            const ac = order(a.charCodeAt(i));
            const bc = order(b.charCodeAt(j));
            if (ac !== bc)
                return ac < bc ? -1 : 1;
            i++;
            j++;
        }
        const si = i;
        const sj = j;
        while (i < a.length && isDigitCode(a.charCodeAt(i)))
            i++;
        while (j < b.length && isDigitCode(b.charCodeAt(j)))
            j++;
        const c = compareDigitRuns(a, si, i, b, sj, j);
        if (c !== 0)
            return c;
    }
    return 0;
}
export function compareDebian(a, b) {
    return compareDigits(a.epoch, b.epoch) || verrevcmp(a.upstream, b.upstream) || verrevcmp(a.revision, b.revision);
}
const UPSTREAM = /^[0-9][A-Za-z0-9.+~:-]*$/;
const REVISION = /^[A-Za-z0-9.+~]+$/;
/** dpkg's parseversion checks: numeric epoch, upstream starting with a digit, allowed characters only. */
function isValidDebian(input) {
    const s = input.trim();
    if (s === '' || /\s/.test(s))
        return false;
    const colon = s.indexOf(':');
    if (colon >= 0 && !isDigits(s.slice(0, colon)))
        return false;
    const v = parseDebian(s);
    if (!UPSTREAM.test(v.upstream))
        return false;
    if (v.upstream.includes(':') && colon < 0)
        return false;
    return s.lastIndexOf('-') < 0 || REVISION.test(v.revision);
}
export const debian = defineScheme('debian', parseDebian, compareDebian, isValidDebian);
//# sourceMappingURL=debian.js.map