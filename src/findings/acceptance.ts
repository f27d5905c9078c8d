import { SEVERITIES, type Severity } from '../model/finding.js';

/**
 * A risk acceptance records the facts it relied on, read from the store when it is made; every run checks
 * them again, and the acceptance is revoked (triage back to none) as soon as one no longer holds or it
 * expires. The facts are about exposure and exploitability: the things that make "we accept this" stop
 * being true without anyone touching the finding.
 */
export const ACCEPTANCE_FACTS = ['not_internet_exposed', 'not_in_kev', 'epss_below', 'not_on_attack_path', 'severity_not_higher'] as const;
export type AcceptanceFact = (typeof ACCEPTANCE_FACTS)[number];

/** EPSS probability an acceptance may rely on staying under. */
export const EPSS_ACCEPT_THRESHOLD = 0.1;

/** What the store says about a finding now (src/pipeline/acceptance-facts.ts reads it). */
export interface FindingFacts {
  severity: Severity;
  /** The asset carries the isPublic label. */
  internetExposed: boolean;
  inKev: boolean;
  /** Highest EPSS score among its CVEs; null when none is scored. */
  epss: number | null;
  /** The asset is a node of an open attack path (kind 'path' finding). */
  onAttackPath: boolean;
}

export interface FactCheck { fact: AcceptanceFact; holds: boolean; text: string }

/** Stored in findings.triage_facts. */
export interface AcceptanceRecord {
  checked_at: string;
  severity: Severity;
  epss_threshold: number;
  facts: FactCheck[];
  relied_on: AcceptanceFact[];
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);

/** Each fact as it stands, against the severity the acceptance was made at. */
export function checkFacts(now: FindingFacts, acceptedSeverity: Severity, threshold = EPSS_ACCEPT_THRESHOLD): FactCheck[] {
  return [
    { fact: 'not_internet_exposed', holds: !now.internetExposed,
      text: now.internetExposed ? 'asset is internet-exposed (isPublic)' : 'asset not internet-exposed (no isPublic label)' },
    { fact: 'not_in_kev', holds: !now.inKev, text: now.inKev ? 'advisory is in CISA KEV' : 'no CISA KEV entry for the advisory' },
    { fact: 'epss_below', holds: (now.epss ?? 0) < threshold,
      text: now.epss === null ? `no EPSS score (threshold ${threshold})` : `EPSS ${now.epss} ${now.epss < threshold ? '<' : '>='} ${threshold}` },
    { fact: 'not_on_attack_path', holds: !now.onAttackPath, text: now.onAttackPath ? 'asset is on an open attack path' : 'asset not on an open attack path' },
    { fact: 'severity_not_higher', holds: rank(now.severity) >= rank(acceptedSeverity),
      text: rank(now.severity) >= rank(acceptedSeverity) ? `severity ${now.severity} (accepted at ${acceptedSeverity})` : `severity rose from ${acceptedSeverity} to ${now.severity}` },
  ];
}

export function isAcceptanceFact(s: string): s is AcceptanceFact {
  return (ACCEPTANCE_FACTS as readonly string[]).includes(s);
}

/**
 * The record of a new acceptance. It relies on `requested` facts (default: every fact that holds now); a
 * requested fact that does not hold is an error, since the acceptance would be revoked at once.
 */
export function recordAcceptance(now: FindingFacts, at: Date, requested?: readonly AcceptanceFact[]): { ok: true; value: AcceptanceRecord } | { ok: false; error: string } {
  const facts = checkFacts(now, now.severity);
  const relied = requested ? [...new Set(requested)] : facts.filter((f) => f.holds).map((f) => f.fact);
  const failing = facts.filter((f) => relied.includes(f.fact) && !f.holds);
  if (failing.length) return { ok: false, error: `cannot rely on ${failing.map((f) => `${f.fact}: ${f.text}`).join('; ')}` };
  return { ok: true, value: { checked_at: at.toISOString(), severity: now.severity, epss_threshold: EPSS_ACCEPT_THRESHOLD, facts, relied_on: relied } };
}

/** Facts an acceptance relied on that no longer hold; empty while the acceptance stands. */
export function flippedFacts(record: AcceptanceRecord, now: FindingFacts): FactCheck[] {
  const current = checkFacts(now, record.severity, record.epss_threshold);
  return current.filter((f) => record.relied_on.includes(f.fact) && !f.holds);
}
