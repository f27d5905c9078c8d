import type { Queryable } from '../db.js';
import type { FindingRow } from './findings.js';
import { Params, scopeCondition, whereSql, type TenantScope } from './tenant-scope.js';

/** API filters over findings; every one optional. */
export interface FindingPageFilter {
  kind?: string;
  /** Comma-separated severities. */
  severity?: string;
  /** open (default), resolved or all. */
  status?: string;
  owner?: string;
  rule?: string;
  advisory?: string;
  /** Only findings whose CVE is in CISA KEV. */
  kev?: boolean;
  asset?: string;
  /** Risk score at least this. */
  riskMin?: number;
}

/** Where the next page starts: the sort key of the last item returned. */
export interface FindingCursor { risk: number | null; sev: number; id: number }

export interface FindingPage { items: FindingRow[]; next: FindingCursor | null }

const SEV_RANK = `(case severity when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end)`;

/** The findings JSON contract's fields (docs/contracts.md), from v_findings. */
const ITEM_COLUMNS = `id, fingerprint, kind, rule_id, advisory_id, title, severity, risk_score, status, triage,
      asset_uid, package_purl, owner, evidence, sources, unverified, first_seen, last_seen, resolved_at,
      case when epss_score is not null then json_build_object('score', epss_score, 'percentile', epss_percentile) end as epss,
      case when in_kev then json_build_object('ransomware', kev_ransomware) end as kev,
      case when spread_assets is not null then json_build_object('assets', spread_assets, 'owners', spread_owners) end as spread`;

/**
 * The list item of each finding whose id is in $1: what ITEM_COLUMNS reads from v_findings, computed for
 * those rows only. Planning the whole view (its lateral joins over every finding, then filtered to the
 * page) cost more than running it; this text is fixed, so it is also kept prepared (queryNamed). Each
 * expression is the view's: last_seen adds the latest attempt of a reporting scope for open, verified
 * findings; EPSS is the highest score among the finding's CVEs (advisory id and CVE aliases, upper-cased);
 * KEV says ransomware when any of its KEV entries does; spread counts the open vulnerability findings of
 * the same advisory. findings-page.test.ts checks it against v_findings row for row.
 */
const ITEMS_BY_ID = `select f.id, f.fingerprint, f.kind, f.rule_id, f.advisory_id, f.title, f.severity, f.risk_score, f.status, f.triage,
  f.asset_uid, f.package_purl, f.owner, f.evidence,
  (select coalesce(array_agg(fs.source order by fs.source), '{}') from finding_sources fs where fs.finding_id = f.id) as sources,
  f.unverified, f.first_seen,
  greatest(f.last_seen, case when f.status = 'open' and not f.unverified then
    (select max(s.last_attempt_at) from finding_sources fs join scope_state s on s.source = fs.source and s.scope = fs.scope
      where fs.finding_id = f.id) end) as last_seen,
  f.resolved_at, x.epss, x.kev, x.spread
from findings f
left join lateral (
  select (select json_build_object('score', e.score, 'percentile', e.percentile) from epss e where e.cve_id = any(c.cves)
          order by e.score desc limit 1) as epss,
         (select json_build_object('ransomware', bool_or(k.known_ransomware)) from kev k where upper(k.cve_id) = any(c.cves)
          having count(*) > 0) as kev,
         (select json_build_object('assets', count(distinct g.asset_uid), 'owners', count(distinct g.owner)) from findings g
          where g.advisory_id = f.advisory_id and g.kind = 'vuln' and g.status = 'open') as spread
  from (select array(select distinct upper(id) from (
          select f.advisory_id as id
          union all
          select jsonb_array_elements_text(case when jsonb_typeof(f.properties->'aliases') = 'array' then f.properties->'aliases' else '[]' end)) ids
        where id ~* '^CVE-[0-9]{4}-[0-9]+$') as cves) c
  where f.kind = 'vuln') x on true
where f.id = any($1::bigint[])`;

/** The list items of these findings, in no particular order. */
export function findingItemsById(db: Queryable, ids: readonly number[]): Promise<FindingRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.queryNamed
    ? db.queryNamed<FindingRow>('ms_finding_items_by_id', ITEMS_BY_ID, [ids])
    : db.query<FindingRow>(ITEMS_BY_ID, [ids]);
}

/**
 * In CISA KEV, as v_finding_exploitability decides it (its advisory id or an alias is a KEV CVE), written
 * against the findings table: lists filter and sort the table and read the view only for the page's rows.
 * The catalogue is read once per query (a hashed set, an array) rather than scanned for every finding
 * the list walks: the per-catalogue-row exists took ~1 s at 100,000 findings.
 */
const IN_KEV = `(kind = 'vuln' and (upper(advisory_id) in (select upper(cve_id) from kev)
  or (jsonb_typeof(properties->'aliases') = 'array' and properties->'aliases' ?| array(select cve_id from kev))))`;

