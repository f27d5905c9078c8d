import { z } from 'zod';
/**
 * How completely a run covered one scope. Only `complete` lets the sweep resolve what was not seen;
 * `partial` (AccessDenied on a service, a truncated report) and `failed` leave items as they were.
 */
export const COVERAGE = ['complete', 'partial', 'failed'];
/**
 * A scope is the unit of mark-and-sweep: what a source can see completely in one go, named as a path,
 * e.g. `aws:123456789012:us-east-1:ec2`, `aws:123456789012:global:iam`, `image:sha256:ab12...`.
 */
export const ScopeCoverage = z.object({
    scope: z.string().min(1),
    coverage: z.enum(COVERAGE),
    error: z.string().nullable().default(null),
});
//# sourceMappingURL=scope.js.map