/** Stand-ins for a literal `*` / `?` (the `${*}` / `${?}` escapes, or a substituted value): never wildcards. */
export const LITERAL_STAR = '\uE000';
export const LITERAL_QUESTION = '\uE001';
const ANY = () => true;
const cache = new Map();
function regexOf(c) {
    if (c === '*')
        return '.*';
    if (c === '?')
        return '.';
    if (c === LITERAL_STAR)
        return '\\*';
    if (c === LITERAL_QUESTION)
        return '\\?';
    return escapeRegex(c);
}
function escapeRegex(s) {
    return s.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}
/**
 * Compiles a pattern once; the common shapes (exact, `*`, `prefix*`) avoid a regular expression.
 * Case-insensitive patterns (actions) must be matched against lowercased values.
 */
export function globMatcher(pattern, caseSensitive) {
    const key = `${caseSensitive ? 'c' : 'i'}${pattern}`;
    let m = cache.get(key);
    if (m)
        return m;
    const p = caseSensitive ? pattern : pattern.toLowerCase();
    if (p.includes(LITERAL_STAR) || p.includes(LITERAL_QUESTION)) {
        const re = new RegExp(`^${p.split('').map(regexOf).join('')}$`, 's');
        m = (v) => re.test(v);
    }
    else if (p === '*')
        m = ANY;
    else if (!/[*?]/.test(p))
        m = (v) => v === p;
    else if (/^[^*?]*\*$/.test(p)) {
        const prefix = p.slice(0, -1);
        m = (v) => v.startsWith(prefix);
    }
    else {
        const re = new RegExp(`^${p.split('').map(regexOf).join('')}$`, 's');
        m = (v) => re.test(v);
    }
    cache.set(key, m);
    return m;
}
export const hasWildcard = (pattern) => /[*?]/.test(pattern);
//# sourceMappingURL=glob.js.map