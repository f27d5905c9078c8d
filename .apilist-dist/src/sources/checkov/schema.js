import { z } from 'zod';
/**
 * Checkov's JSON report (`checkov -o json`): one object per framework (`check_type`), or an array of them
 * when several frameworks ran, or a bare summary when nothing was scanned. `code_block` is never read: it
 * quotes the configuration, secrets included.
 */
const optStr = z.string().nullish();
export const FailedCheck = z.object({
    check_id: z.string().min(1),
    bc_check_id: optStr,
    check_name: optStr,
    file_path: z.string(),
    repo_file_path: optStr,
    file_line_range: z.array(z.number().int()).nullish(),
    resource: optStr,
    resource_address: optStr,
    severity: optStr,
    guideline: optStr,
    check_class: optStr,
    description: optStr,
    short_description: optStr,
    details: z.array(z.string()).nullish(),
    vulnerability_details: z.object({
        id: optStr,
        package_name: optStr,
        package_version: optStr,
        fixed_version: optStr,
        lowest_fixed_version: optStr,
        link: optStr,
        description: optStr,
        cvss: z.number().nullish(),
        severity: optStr,
    }).nullish(),
});
/** One framework's report; its failed checks are validated one by one. */
export const FrameworkReport = z.object({
    check_type: z.string(),
    results: z.object({
        failed_checks: z.array(z.unknown()).nullish().transform((v) => v ?? []),
        parsing_errors: z.array(z.unknown()).nullish().transform((v) => v ?? []),
    }).nullish().transform((r) => r ?? { failed_checks: [], parsing_errors: [] }),
    summary: z.object({
        parsing_errors: z.number().nullish(),
        checkov_version: optStr,
    }).nullish(),
});
/** What Checkov writes when it found nothing to scan: a summary only. */
export const BareSummary = z.object({
    checkov_version: optStr,
    parsingerrors: z.number().nullish(),
    resourcecount: z.number().nullish(),
});
//# sourceMappingURL=schema.js.map