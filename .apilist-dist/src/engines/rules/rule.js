import { z } from 'zod';
import { SEVERITIES } from '../../model/finding.js';
import { AssetDraft } from '../../model/asset.js';
/** How to fix it: where to click, and the command or Terraform change that does it. */
export const Remediation = z.object({
    console: z.string().min(1),
    cli: z.string().min(1).optional(),
    terraform: z.string().min(1).optional(),
}).strict();
/** A fixture asset of a rule example: an asset as a source would write it, plus engine-derived labels. */
const ExampleAsset = AssetDraft.extend({ labels: z.array(z.string()).default([]) });
/** A rule's own test: a tiny inventory and the assets the rule must flag in it ([] for a compliant case). */
export const RuleExample = z.object({
    name: z.string().min(1),
    assets: z.array(ExampleAsset).default([]),
    relationships: z.array(z.object({
        from: z.string().min(1),
        kind: z.string().min(1),
        to: z.string().min(1),
        properties: z.record(z.string(), z.unknown()).default({}),
    }).strict()).default([]),
    /** Uids of the assets the rule flags in this inventory, in any order. */
    violations: z.array(z.string()),
}).strict();
/**
 * A rule is data a security engineer can read and paste into the SQL console: its query runs over the
 * public views and returns one row per violation with `asset_uid` and an `evidence` object.
 */
export const Rule = z.object({
    id: z.string().regex(/^[a-z0-9]+(\.[a-z0-9-]+)+$/, 'rule id must be dotted lowercase, e.g. aws.ec2.imdsv1-allowed'),
    title: z.string().min(1),
    severity: z.enum(SEVERITIES),
    kind: z.enum(['config', 'iam', 'data', 'coverage']).default('config'),
    /** Framework controls, e.g. cis-aws-v3:5.6, cis-k8s:5.2.2, nist-csf-2:PR.AA-05. */
    frameworks: z.array(z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9.-]+$/, 'framework control must look like cis-aws-v3:5.6')).default([]),
    rationale: z.string().min(1),
    /** A string is taken as console steps. */
    remediation: z.union([z.string().min(1).transform((console) => ({ console })), Remediation]),
    sql: z.string().min(1),
    examples: z.array(RuleExample).default([]),
}).strict();
/** The remediation as the text a finding carries. */
export function remediationText(r) {
    return [`Console: ${r.console}`, r.cli ? `CLI: ${r.cli}` : null, r.terraform ? `Terraform: ${r.terraform}` : null]
        .filter((l) => l !== null).join('\n');
}
//# sourceMappingURL=rule.js.map