import type { Finding, RiskFactor } from '../api/types';

/** "Why first": the factors that put a finding high, strongest first; derived from its facts when unscored. */
export function whyFirst(f: Finding, max = 3): string[] {
  const factors: RiskFactor[] = f.risk_factors?.factors ?? [];
  if (factors.length) {
    return [...factors].filter((x) => (x.contribution ?? 0) > 0).sort((a, b) => (b.contribution ?? 0) - (a.contribution ?? 0)).slice(0, max)
      .map((x) => x.reason ?? `${x.factor}${x.value !== undefined ? ` ${JSON.stringify(x.value)}` : ''}`);
  }
  const out: string[] = [];
  if (f.kev) out.push(f.kev.ransomware ? 'known exploited, used by ransomware' : 'known exploited (KEV)');
  if (f.epss && f.epss.percentile >= 0.9) out.push(`EPSS top ${Math.max(1, Math.round((1 - f.epss.percentile) * 100))}%`);
  if (f.spread && f.spread.assets > 1) out.push(`on ${f.spread.assets} assets${f.spread.owners > 1 ? `, ${f.spread.owners} teams` : ''}`);
  if (f.severity === 'critical' || f.severity === 'high') out.push(`${f.severity} severity`);
  return out.slice(0, max);
}

export const TRIAGE_STATES = [
  { value: 'acknowledged', label: 'Acknowledge' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'risk_accepted', label: 'Accept risk' },
  { value: 'false_positive', label: 'False positive' },
  { value: 'none', label: 'Reset' },
] as const;
