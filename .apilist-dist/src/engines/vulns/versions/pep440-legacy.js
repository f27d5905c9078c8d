/**
 * setuptools' pre-PEP 440 ordering (packaging's LegacyVersion._legacy_cmpkey): the lower-cased string is
 * split into numbers, letter runs, '.' and '-' (anything else stays as its own piece), numbers are
 * zero-padded, words get a '*' prefix, and the resulting tuples compare element by element.
 */
import { compareStrings } from './compare.js';
const PART = /(\d+|[a-z]+|\.|-)/;
const REPLACE = { pre: 'c', preview: 'c', '-': 'final-', rc: 'c', dev: '@' };
export function parseLegacy(input) {
    const parts = [];
    const pieces = input.toLowerCase().split(PART);
    pieces.push('final');
    for (const raw of pieces) {
        const piece = REPLACE[raw] ?? raw;
        if (piece === '' || piece === '.')
            continue;
        const part = /^\d/.test(piece) ? piece.padStart(8, '0') : `*${piece}`;
        if (part.startsWith('*')) {
            // Drop the '-' before a pre-release tag, then trailing zeros of the numeric run just closed.
            if (part < '*final')
                while (parts[parts.length - 1] === '*final-')
                    parts.pop();
            while (parts[parts.length - 1] === '00000000')
                parts.pop();
        }
        parts.push(part);
    }
    return parts;
}
/** Python tuple order over the key strings. */
export function compareLegacy(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const c = compareStrings(a[i] ?? '', b[i] ?? '');
        if (c !== 0)
            return c;
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
//# sourceMappingURL=pep440-legacy.js.map