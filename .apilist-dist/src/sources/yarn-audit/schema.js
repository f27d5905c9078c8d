import { z } from 'zod';
/**
 * `yarn audit --json` (yarn 1) writes one JSON object per line: `{"type": ..., "data": ...}`, with an
 * `auditAdvisory` line per advisory and dependency path (the advisory is npm 6's) and a closing
 * `auditSummary`. `yarn npm audit --json` (yarn 2+) writes one `{"value": <package>, "children": {...}}`
 * per vulnerable package. Only the fields read are checked.
 */
const optStr = z.string().nullish();
export const YarnLine = z.object({ type: z.string(), data: z.unknown() });
export const YarnAuditAdvisory = z.object({
    resolution: z.object({ path: optStr, dev: z.boolean().nullish() }).nullish(),
    advisory: z.unknown(),
});
export const BerryLine = z.object({
    value: z.string().min(1),
    children: z.object({
        ID: z.union([z.number(), z.string()]).transform(String),
        Issue: optStr,
        URL: optStr,
        Severity: optStr,
        'Vulnerable Versions': optStr,
        'Tree Versions': z.array(z.string()).nullish().transform((v) => v ?? []),
        Dependents: z.array(z.string()).nullish().transform((v) => v ?? []),
    }),
});
//# sourceMappingURL=schema.js.map