import { z } from 'zod';
import { SEVERITIES } from '../../model/finding.js';

/**
 * A rule is data a security engineer can read and paste into the SQL console: its query runs over the
 * public views and returns one row per violation with `asset_uid` and an `evidence` object.
 */
export const Rule = z.object({
  id: z.string().regex(/^[a-z0-9]+(\.[a-z0-9-]+)+$/, 'rule id must be dotted lowercase, e.g. aws.ec2.imdsv1-allowed'),
  title: z.string().min(1),
  severity: z.enum(SEVERITIES),
  kind: z.enum(['config', 'iam', 'data', 'coverage']).default('config'),
  /** Framework controls, e.g. cis-aws-v3:5.6. */
  frameworks: z.array(z.string()).default([]),
  rationale: z.string().min(1),
  remediation: z.string().min(1),
  sql: z.string().min(1),
});
export type Rule = z.output<typeof Rule>;
export type RuleInput = z.input<typeof Rule>;

/** Rows every rule query must return. */
export interface RuleViolation {
  asset_uid: string;
  evidence: Record<string, unknown> | null;
  /** Distinguishes several violations of one rule on one asset (e.g. the port), part of the fingerprint. */
  detail?: string | null;
}
