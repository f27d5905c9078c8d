import type { Severity } from '../../model/index.js';
import { weightsVersion, type RiskConfig } from './config.js';

/**
 * The risk model, pure: what is known about one finding (its inputs) → its score and the factors behind it.
 * The pipeline computes the same formula set-based in SQL (sql.ts); a test holds the two equal.
 */
export interface RiskInputs {
  kind: string;
  severity: Severity;
  /** Best CVSS base score known (the advisory's, else the source's); null when none. */
  cvss: number | null;
  kev: boolean;
  ransomware: boolean;
  /** Highest EPSS probability of its CVEs, 0–1; null when none. */
  epss: number | null;
  exploit: boolean;
  fixAvailable: boolean;
  /** Its asset, or a workload running its image, is a node of an open attack path. */
  onPath: boolean;
  /** Its asset, or a workload running its image, is labelled isPublic. */
  public: boolean;
  /** What its identity reaches: 2 AdminEquivalent, 1 HighlyPermissiveRole, 0 neither. */
  blast: 0 | 1 | 2;
  criticality: string | null;
  environment: string | null;
  /** Open findings of the same advisory (vulnerabilities) or rule (others): distinct assets and owners. */
  spreadAssets: number;
  spreadOwners: number;
  /** Attack paths: the technique (rule id without `path.`). */
  technique: string | null;
}

export type RiskFactorName = 'path' | 'severity' | 'kev' | 'epss' | 'exploit' | 'fix_available' | 'exposure' | 'blast_radius' | 'criticality' | 'spread';

export interface RiskFactor {
  factor: RiskFactorName;
  value: string | number | boolean;
  weight: number;
  /** Points this factor adds (value × weight, rounded to 0.01). */
  contribution: number;
  /** The factor in plain words. */
  reason: string;
}

export interface RiskFactors {
  score: number;
  weights_version: string;
  /** The factors that apply, in model order; a factor that adds nothing is left out (severity always stays). */
  factors: RiskFactor[];
  /** The reasons that add points, in model order: "why is this first?" in one line. */
  summary: string;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/** Criticality and environment points, capped at `max`. */
export function criticalityPoints(c: RiskConfig, criticality: string | null, environment: string | null): number {
  const lv = criticality ? c.criticality.levels[criticality.toLowerCase()] ?? 0 : 0;
  const env = environment ? c.criticality.environments[environment.toLowerCase()] ?? 0 : 0;
  return Math.min(c.criticality.max, lv + env);
}

function criticalityFactor(c: RiskConfig, i: RiskInputs): RiskFactor | undefined {
  const points = criticalityPoints(c, i.criticality, i.environment);
  if (points <= 0) return undefined;
  return { factor: 'criticality', value: `${i.criticality ?? '-'}/${i.environment ?? '-'}`, weight: c.criticality.max, contribution: r2(points),
    reason: `criticality ${i.criticality ?? 'unknown'}, environment ${i.environment ?? 'unknown'}` };
}

/** The score and factors of one finding under `c`. */
export function riskOf(i: RiskInputs, c: RiskConfig, version = weightsVersion(c)): RiskFactors {
  const f: (RiskFactor | undefined)[] = [];
  if (i.kind === 'path') {
    const technique = i.technique ?? 'unknown';
    const w = c.paths[technique] ?? c.paths.default ?? 0;
    f.push({ factor: 'path', value: technique, weight: w, contribution: r2(w), reason: `attack path ${technique}` });
    f.push(criticalityFactor(c, i));
  } else {
    const value = i.cvss ?? c.severityScore[i.severity];
    f.push({ factor: 'severity', value, weight: c.severity, contribution: r2(value * c.severity),
      reason: i.cvss !== null ? `CVSS ${i.cvss}` : `severity ${i.severity}` });
    const e = c.exploitability;
    if (i.kev) {
      const w = e.kev + (i.ransomware ? e.ransomware : 0);
      f.push({ factor: 'kev', value: true, weight: w, contribution: r2(w), reason: i.ransomware ? 'in CISA KEV, used by ransomware' : 'in CISA KEV' });
    }
    if (i.epss !== null && i.epss > 0) {
      f.push({ factor: 'epss', value: i.epss, weight: e.epss, contribution: r2(i.epss * e.epss), reason: `EPSS ${(Math.round(i.epss * 1000) / 10).toFixed(1)}%` });
    }
    if (i.exploit) f.push({ factor: 'exploit', value: true, weight: e.exploit, contribution: r2(e.exploit), reason: 'public exploit' });
    if (i.fixAvailable) f.push({ factor: 'fix_available', value: true, weight: e.fixAvailable, contribution: r2(e.fixAvailable), reason: 'fix available' });
    if (i.onPath) f.push({ factor: 'exposure', value: 'attack_path', weight: c.exposure.attackPath, contribution: r2(c.exposure.attackPath), reason: 'on an open attack path' });
    else if (i.public) f.push({ factor: 'exposure', value: 'public', weight: c.exposure.public, contribution: r2(c.exposure.public), reason: 'internet-exposed (isPublic)' });
    if (i.blast === 2) f.push({ factor: 'blast_radius', value: 'AdminEquivalent', weight: c.blastRadius.admin, contribution: r2(c.blastRadius.admin), reason: 'its identity is admin-equivalent' });
    else if (i.blast === 1) f.push({ factor: 'blast_radius', value: 'HighlyPermissiveRole', weight: c.blastRadius.permissive, contribution: r2(c.blastRadius.permissive), reason: 'its identity is highly permissive' });
    f.push(criticalityFactor(c, i));
    if (i.spreadAssets > 1) {
      f.push({ factor: 'spread', value: i.spreadAssets, weight: c.spread, contribution: r2(c.spread * Math.min(1, Math.log10(i.spreadAssets) / 2)),
        reason: `shared by ${i.spreadAssets} assets of ${i.spreadOwners} owners` });
    }
  }
  // A zero weight configured away is not a reason; severity always stays, it is the base.
  const factors = f.filter((x): x is RiskFactor => x !== undefined && (x.contribution > 0 || x.factor === 'severity'));
  const score = r2(Math.min(100, factors.reduce((s, x) => s + x.contribution, 0)));
  const summary = factors.filter((x) => x.contribution > 0).map((x) => x.reason).join('; ');
  return { score, weights_version: version, factors, summary };
}
