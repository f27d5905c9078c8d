import { headText } from '../report-file.js';
const MAX_VALUE = 512;
/**
 * Scans the head of a JSON document for its object keys and their depths. Depth counts every `{` and `[`
 * from the root, so in `{"runs": [{"tool": ...}]}` `runs` is at depth 1 and `tool` at depth 3. A head cut
 * in the middle of the document is fine: the scan stops at the end of the bytes it has.
 */
export function jsonHead(head) {
    const text = headText(head, head.length);
    const first = text[0];
    if (first !== '{' && first !== '[')
        return { root: null, keys: [], complete: false };
    const keys = [];
    let depth = 0;
    let pendingKey = null;
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (c === '"') {
            const end = stringEnd(text, i);
            if (end < 0)
                break;
            const raw = text.slice(i + 1, end);
            let j = end + 1;
            while (j < text.length && /\s/.test(text[j]))
                j++;
            if (text[j] === ':') {
                pendingKey = { depth, key: unescape(raw) };
                keys.push(pendingKey);
                i = j + 1;
                continue;
            }
            if (pendingKey && pendingKey.depth === depth)
                keys[keys.length - 1] = { ...pendingKey, value: unescape(raw).slice(0, MAX_VALUE) };
            pendingKey = null;
            i = end + 1;
            continue;
        }
        if (c === '{' || c === '[')
            depth++;
        else if (c === '}' || c === ']') {
            depth--;
            if (depth === 0)
                return { root: first, keys, complete: true };
        }
        if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t')
            pendingKey = null; // a non-string value
        i++;
    }
    return { root: first, keys, complete: false };
}
/** Index of the closing quote of the string opening at `start`, or -1 when the head ends inside it. */
function stringEnd(text, start) {
    for (let i = start + 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 92)
            i++;
        else if (c === 34)
            return i;
    }
    return -1;
}
function unescape(raw) {
    if (!raw.includes('\\'))
        return raw;
    try {
        return JSON.parse(`"${raw}"`);
    }
    catch {
        return raw;
    }
}
/** Keys seen at one depth. */
export function keysAt(head, depth) {
    return new Set(head.keys.filter((k) => k.depth === depth).map((k) => k.key));
}
/** The string value of the first key of that name at that depth. */
export function valueOf(head, depth, key) {
    return head.keys.find((k) => k.depth === depth && k.key === key)?.value;
}
//# sourceMappingURL=json-head.js.map