/** `CWE-79`, `CWE-79: Improper...`, `external/cwe/cwe-079` (CodeQL), `cwe_79` → `CWE-79`; ids in order of appearance. */
export function cweIds(...values) {
    const out = new Set();
    const visit = (v) => {
        if (typeof v === 'string') {
            for (const m of v.matchAll(/\bcwe[-_/ ]?0*(\d{1,5})\b/gi))
                out.add(`CWE-${m[1]}`);
        }
        else if (typeof v === 'number' && Number.isInteger(v) && v > 0)
            out.add(`CWE-${v}`);
        else if (Array.isArray(v))
            v.forEach(visit);
    };
    values.forEach(visit);
    return [...out];
}
//# sourceMappingURL=cwe.js.map