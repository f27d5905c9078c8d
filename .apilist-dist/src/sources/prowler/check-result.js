/** Blank strings as null, so that every format's "not given" reads the same. */
export function text(value) {
    const t = value?.trim();
    return t ? t : null;
}
/** A list field that some formats write as one string joined by `|` or `,`. */
export function listOf(value, separator = /\s*\|\s*/) {
    if (value == null)
        return [];
    const items = typeof value === 'string' ? value.split(separator) : value;
    return items.map((s) => s.trim()).filter((s) => s !== '');
}
//# sourceMappingURL=check-result.js.map