import { createHash } from 'node:crypto';
import { z } from 'zod';
import { badInput } from '../../model/errors.js';
import { readConfigDocument } from '../../sources/shared/yaml.js';

/**
 * The weights of the risk score. Every factor adds `value × weight` points (0–100 in total, capped); the
 * defaults below are what docs/risk.md documents, and `--risk-config <yaml>` overrides any of them.
 */
export interface RiskConfig {
  /** Points per CVSS point (0–10); findings without CVSS use `severityScore` of their severity. */
  severity: number;
  /** The CVSS-equivalent of a severity word, for findings without a CVSS score. */
  severityScore: Readonly<Record<'critical' | 'high' | 'medium' | 'low' | 'info', number>>;
  exploitability: {
    /** One of its CVEs is in CISA KEV. */
    kev: number;
    /** Added on top of `kev` when KEV says it is used by ransomware. */
    ransomware: number;
    /** Points per unit of EPSS probability (0–1). */
    epss: number;
    /** Public exploit code is referenced. */
    exploit: number;
    /** A fixed version exists: the risk can be removed now. */
    fixAvailable: number;
  };
  exposure: {
    /** The asset (or a workload running its image) is a node of an open attack path. */
    attackPath: number;
    /** The asset (or a workload running its image) is labelled isPublic. */
    public: number;
  };
  blastRadius: {
    /** The asset or its identity (role, service account) is AdminEquivalent. */
    admin: number;
    /** The asset or its identity is HighlyPermissiveRole (escalation, harmful permissions). */
    permissive: number;
  };
  /** Points by the catalogue's criticality / tier (lower-cased) and by environment; their sum is capped at `max`. */
  criticality: { levels: Readonly<Record<string, number>>; environments: Readonly<Record<string, number>>; max: number };
  /** `weight × min(1, log10(assets) / 2)`: full weight when 100 assets share the advisory or rule. */
  spread: number;
  /** Attack paths: points by technique (rule id `path.<technique>`), `default` for any other. */
  paths: Readonly<Record<string, number>>;
  /** Posture: the open risk per asset (in units of one 100-point finding) at which a score is 50. */
  postureRiskPerAsset: number;
}

export const DEFAULT_RISK_CONFIG: RiskConfig = {
  severity: 4,
  severityScore: { critical: 9.5, high: 7.5, medium: 5, low: 2.5, info: 0 },
  exploitability: { kev: 25, ransomware: 5, epss: 20, exploit: 10, fixAvailable: 2 },
  exposure: { attackPath: 20, public: 15 },
  blastRadius: { admin: 15, permissive: 10 },
  criticality: {
    levels: { critical: 10, 'mission-critical': 10, 'tier-1': 10, tier1: 10, '1': 10, high: 7, 'tier-2': 6, tier2: 6, '2': 6, medium: 4, 'tier-3': 3, tier3: 3, '3': 3, low: 0 },
    environments: { production: 5, prod: 5, staging: 1 },
    max: 10,
  },
  spread: 5,
  paths: {
    'ssrf-imds-credentials': 95,
    'exposed-vulnerable-workload': 95,
    'public-sensitive-data': 90,
    'k8s-exposed-privileged': 90,
    'external-trust': 85,
    'exposed-credentials': 85,
    'identity-chain': 80,
    default: 80,
  },
  postureRiskPerAsset: 1,
};

const Weight = z.number().finite().min(0).max(100);
const Keys = z.string().trim().min(1).max(128);

/** The YAML file: every field optional; maps are merged into the defaults by key. */
export const RiskConfigFile = z.strictObject({
  severity: z.number().finite().min(0).max(10).optional(),
  severityScore: z.strictObject({ critical: z.number().min(0).max(10), high: z.number().min(0).max(10), medium: z.number().min(0).max(10),
    low: z.number().min(0).max(10), info: z.number().min(0).max(10) }).partial().optional(),
  exploitability: z.strictObject({ kev: Weight, ransomware: Weight, epss: Weight, exploit: Weight, fixAvailable: Weight }).partial().optional(),
  exposure: z.strictObject({ attackPath: Weight, public: Weight }).partial().optional(),
  blastRadius: z.strictObject({ admin: Weight, permissive: Weight }).partial().optional(),
  criticality: z.strictObject({ levels: z.record(Keys, Weight), environments: z.record(Keys, Weight), max: Weight }).partial().optional(),
  spread: Weight.optional(),
  paths: z.record(Keys, Weight).optional(),
  postureRiskPerAsset: z.number().finite().positive().max(1000).optional(),
});
export type RiskConfigOverrides = z.output<typeof RiskConfigFile>;

const lowerKeys = (r: Readonly<Record<string, number>> | undefined) => Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => [k.toLowerCase(), v]));

/** The defaults with the overrides applied. */
export function riskConfig(o: RiskConfigOverrides = {}, base: RiskConfig = DEFAULT_RISK_CONFIG): RiskConfig {
  return {
    severity: o.severity ?? base.severity,
    severityScore: { ...base.severityScore, ...o.severityScore },
    exploitability: { ...base.exploitability, ...o.exploitability },
    exposure: { ...base.exposure, ...o.exposure },
    blastRadius: { ...base.blastRadius, ...o.blastRadius },
    criticality: {
      levels: { ...base.criticality.levels, ...lowerKeys(o.criticality?.levels) },
      environments: { ...base.criticality.environments, ...lowerKeys(o.criticality?.environments) },
      max: o.criticality?.max ?? base.criticality.max,
    },
    spread: o.spread ?? base.spread,
    paths: { ...base.paths, ...Object.fromEntries(Object.entries(o.paths ?? {}).map(([k, v]) => [k.replace(/^path\./, ''), v])) },
    postureRiskPerAsset: o.postureRiskPerAsset ?? base.postureRiskPerAsset,
  };
}

/** A short digest of the weights, stored with every score: a score is only comparable to one of the same version. */
export function weightsVersion(config: RiskConfig): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 12);
}

/** Validates an already parsed config document; errors name the file and the field. */
export function parseRiskConfig(value: unknown, where: string): RiskConfigOverrides {
  if (value === undefined || value === null) return {};
  const r = RiskConfigFile.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    throw badInput(where, `${path ? `field ${path}: ` : ''}${issue?.message ?? 'invalid risk configuration'}`);
  }
  return r.data;
}

/** Reads a risk configuration file (YAML or JSON, one document) into a full configuration. */
export function loadRiskConfigFile(path: string): RiskConfig {
  return riskConfig(parseRiskConfig(readConfigDocument(path, 'the risk configuration'), path));
}
