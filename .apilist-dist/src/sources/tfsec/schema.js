import { z } from 'zod';
/** tfsec's JSON report (`tfsec --format json`): legacy (≤ 0.58: `passed`, `link`) and current (`status`, `links`). */
const optStr = z.string().nullish();
export const TfsecResult = z.object({
    rule_id: z.string().min(1),
    long_id: optStr,
    legacy_rule_id: optStr,
    rule_description: optStr,
    rule_provider: optStr,
    rule_service: optStr,
    impact: optStr,
    resolution: optStr,
    links: z.array(z.string()).nullish(),
    link: optStr,
    description: optStr,
    severity: optStr,
    status: z.union([z.string(), z.number()]).nullish(),
    passed: z.boolean().nullish(),
    resource: optStr,
    location: z.object({
        filename: z.string(),
        start_line: z.number().int().nullish(),
        end_line: z.number().int().nullish(),
    }),
});
export const TfsecReport = z.object({
    results: z.array(z.unknown()).nullable().transform((v) => v ?? []),
});
//# sourceMappingURL=schema.js.map