/**
 * The JSON the dashboard reads: the API's contracts (docs/api.md, src/server/routes/api-schemas.ts). Fields
 * other helpers are adding are optional, so the dashboard renders with or without them.
 */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export interface Page<T> { items: T[]; next_cursor: string | null }

export interface Me { name: string; role: 'admin' | 'analyst' | 'member' | 'viewer'; tenant: string | null; via: string; csrf_token: string | null }

export interface RiskFactor { factor: string; value?: unknown; weight?: number; contribution?: number; reason?: string }
export interface RiskFactors { score?: number; weights_version?: string; factors?: RiskFactor[]; summary?: string }

export interface Finding {
  id: number; fingerprint: string; kind: string; rule_id: string | null; advisory_id: string | null; title: string; severity: Severity;
  risk_score: number | null; status: string; triage: string; asset_uid: string | null; package_purl: string | null; owner: string | null;
  evidence: Record<string, unknown>; sources: string[]; unverified: boolean; first_seen: string; last_seen: string; resolved_at: string | null;
  epss: { score: number; percentile: number } | null; kev: { ransomware: boolean } | null; spread: { assets: number; owners: number } | null;
  risk_factors?: RiskFactors | null; due_at?: string | null;
}

export interface FindingEvent { id?: number; at: string; type: string; actor: string | null; details: Record<string, unknown> }

export interface FindingDetail extends Finding {
  description: string | null; remediation: string | null; owner_reason: string | null;
  source_links: { source: string; scope: string; original_id: string | null; first_seen: string }[];
  events: FindingEvent[];
}

export interface Asset {
  uid: string; kind: string; name: string | null; owner: string | null; owner_reason: string | null; labels: string[]; provider: string | null;
  account: string | null; region: string | null; environment: string | null; unverified: boolean; first_seen: string; last_seen: string; gone_at: string | null;
}

export interface Relationship { from_uid: string; kind: string; to_uid: string; source: string; properties: Record<string, unknown>; other_kind: string | null; other_name: string | null }
export interface PackageItem { purl: string; ecosystem: string; name: string; version: string; path: string; source: string; licenses: string[] }

export interface AssetDetail extends Asset {
  criticality: string | null; tags: Record<string, unknown>; properties: Record<string, unknown>; source: string;
  relationships: { outgoing: Relationship[]; incoming: Relationship[] };
  packages: { items: PackageItem[]; total: number; truncated: boolean };
  findings: { items: Finding[]; truncated: boolean };
}

export type SeverityCounts = Record<Severity | 'total', number>;
export interface Owner { id: string; name: string; tenant_id: string | null; assets: number; open_findings: SeverityCounts }

export interface Rule {
  id: string; title: string; severity: Severity; kind: string; frameworks: string[]; rationale: string;
  remediation: { console: string; cli: string; terraform: string }; sql: string; source: string; open_findings: number;
}

export interface Run {
  id: number; source: string; status: string; started_at: string; finished_at: string | null; seconds: number | null;
  input: Record<string, unknown>; counts: Record<string, unknown>; error: string | null;
}

export interface QueryResult { columns: string[]; items: Record<string, unknown>[]; truncated: boolean }

export interface PathNode { uid: string; kind: string; name: string | null }
export interface PathEdge { from: string; to: string; kind: string; evidence?: { text?: string; rule_id?: string; finding_id?: number; fingerprint?: string; permission?: string; label?: string } }
export interface AttackPath { id: number; title: string; risk_score: number | null; status: string; nodes: PathNode[]; edges: PathEdge[] }

/** GET /api/v1/posture (being built): read defensively, every part optional. */
export interface ScoreEntry { id?: string; name?: string; score: number; open?: number; findings?: number }
export interface Posture {
  overall?: number | { score: number; domains?: Record<string, { score: number }> } | null;
  domains?: ScoreEntry[] | Record<string, number | { score: number }>;
  owners?: ScoreEntry[] | Record<string, number | { score: number }>;
  accounts?: ScoreEntry[] | Record<string, number | { score: number }>;
}
export interface PosturePoint { day?: string; date?: string; at?: string; score: number }

export interface SlaEntry { owner: string | null; open: number; breached: number; at_risk: number }