function conditions(scope: TenantScope, f: FindingPageFilter, p: Params): (string | null)[] {
  const c: (string | null)[] = [scopeCondition(scope, 'owner', p)];
  const status = f.status ?? 'open';
  if (status !== 'all') c.push(`status = ${p.add(status)}`);
  if (f.kind) c.push(`kind = ${p.add(f.kind)}`);
  if (f.severity) c.push(`severity = any(${p.add(f.severity.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))}::text[])`);
  if (f.owner) c.push(`owner = ${p.add(f.owner)}`);
  if (f.rule) c.push(`rule_id = ${p.add(f.rule)}`);
  if (f.advisory) c.push(`advisory_id = ${p.add(f.advisory)}`);
  if (f.kev) c.push(IN_KEV);
  if (f.asset) c.push(`asset_uid = ${p.add(f.asset)}`);
  if (f.riskMin !== undefined) c.push(`risk_score >= ${p.add(f.riskMin)}`);
  return c;
}

/**
 * The list order (risk desc nulls last, severity, id) as ascending keys, so one row comparison seeks past
 * the cursor through findings_list_idx / findings_owner_list_idx. Risk is numeric(5,2), so every score
 * sorts before 1000 (unscored).
 */
const RISK_KEY = 'coalesce(-risk_score, 1000)';
const ORDER = `${RISK_KEY}, ${SEV_RANK}, id`;

/** Rows after the cursor in the list order. */
function after(cursor: FindingCursor, p: Params): string {
  return `(${ORDER}) > (coalesce(-${p.add(cursor.risk)}::numeric, 1000), ${p.add(cursor.sev)}::int, ${p.add(cursor.id)}::bigint)`;
}

/** One page of findings, most urgent first, and the cursor of the next page (null on the last). */
export async function findingsPage(db: Queryable, scope: TenantScope, f: FindingPageFilter, page: { cursor?: FindingCursor | null; limit: number }): Promise<FindingPage> {
  const p = new Params();
  const c = conditions(scope, f, p);
  if (page.cursor) c.push(after(page.cursor, p));
  const limit = Math.max(1, Math.floor(page.limit));
  // The page's keys come from the table; the item fields (sources, EPSS, KEV, spread per row) are read for
  // those rows only, not for every row the sort has to look at.
  const keys = await db.query<FindingCursor>(`select id, risk_score as risk, ${SEV_RANK} as sev
    from findings ${whereSql(c)}
    order by ${ORDER} limit ${limit + 1}`, p.values);
  const shown = keys.slice(0, limit);
  const rows = await findingItemsById(db, shown.map((k) => k.id));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = shown.map((k) => byId.get(k.id)).filter((r): r is FindingRow => r !== undefined);
  const last = shown[shown.length - 1];
  return { items, next: keys.length > limit && last ? { risk: last.risk, sev: last.sev, id: last.id } : null };
}

/** Every matching finding, page by page, for exports: memory stays bounded whatever the count. */
export async function* allFindings(db: Queryable, scope: TenantScope, f: FindingPageFilter, batch = 1000): AsyncIterable<FindingRow> {
  let cursor: FindingCursor | null = null;
  do {
    const page: FindingPage = await findingsPage(db, scope, f, { cursor, limit: batch });
    yield* page.items;
    cursor = page.next;
  } while (cursor);
}

export async function countFindingsInScope(db: Queryable, scope: TenantScope, f: FindingPageFilter): Promise<number> {
  const p = new Params();
  const rows = await db.query<{ n: number }>(`select count(*)::int as n from findings ${whereSql(conditions(scope, f, p))}`, p.values);
  return rows[0]?.n ?? 0;
}

export interface FindingSourceRow { source: string; scope: string; original_id: string | null; first_seen: Date }
export interface FindingEventRow { id: number; at: Date; type: string; run_id: number | null; actor: string | null; details: Record<string, unknown> }

export interface FindingDetail extends FindingRow {
  description: string | null;
  remediation: string | null;
  risk_factors: Record<string, unknown>;
  owner_reason: string | null;
  due_at: Date | null;
  source_links: FindingSourceRow[];
  events: FindingEventRow[];
}

/** One finding with its sources and history, or null when it does not exist or lies outside the scope. */
export async function findingDetail(db: Queryable, scope: TenantScope, id: number): Promise<FindingDetail | null> {
  const p = new Params();
  const c = [scopeCondition(scope, 'owner', p), `id = ${p.add(id)}`];
  const [row] = await db.query<Omit<FindingDetail, 'source_links' | 'events'>>(`select ${ITEM_COLUMNS},
      description, remediation, risk_factors, owner_reason, due_at from v_findings ${whereSql(c)}`, p.values);
  if (!row) return null;
  const [sources, events] = await Promise.all([
    db.query<FindingSourceRow>('select source, scope, original_id, first_seen from finding_sources where finding_id = $1 order by source', [id]),
    db.query<FindingEventRow>('select id, at, type, run_id, actor, details from finding_events where finding_id = $1 order by at, id', [id]),
  ]);
  return { ...row, source_links: sources, events };
}
