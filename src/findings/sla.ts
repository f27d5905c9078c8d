import { SEVERITIES, type Severity } from '../model/finding.js';

/**
 * SLA: a finding is due `days` after it was first detected, by its severity and its asset's criticality.
 * The policies live in the sla_policies table (defaults below, seeded by migration 016, editable by admins);
 * this module holds the rules the store applies, so they can be tested and documented without one.
 */
export interface SlaPolicy {
  severity: Severity;
  /** Lower-cased assets.criticality, or '*' for any other value and for assets without one. */
  criticality: string;
  /** Days from first detection to due; null: no SLA for this combination. */
  days: number | null;
}

/** Shipped defaults: the same rows migration 016 inserts (a test keeps them equal). */
export const DEFAULT_SLA_POLICIES: readonly SlaPolicy[] = [
  { severity: 'critical', criticality: '*', days: 15 }, { severity: 'critical', criticality: 'critical', days: 7 },
  { severity: 'critical', criticality: 'high', days: 7 }, { severity: 'critical', criticality: 'low', days: 30 },
  { severity: 'high', criticality: '*', days: 30 }, { severity: 'high', criticality: 'critical', days: 15 },
  { severity: 'high', criticality: 'high', days: 15 }, { severity: 'high', criticality: 'low', days: 60 },
  { severity: 'medium', criticality: '*', days: 90 }, { severity: 'medium', criticality: 'critical', days: 60 },
  { severity: 'medium', criticality: 'high', days: 60 }, { severity: 'medium', criticality: 'low', days: 180 },
  { severity: 'low', criticality: '*', days: 180 }, { severity: 'low', criticality: 'critical', days: 120 },
  { severity: 'low', criticality: 'high', days: 120 }, { severity: 'low', criticality: 'low', days: 365 },
  { severity: 'info', criticality: '*', days: null },
];

/** A finding due within this many days is at risk. */
export const AT_RISK_DAYS = 7;
export const MAX_SLA_DAYS = 3650;

/** The policy's days for a finding: the row of its asset's criticality, else the severity's '*' row. */
export function slaDays(policies: readonly SlaPolicy[], severity: Severity, criticality: string | null): number | null {
  const c = criticality?.trim().toLowerCase();
  const exact = c ? policies.find((p) => p.severity === severity && p.criticality === c) : undefined;
  const row = exact ?? policies.find((p) => p.severity === severity && p.criticality === '*');
  return row?.days ?? null;
}

export function dueDate(firstSeen: Date, days: number | null): Date | null {
  return days === null ? null : new Date(firstSeen.getTime() + days * 86_400_000);
}

export type SlaState = 'none' | 'ok' | 'at_risk' | 'breached';

export function slaState(dueAt: Date | null, now: Date): SlaState {
  if (!dueAt) return 'none';
  if (dueAt.getTime() < now.getTime()) return 'breached';
  return dueAt.getTime() < now.getTime() + AT_RISK_DAYS * 86_400_000 ? 'at_risk' : 'ok';
}

/**
 * Validates a full replacement of the policy table: known severities, lower-case criticalities, whole days
 * within bounds, no duplicate key, and a '*' row for every severity so each finding has a rule.
 */
export function validatePolicies(rows: readonly { severity: string; criticality?: string; days: number | null }[]): { ok: true; value: SlaPolicy[] } | { ok: false; error: string } {
  const out: SlaPolicy[] = [];
  const seen = new Set<string>();
  for (const [i, r] of rows.entries()) {
    if (!(SEVERITIES as readonly string[]).includes(r.severity)) return { ok: false, error: `policies[${i}].severity: one of ${SEVERITIES.join(', ')}` };
    const criticality = (r.criticality ?? '*').trim().toLowerCase();
    if (!criticality || criticality.length > 64) return { ok: false, error: `policies[${i}].criticality: 1 to 64 characters` };
    if (r.days !== null && (!Number.isInteger(r.days) || r.days < 1 || r.days > MAX_SLA_DAYS)) return { ok: false, error: `policies[${i}].days: a whole number from 1 to ${MAX_SLA_DAYS}, or null` };
    const key = `${r.severity}\t${criticality}`;
    if (seen.has(key)) return { ok: false, error: `policies[${i}]: ${r.severity}/${criticality} given twice` };
    seen.add(key);
    out.push({ severity: r.severity as Severity, criticality, days: r.days });
  }
  const missing = SEVERITIES.filter((s) => !seen.has(`${s}\t*`));
  if (missing.length) return { ok: false, error: `a '*' row is needed for every severity; missing: ${missing.join(', ')}` };
  return { ok: true, value: out };
}
