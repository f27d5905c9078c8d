/** Names that must never become object keys (the same policy as parseUntrustedJson). */
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);
function add(out, framework, requirements) {
    const fw = framework.trim();
    if (!fw || UNSAFE.has(fw))
        return;
    const set = out.get(fw) ?? new Set();
    for (const r of requirements)
        if (r.trim())
            set.add(r.trim());
    out.set(fw, set);
}
function toRecord(out) {
    const sorted = [...out.entries()].sort(([a], [b]) => a.localeCompare(b));
    return Object.fromEntries(sorted.map(([fw, reqs]) => [fw, [...reqs]]));
}
/** `{ "CIS-1.5": ["1.20"], ... }` with values that may be a list or a single string. */
export function complianceFromObject(value) {
    const out = new Map();
    for (const [fw, reqs] of Object.entries(value ?? {})) {
        if (Array.isArray(reqs))
            add(out, fw, reqs.filter((r) => typeof r === 'string'));
        else if (typeof reqs === 'string')
            add(out, fw, reqs.split(','));
    }
    return toRecord(out);
}
/** Prowler CSV's `CIS-1.4: 1.20 | CIS-1.5: 1.20, 1.21`. */
export function complianceFromCsv(value) {
    const out = new Map();
    for (const part of (value ?? '').split('|')) {
        const i = part.indexOf(':');
        if (i <= 0)
            continue;
        add(out, part.slice(0, i), part.slice(i + 1).split(','));
    }
    return toRecord(out);
}
/** ASFF's `RelatedRequirements: ["CIS-1.5 1.20", "PCI DSS 8.3.1"]`: the last word is the requirement. */
export function complianceFromRequirements(requirements) {
    const out = new Map();
    for (const r of requirements) {
        const i = r.trim().lastIndexOf(' ');
        if (i > 0)
            add(out, r.slice(0, i), [r.slice(i + 1)]);
        else
            add(out, r, []);
    }
    return toRecord(out);
}
//# sourceMappingURL=compliance.js.map