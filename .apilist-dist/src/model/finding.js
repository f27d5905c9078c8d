import { z } from 'zod';
export const FINDING_KINDS = ['config', 'iam', 'vuln', 'secret', 'code', 'coverage', 'data', 'path', 'license'];
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
/** Detection state, owned by the pipeline. Triage (acknowledged, risk accepted, ...) is kept apart. */
export const FINDING_STATUSES = ['open', 'resolved'];
/**
 * A problem as one source reports it. The pipeline turns drafts into findings: drafts with the same
 * fingerprint, from any tool, are one finding with several sources.
 */
export const FindingDraft = z.object({
    /** Stable identity across re-scans and tools; see findings/fingerprint.ts. */
    fingerprint: z.string().min(1),
    kind: z.enum(FINDING_KINDS),
    ruleId: z.string().nullable().default(null),
    advisoryId: z.string().nullable().default(null),
    title: z.string().min(1),
    description: z.string().nullable().default(null),
    severity: z.enum(SEVERITIES),
    assetUid: z.string().nullable().default(null),
    packagePurl: z.string().nullable().default(null),
    /** Explicit owner from the source (e.g. --owner on ingest); otherwise the asset's owner applies. */
    owner: z.string().nullable().default(null),
    evidence: z.record(z.string(), z.unknown()).default({}),
    remediation: z.string().nullable().default(null),
    properties: z.record(z.string(), z.unknown()).default({}),
    /** The id the tool itself gave this record, kept on the source link ("why were these merged?"). */
    originalId: z.string().nullable().default(null),
});
//# sourceMappingURL=finding.js.map