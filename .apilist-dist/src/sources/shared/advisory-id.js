const CVE = /^CVE-\d{4}-\d{4,}$/i;
/** True for a CVE id (`CVE-2024-1234`), any case. */
export function isCve(id) {
    return CVE.test(id.trim());
}
/** An advisory id for fingerprints and display: CVEs upper-cased, everything else as the tool spelled it. */
function tidy(id) {
    const t = id.trim();
    return isCve(t) ? t.toUpperCase() : t;
}
/**
 * The id a vulnerability is known by everywhere, so that Trivy, Grype, osv-scanner, npm audit, Snyk and
 * Dependabot findings for the same problem share one fingerprint: the primary id when it is a CVE; else the
 * CVE when the primary id and its related ids name exactly one; else the primary id. Two or more CVEs are
 * ambiguous (one advisory covering several CVEs) and keep the primary id.
 */
export function canonicalAdvisory(primary, related = []) {
    const seen = new Map();
    for (const raw of [primary, ...related]) {
        const id = tidy(raw);
        if (id && !seen.has(id.toUpperCase()))
            seen.set(id.toUpperCase(), id);
    }
    const all = [...seen.values()];
    const cves = all.filter(isCve);
    const first = tidy(primary);
    const id = isCve(first) ? first : cves.length === 1 ? cves[0] : first;
    return { id, aliases: all.filter((a) => a.toUpperCase() !== id.toUpperCase()) };
}
//# sourceMappingURL=advisory-id.js.map