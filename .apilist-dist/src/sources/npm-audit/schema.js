import { z } from 'zod';
/**
 * npm audit's JSON report, both shapes: npm 6 (`auditReportVersion` absent, an `advisories` map of
 * advisories with `findings` per installed version; yarn 1 writes the same advisories one per line) and
 * npm 7+ (`auditReportVersion: 2`, a `vulnerabilities` map per package whose `via` lists the advisories or
 * the dependencies that make it vulnerable). Only the fields read are checked.
 */
const optStr = z.string().nullish();
const optNum = z.number().nullish();
function list(item) {
    return z.array(item).nullish().transform((v) => v ?? []);
}
/** `"CWE-94"`, `["CWE-918", "CWE-1333"]`, and the JSON text `"[\"CWE-400\"]"` some npm releases wrote. */
const Cwes = z.union([z.string(), z.array(z.string())]).nullish().transform((v) => {
    if (v == null)
        return [];
    if (Array.isArray(v))
        return v;
    const t = v.trim();
    if (t.startsWith('['))
        return t.slice(1, -1).split(',').map((s) => s.trim().replace(/^"|"$/g, '')).filter(Boolean);
    return t ? [t] : [];
}).transform((ids) => ids.filter((id) => /^CWE-\d+$/i.test(id)));
const Cvss = z.object({ score: optNum, vectorString: optStr }).nullish();
/** An npm 6 (and yarn 1) advisory. */
export const NpmAdvisory = z.object({
    id: z.union([z.number(), z.string()]).transform(String),
    title: optStr,
    module_name: z.string().min(1),
    cves: list(z.string()),
    github_advisory_id: optStr,
    vulnerable_versions: optStr,
    patched_versions: optStr,
    overview: optStr,
    recommendation: optStr,
    references: optStr,
    severity: optStr,
    cwe: Cwes,
    cvss: Cvss,
    url: optStr,
    findings: list(z.object({ version: optStr, paths: list(z.string()), dev: z.boolean().nullish() })),
});
/** npm 6: the advisories are validated one by one as they are read. */
export const NpmAuditV1 = z.object({
    advisories: z.record(z.string(), z.unknown()),
    muted: z.array(z.unknown()).nullish(),
});
/** One advisory in an npm 7+ `via` list; a bare string there names a vulnerable dependency instead. */
export const NpmVia = z.object({
    source: z.union([z.number(), z.string()]).nullish(),
    name: optStr,
    dependency: optStr,
    title: optStr,
    url: optStr,
    severity: optStr,
    cwe: Cwes,
    cvss: Cvss,
    range: optStr,
});
export const NpmVulnerability = z.object({
    name: z.string().min(1),
    severity: optStr,
    isDirect: z.boolean().nullish(),
    via: list(z.union([z.string(), NpmVia])),
    effects: list(z.string()),
    range: optStr,
    nodes: list(z.string()),
    fixAvailable: z.union([z.boolean(), z.object({ name: optStr, version: optStr, isSemVerMajor: z.boolean().nullish() })]).nullish(),
});
export const NpmAuditV2 = z.object({
    auditReportVersion: z.number(),
    vulnerabilities: z.record(z.string(), z.unknown()),
});
/** What npm writes instead of a report when the audit could not run. */
export const NpmAuditError = z.object({
    error: z.object({ code: optStr, summary: optStr, detail: optStr }),
});
//# sourceMappingURL=schema.js.map