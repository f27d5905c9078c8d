import sjson from 'secure-json-parse';
import { badInput } from '../model/errors.js';
/** Largest JSON document parsed whole; bigger reports must be streamed by their parser. */
export const MAX_JSON_BYTES = 512 * 1024 * 1024;
/** Deepest nesting accepted: real reports stay far below; hostile ones must not exhaust the stack. */
export const MAX_JSON_DEPTH = 256;
function depthOf(text, where) {
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 34) {
            // Jump over the string: to the next quote not escaped by an odd run of backslashes.
            for (;;) {
                const q = text.indexOf('"', i + 1);
                if (q === -1)
                    return; // unterminated: JSON.parse will say where
                let slashes = 0;
                while (text.charCodeAt(q - 1 - slashes) === 92)
                    slashes++;
                i = q;
                if (slashes % 2 === 0)
                    break;
            }
        }
        else if (c === 123 || c === 91) {
            if (++depth > MAX_JSON_DEPTH)
                throw badInput(where, `JSON nested deeper than ${MAX_JSON_DEPTH} levels at offset ${i}`);
        }
        else if (c === 125 || c === 93)
            depth--;
    }
}
/** A `\u0000` or `\uD800`-`\uDFFF` escape: JSON may spell a NUL, or a surrogate that pairs with nothing. */
const STORABLE_ESCAPE = /\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})/;
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const storable = (s) => s.replace(UNSTORABLE, (c) => (c === '\u0000' ? '' : '\uFFFD'));
/**
 * What no store text can hold, repaired in strings and keys: a lone surrogate becomes U+FFFD (as invalid
 * UTF-8 bytes do when the file is read) and a NUL is dropped (as the store would drop it). Done here, the
 * parser sees what will be stored: two ids that differ only by a NUL are one id from the start, and never
 * collide later as two records of one row.
 */
function repairText(value) {
    if (typeof value === 'string')
        return storable(value);
    if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++)
            value[i] = repairText(value[i]);
        return value;
    }
    if (value && typeof value === 'object') {
        const o = value;
        for (const key of Object.keys(o)) {
            const fixed = repairText(o[key]);
            const k = storable(key);
            if (k !== key)
                delete o[key];
            // `__pro\u0000to__` must not become the key that sets an object's prototype.
            if (k !== key && (k === '__proto__' || k === 'constructor'))
                continue;
            o[k] = fixed;
        }
    }
    return value;
}
const SAFE_PARSE = { protoAction: 'remove', constructorAction: 'remove' };
/**
 * Parses one untrusted JSON value whose size and depth the caller has already bounded (a streamed
 * element), exactly as parseUntrustedJson treats a whole document. Text that names neither key, not even
 * escaped, skips secure-json-parse's scan: most elements of a large report.
 */
export function parseJsonValue(text) {
    if (!text.includes('\\u')) {
        return text.includes('__proto__') || text.includes('constructor') ? sjson.parse(text, undefined, SAFE_PARSE) : JSON.parse(text);
    }
    const value = sjson.parse(text, undefined, SAFE_PARSE);
    return STORABLE_ESCAPE.test(text) ? repairText(value) : value;
}
/**
 * Parses untrusted JSON: `__proto__` and `constructor.prototype` keys are dropped (no prototype
 * pollution), depth and size are bounded, and a syntax error names the file and the position. Escaped
 * NULs and lone surrogates are repaired (see repairText): the store's text and jsonb refuse them.
 */
export function parseUntrustedJson(text, where) {
    if (text.length > MAX_JSON_BYTES)
        throw badInput(where, `JSON larger than ${MAX_JSON_BYTES} bytes; this format must be streamed`);
    const clean = text.replace(/^\uFEFF/, '');
    depthOf(clean, where);
    let value;
    // Without any \u escape neither key can be spelled escaped, and nothing needs repair: two substring
    // searches replace secure-json-parse's regular-expression scans of the whole text.
    const escapes = clean.includes('\\u');
    try {
        value = escapes || clean.includes('__proto__') || clean.includes('constructor') ? sjson.parse(clean, undefined, SAFE_PARSE) : JSON.parse(clean);
    }
    catch (e) {
        throw badInput(where, `invalid JSON: ${e.message}`, e);
    }
    return escapes && STORABLE_ESCAPE.test(clean) ? repairText(value) : value;
}
//# sourceMappingURL=json.js.map