/**
 * Encodes rows in PostgreSQL's COPY text format, shared by both drivers so they load identical bytes.
 * Text format: tab-separated columns, \N for null, backslash escapes for \\ \t \n \r.
 */
function escapeCopy(s) {
    // Fast path: most values need no escaping.
    if (!/[\\\t\n\r]/.test(s))
        return s;
    return s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
/** Array literal for text[]: every element quoted, quotes and backslashes escaped. */
function arrayLiteral(values) {
    const parts = values.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`));
    return `{${parts.join(',')}}`;
}
// PostgreSQL text cannot hold NUL; sources may hand us strings with it (hostile reports).
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/g;
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const MAYBE_UNSTORABLE = /[\u0000\uD800-\uDFFF]/;
/**
 * Text as the store keeps it: NUL dropped (as COPY drops it) and a lone surrogate replaced by U+FFFD (as
 * UTF-8 encoding replaces it). For keys (scopes, fingerprints, uids) that are compared or sent as query
 * parameters before they reach COPY, so two spellings of one stored key are one key from the start.
 */
export function storableText(s) {
    return MAYBE_UNSTORABLE.test(s) ? s.replace(UNSTORABLE, (c) => (c === '\u0000' ? '' : '\uFFFD')) : s;
}
export function copyValue(v) {
    if (v === null || v === undefined)
        return '\\N';
    if (typeof v === 'string')
        return escapeCopy(v.replace(NUL, ''));
    if (typeof v === 'number') {
        if (!Number.isFinite(v))
            return '\\N';
        return String(v);
    }
    if (typeof v === 'boolean')
        return v ? 't' : 'f';
    if (typeof v === 'bigint')
        return v.toString();
    if (v instanceof Date)
        return v.toISOString();
    if (Array.isArray(v))
        return escapeCopy(arrayLiteral(v).replace(NUL, ''));
    return escapeCopy(jsonText(v));
}
/**
 * JSON text for a jsonb column. jsonb rejects the \u0000 escape and escapes of lone surrogates, which
 * hostile reports contain: a NUL is dropped and a lone surrogate becomes U+FFFD — but an escaped backslash
 * followed by the letters u0000 is left alone.
 */
export function jsonText(v) {
    const text = JSON.stringify(v);
    // JSON.stringify writes a \u escape only for control characters and lone surrogates (paired ones stay raw).
    if (!text.includes('\\u'))
        return text;
    return text.replace(/(?<!\\)((?:\\\\)*)\\u(0000|d[89a-f][0-9a-f]{2})/g, (_, slashes, code) => (code === '0000' ? slashes : `${slashes}\\ufffd`));
}
/** Encodes rows into chunks of at most ~chunkBytes of COPY text, so huge loads stream in bounded memory. */
export function* copyChunks(rows, chunkBytes = 4 << 20) {
    let buf = [];
    let size = 0;
    let n = 0;
    for (const row of rows) {
        const line = row.map(copyValue).join('\t') + '\n';
        buf.push(line);
        size += line.length;
        n++;
        if (size >= chunkBytes) {
            yield { text: buf.join(''), rows: n };
            buf = [];
            size = 0;
            n = 0;
        }
    }
    if (n > 0)
        yield { text: buf.join(''), rows: n };
}
/** Quotes an identifier list for COPY column lists; names come from our code, never from input. */
export function columnList(columns) {
    for (const c of columns)
        if (!/^[a-z_][a-z0-9_]*$/.test(c))
            throw new Error(`bad column name ${c}`);
    return columns.map((c) => `"${c}"`).join(', ');
}
export function tableName(table) {
    if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/.test(table))
        throw new Error(`bad table name ${table}`);
    return table;
}
//# sourceMappingURL=copy-text.js.map