import { cvss3BaseScore } from './v3.js';
import { cvss4Score } from './v4.js';

export { cvss3BaseScore, roundUp30, roundUp31 } from './v3.js';
export { cvss4Score } from './v4.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** The score of a CVSS v3.x or v4.0 vector; null for other versions and malformed vectors. */
export function cvssScore(vector: string): number | null {
  if (vector.startsWith('CVSS:3.')) return cvss3BaseScore(vector);
  if (vector.startsWith('CVSS:4.')) return cvss4Score(vector);
  return null;
}

/** The specification's qualitative rating (the same scale for v3 and v4). */
export { severityFromScore as severityOfScore } from '../../findings/severity.js';

const LABELS: Record<string, Severity> = {
  critical: 'critical', high: 'high', important: 'high', moderate: 'medium', medium: 'medium', low: 'low',
  negligible: 'info', none: 'info', info: 'info', informational: 'info', unimportant: 'info',
};

/** A feed's own label (GHSA's MODERATE, Ubuntu's negligible, ...) on our scale; null when unknown. */
export function severityOfLabel(label: string): Severity | null {
  return LABELS[label.trim().toLowerCase()] ?? null;
}
