export function splitVector(vector) {
    const parts = vector.trim().split('/');
    const prefix = /^CVSS:(\d\.\d)$/.exec(parts[0] ?? '');
    if (!prefix)
        return null;
    const metrics = new Map();
    for (const part of parts.slice(1)) {
        const m = /^([A-Za-z]+):([A-Za-z]+)$/.exec(part);
        if (!m || metrics.has(m[1]))
            return null;
        metrics.set(m[1], m[2]);
    }
    return { version: prefix[1], metrics };
}
//# sourceMappingURL=vector.js.map