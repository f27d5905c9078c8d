import { z } from 'zod';
/**
 * KICS' JSON report (`kics scan --report-formats json`): queries, each with the files it failed on.
 * `actual_value`, `search_value` and `value` are not read: for secret queries they quote the secret.
 */
const optStr = z.string().nullish();
const optNum = z.number().nullish();
export const KicsFile = z.object({
    file_name: z.string(),
    similarity_id: optStr,
    line: z.number().int().nullish(),
    resource_type: optStr,
    resource_name: optStr,
    issue_type: optStr,
    search_key: optStr,
    expected_value: optStr,
    remediation: optStr,
});
export const KicsQuery = z.object({
    query_name: z.string(),
    query_id: z.string().min(1),
    query_url: optStr,
    severity: optStr,
    platform: optStr,
    cloud_provider: optStr,
    category: optStr,
    description: optStr,
    description_id: optStr,
    files: z.array(z.unknown()).nullish().transform((v) => v ?? []),
});
export const KicsReport = z.object({
    kics_version: optStr,
    files_scanned: optNum,
    files_parsed: optNum,
    files_failed_to_scan: optNum,
    queries_failed_to_execute: optNum,
    queries: z.array(z.unknown()).nullish().transform((v) => v ?? []),
});
//# sourceMappingURL=schema.js.map