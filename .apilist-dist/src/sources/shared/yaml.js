import { parseAllDocuments } from 'yaml';
import { badInput } from '../../model/errors.js';
/** Largest YAML file read: catalogue files are small; a huge one is a mistake or an attack. */
export const MAX_YAML_BYTES = 16 * 1024 * 1024;
/** Alias expansions allowed per document: bounds "billion laughs" expansion. */
export const MAX_YAML_ALIASES = 100;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Copies plain data, dropping keys that could reach a prototype when the value is used later. */
function plain(value, depth, where) {
    if (depth > 64)
        throw badInput(where, 'YAML nested deeper than 64 levels');
    if (Array.isArray(value))
        return value.map((v) => plain(v, depth + 1, where));
    if (value instanceof Date)
        return value.toISOString();
    if (value && typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value))
            if (!UNSAFE_KEYS.has(k))
                out[k] = plain(v, depth + 1, where);
        return out;
    }
    return value;
}
/**
 * Parses every document of an untrusted YAML stream into plain values. Core schema only (no custom or
 * language-specific tags, `no` stays a string), duplicate keys rejected, aliases bounded; the first syntax
 * error names the file and line.
 */
export function parseUntrustedYaml(text, where) {
    if (text.length > MAX_YAML_BYTES)
        throw badInput(where, `YAML larger than ${MAX_YAML_BYTES} bytes`);
    const docs = parseAllDocuments(text.replace(/^\uFEFF/, ''), {
        version: '1.2', schema: 'core', customTags: [], merge: false, uniqueKeys: true, prettyErrors: true, stringKeys: true,
    });
    if (!Array.isArray(docs))
        return []; // an empty stream
    const values = [];
    for (const doc of docs) {
        const error = doc.errors[0];
        if (error)
            throw badInput(where, `invalid YAML: ${error.message.split('\n')[0] ?? error.code}`, error);
        let value;
        try {
            value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
        }
        catch (e) {
            throw badInput(where, `invalid YAML: ${e.message}`, e);
        }
        if (value !== null && value !== undefined)
            values.push(plain(value, 0, where));
    }
    return values;
}
//# sourceMappingURL=yaml.js.map