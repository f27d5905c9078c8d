export function requestContext(values = {}, closedWorld = false, closedKeys = []) {
    const map = new Map();
    for (const [k, v] of Object.entries(values)) {
        if (v === undefined)
            continue;
        map.set(k.toLowerCase(), typeof v === 'string' ? [v] : [...v]);
    }
    return { values: map, closedWorld, closedKeys: closedKeys.map((k) => k.toLowerCase()) };
}
export function lookupKey(ctx, key) {
    const lower = key.toLowerCase();
    const values = ctx.values.get(lower);
    if (values)
        return { kind: 'values', values };
    if (ctx.closedWorld)
        return { kind: 'absent' };
    const closed = ctx.closedKeys?.some((k) => (k.endsWith('/') ? lower.startsWith(k) : lower === k));
    return closed ? { kind: 'absent' } : { kind: 'unknown' };
}
//# sourceMappingURL=context.js.map