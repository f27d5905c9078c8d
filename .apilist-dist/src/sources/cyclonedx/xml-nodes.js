/**
 * Reading the tree fast-xml-parser builds with `isArray` always true for elements: every child element
 * is an array, text is a string or `{ '#text', __cdata }`, attributes are `@name` keys. Entity
 * processing is off in the parser (no expansion attacks), so the five predefined XML entities and
 * character references are decoded here, and nothing else.
 */
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos));/gi;
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export function decodeEntities(s) {
    return s.replace(ENTITY, (whole, dec, hex, name) => {
        if (name)
            return NAMED[name.toLowerCase()] ?? whole;
        const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}
function isNode(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** All child elements with this name. */
export function kids(node, name) {
    if (!isNode(node) || !Object.hasOwn(node, name))
        return [];
    const v = node[name];
    return Array.isArray(v) ? v : [v];
}
/** The first child element with this name. */
export function el(node, name) {
    return kids(node, name)[0];
}
/** An element's text (CDATA kept verbatim), or undefined for a missing element. */
export function text(node) {
    if (node === undefined || node === null)
        return undefined;
    if (typeof node === 'string')
        return decodeEntities(node);
    if (!isNode(node))
        return typeof node === 'number' || typeof node === 'boolean' ? String(node) : undefined;
    const plain = typeof node['#text'] === 'string' ? decodeEntities(node['#text']) : '';
    const cdata = kids(node, '__cdata').map((c) => (typeof c === 'string' ? c : '')).join('');
    return plain + cdata;
}
/** The text of the first child element with this name. */
export function childText(node, name) {
    return text(el(node, name));
}
export function attr(node, name) {
    if (!isNode(node))
        return undefined;
    const v = node[`@${name}`];
    return typeof v === 'string' ? decodeEntities(v) : undefined;
}
/** Attribute names of an element (without the `@`), for namespace declarations. */
export function attrNames(node) {
    return isNode(node) ? Object.keys(node).filter((k) => k.startsWith('@')).map((k) => k.slice(1)) : [];
}
/** Numbers stay strings when they do not parse, so the schema names the field that is wrong. */
export function num(s) {
    if (s === undefined || s.trim() === '')
        return undefined;
    const n = Number(s);
    return Number.isFinite(n) ? n : s;
}
//# sourceMappingURL=xml-nodes.js.map