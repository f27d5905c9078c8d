import type { Severity } from '../model/index.js';

/**
 * A 0–10 score (CVSS v3/v4 base score, SARIF `security-severity`) on the CVSS qualitative scale; the
 * specification's "None" is our `info`. One scale for every source, the matcher and the intel import.
 */
export function severityFromScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}
