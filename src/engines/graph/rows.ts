import type { EngineContext } from '../engine.js';

/** Rows the graph is built from, each read by one set-based query. */
export type Db = EngineContext['db'];
export type Json = Record<string, unknown>;

export const obj = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export interface LabelRow { asset_uid: string; label: string; evidence: Json; kind: string; name: string | null; account: string | null }
export interface AssetRow { uid: string; kind: string; name: string | null; account: string | null; p: Json }
export interface EdgeRow { from_uid: string; kind: string; to_uid: string; properties: Json }
export interface FindingRow { id: number; fingerprint: string; rule_id: string | null; asset_uid: string; title: string; evidence: Json; advisory_id: string | null; in_kev: boolean | null; epss: number | null }

/** The labels the graph reads, on present assets. */
export async function labelRows(db: Db, labels: readonly string[]): Promise<LabelRow[]> {
  return db.query<LabelRow>(
    `select l.asset_uid, l.label, l.evidence, a.kind, a.name, a.account from asset_labels l join assets a on a.uid = l.asset_uid
      where a.gone_at is null and l.label = any($1::text[]) order by l.asset_uid, l.label, l.source`, [[...labels]]);
}

/** Present assets of the given kinds with their properties. */
export async function assetRows(db: Db, kinds: readonly string[]): Promise<AssetRow[]> {
  return db.query<AssetRow>(
    `select uid, kind, name, account, properties as p from assets where gone_at is null and kind = any($1::text[]) order by uid`, [[...kinds]]);
}

/** Relationships of the given kinds whose endpoints are not gone. */
export async function edgeRows(db: Db, kinds: readonly string[]): Promise<EdgeRow[]> {
  return db.query<EdgeRow>(
    `select r.from_uid, r.kind, r.to_uid, r.properties from relationships r
      where r.kind = any($1::text[])
        and not exists (select 1 from assets a where a.uid in (r.from_uid, r.to_uid) and a.gone_at is not null)
      order by r.from_uid, r.kind, r.to_uid`, [[...kinds]]);
}

/** Open findings of the given rules on present assets. */
export async function ruleFindings(db: Db, rules: readonly string[]): Promise<FindingRow[]> {
  return db.query<FindingRow>(
    `select f.id::int as id, f.fingerprint, f.rule_id, f.asset_uid, f.title, f.evidence, f.advisory_id, null::boolean as in_kev, null::float8 as epss
       from findings f where f.rule_id = any($1::text[]) and f.status = 'open' and f.asset_uid is not null order by f.id`, [[...rules]]);
}

/**
 * Open vulnerability findings an attacker can use from the network: in CISA KEV or with an EPSS score of at
 * least `minEpss`, unless the CVSS vector says the attack needs local, adjacent or physical access.
 */
export async function exploitableVulns(db: Db, minEpss: number): Promise<FindingRow[]> {
  return db.query<FindingRow>(
    `select f.id::int as id, f.fingerprint, f.rule_id, f.asset_uid, f.title, '{}'::jsonb as evidence, f.advisory_id, x.in_kev, x.epss_score as epss
       from findings f join v_finding_exploitability x on x.finding_id = f.id
      where f.kind = 'vuln' and f.status = 'open' and f.asset_uid is not null
        and (x.in_kev or coalesce(x.epss_score, 0) >= $1)
        and coalesce(f.properties->>'cvss', '') !~ 'AV:[LAP]'
      order by f.id`, [minEpss]);
}
