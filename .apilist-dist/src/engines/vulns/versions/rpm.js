/**
 * RPM version order (rpmvercmp, per rpm's rpmvercmp.c): [epoch:]version[-release]. Segments are maximal
 * runs of ASCII letters or digits, everything else separates; '~' sorts before anything (pre-releases),
 * '^' after the base but before anything else appended (snapshots); numeric segments beat alphabetic
 * ones. Used for Red Hat, AlmaLinux, Rocky Linux, SUSE, openSUSE, Mageia, openEuler, Amazon Linux, …
 */
import { compareDigitRuns, compareStrings, isDigitCode, isDigits, isLetterCode } from './compare.js';
import { defineScheme } from './scheme.js';
export function parseRpm(input) {
    let s = input.trim();
    let epoch = '0';
    const colon = s.indexOf(':');
    // rpm's parseEVR: an epoch is only the leading digits directly followed by ':' ("1.m+e2:1" has none).
    if (colon >= 0 && (colon === 0 || isDigits(s.slice(0, colon)))) {
        epoch = colon === 0 ? '0' : s.slice(0, colon);
        s = s.slice(colon + 1);
    }
    const dash = s.lastIndexOf('-');
    return dash < 0 ? { epoch, version: s, release: null } : { epoch, version: s.slice(0, dash), release: s.slice(dash + 1) };
}
const TILDE = 126;
const CARET = 94;
function isAlnum(c) {
    return isDigitCode(c) || isLetterCode(c);
}
/** rpmvercmp(3) over one epoch, version or release string. */
export function rpmvercmp(a, b) {
    if (a === b)
        return 0;
    let i = 0;
    let j = 0;
    for (;;) {
        while (i < a.length && !isAlnum(a.charCodeAt(i)) && a.charCodeAt(i) !== TILDE && a.charCodeAt(i) !== CARET)
            i++;
        while (j < b.length && !isAlnum(b.charCodeAt(j)) && b.charCodeAt(j) !== TILDE && b.charCodeAt(j) !== CARET)
            j++;
        const ca = i < a.length ? a.charCodeAt(i) : -1;
        const cb = j < b.length ? b.charCodeAt(j) : -1;
        if (ca === TILDE || cb === TILDE) {
            if (ca !== TILDE)
                return 1;
            if (cb !== TILDE)
                return -1;
            i++;
            j++;
            continue;
        }
        if (ca === CARET || cb === CARET) {
            if (ca === -1)
                return -1;
            if (cb === -1)
                return 1;
            if (ca !== CARET)
                return 1;
            if (cb !== CARET)
                return -1;
            i++;
            j++;
            continue;
        }
        if (ca === -1 || cb === -1)
            break;
        const numeric = isDigitCode(ca);
        const same = numeric ? isDigitCode : isLetterCode;
        const si = i;
        const sj = j;
        while (i < a.length && same(a.charCodeAt(i)))
            i++;
        while (j < b.length && same(b.charCodeAt(j)))
            j++;
        // Segments of different kinds: the numeric one is newer.
        if (j === sj)
            return numeric ? 1 : -1;
        const c = numeric ? compareDigitRuns(a, si, i, b, sj, j) : compareStrings(a.slice(si, i), b.slice(sj, j));
        if (c !== 0)
            return c;
    }
    const restA = i < a.length;
    const restB = j < b.length;
    return restA === restB ? 0 : restA ? 1 : -1;
}
export function compareRpm(a, b) {
    const c = rpmvercmp(a.epoch, b.epoch) || rpmvercmp(a.version, b.version);
    if (c !== 0)
        return c;
    if (a.release === null || b.release === null)
        return a.release === b.release ? 0 : a.release === null ? -1 : 1;
    return rpmvercmp(a.release, b.release);
}
const EVR = /^(\d+:)?[A-Za-z0-9._+~^]+(-[A-Za-z0-9._+~^]+)?$/;
export const rpm = defineScheme('rpm', parseRpm, compareRpm, (v) => EVR.test(v.trim()));
//# sourceMappingURL=rpm.js.map