/**
 * PEP 440 version order (PyPI), as `packaging.version` sorts: epoch, release (trailing zeros ignored),
 * then dev-only releases < a < b < rc < final < post, dev before its non-dev twin, then the local label.
 * Strings that are not PEP 440 sort as setuptools' legacy versions, below every PEP 440 version
 * (packaging's LegacyVersion, which the OSV fixtures still contain).
 */
import { compareDigits, compareStrings, isDigits } from './compare.js';
import { compareLegacy, parseLegacy } from './pep440-legacy.js';
import { defineScheme } from './scheme.js';
/** packaging's VERSION_PATTERN, anchored, case-insensitive, surrounding whitespace allowed. */
const PEP440 = new RegExp('^\\s*v?(?:(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)' +
    '(?:[-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?(\\d+)?)?' +
    '(?:(?:-(\\d+))|(?:[-_.]?(post|rev|r)[-_.]?(\\d+)?))?' +
    '(?:[-_.]?(dev)[-_.]?(\\d+)?)?)' +
    '(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*$', 'i');
const PRE_RANK = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };
export function parsePep440(input) {
    const m = PEP440.exec(input);
    if (!m) {
        return { legacy: parseLegacy(input), epoch: '0', release: [], pre: null, post: null, dev: null, local: null };
    }
    const release = (m[2] ?? '0').split('.');
    while (release.length > 1 && compareDigits(release[release.length - 1] ?? '', '0') === 0)
        release.pop();
    const preLabel = m[3]?.toLowerCase();
    const postNumber = m[5] ?? (m[6] !== undefined ? (m[7] ?? '0') : undefined);
    return {
        legacy: null,
        epoch: m[1] ?? '0',
        release,
        pre: preLabel === undefined ? null : [PRE_RANK[preLabel] ?? 2, m[4] ?? '0'],
        post: postNumber ?? null,
        dev: m[8] !== undefined ? (m[9] ?? '0') : null,
        local: m[10] === undefined ? null : m[10].toLowerCase().split(/[-_.]/),
    };
}
/** packaging's local ordering: numeric segments above alphanumeric ones, longer wins on a tie. */
function compareLocal(a, b) {
    if (a === null || b === null)
        return a === b ? 0 : a === null ? -1 : 1;
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a[i] ?? '';
        const y = b[i] ?? '';
        const xn = isDigits(x);
        const yn = isDigits(y);
        const c = xn && yn ? compareDigits(x, y) : xn ? 1 : yn ? -1 : compareStrings(x, y);
        if (c !== 0)
            return c;
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
/** An absent number is ±infinity depending on the segment: null ranks `absent` (-1 below, +1 above). */
function compareOptional(a, b, absent) {
    if (a === null || b === null)
        return a === b ? 0 : a === null ? absent : -absent;
    return compareDigits(a, b);
}
function comparePre(a, b) {
    // A dev release of a final (1.0.dev0) sorts before every pre-release of it.
    const ka = a.pre === null && a.post === null && a.dev !== null ? -1 : a.pre === null ? 1 : 0;
    const kb = b.pre === null && b.post === null && b.dev !== null ? -1 : b.pre === null ? 1 : 0;
    if (ka !== kb)
        return ka < kb ? -1 : 1;
    if (a.pre === null || b.pre === null)
        return 0;
    return a.pre[0] !== b.pre[0] ? (a.pre[0] < b.pre[0] ? -1 : 1) : compareDigits(a.pre[1], b.pre[1]);
}
export function comparePep440(a, b) {
    if (a.legacy !== null || b.legacy !== null) {
        if (a.legacy === null)
            return 1;
        if (b.legacy === null)
            return -1;
        return compareLegacy(a.legacy, b.legacy);
    }
    let c = compareDigits(a.epoch, b.epoch);
    if (c !== 0)
        return c;
    const n = Math.max(a.release.length, b.release.length);
    for (let i = 0; i < n && c === 0; i++)
        c = compareDigits(a.release[i] ?? '0', b.release[i] ?? '0');
    return (c ||
        comparePre(a, b) ||
        compareOptional(a.post, b.post, -1) ||
        compareOptional(a.dev, b.dev, 1) ||
        compareLocal(a.local, b.local));
}
export const pep440 = defineScheme('pep440', parsePep440, comparePep440, (v) => PEP440.test(v));
//# sourceMappingURL=pep440.js.map