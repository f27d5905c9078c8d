import type { Queryable } from '../db.js';
import { Params, scopeCondition, whereSql, type TenantScope } from './tenant-scope.js';

/** One attack path as the CLI and the API show it (docs/paths.md): a `path` finding's id, status and hops. */
export interface PathItem {
  id: number;
  title: string;
  risk_score: number | null;
  status: string;
  severity: string;
  technique: string;
  rule_id: string;
  owner: string | null;
  asset_uid: string | null;
  target: string;
  target_kinds: string[];
  nodes: { uid: string; kind: string; name: string | null }[];
  edges: { from: string; to: string; kind: string; evidence: Record<string, unknown> }[];
  first_seen: Date;
  resolved_at: Date | null;
}

export interface PathFilter {
  /** open (default), resolved or all. */
  status?: string;
  technique?: string;
  /** Only paths with this asset among their nodes (entry, hop or target). */
  asset?: string;
}

export interface PathCursor { risk: number | null; sev: number; id: number }

const SEV_RANK = `(case severity when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end)`;
const ORDER = `coalesce(-risk_score, 1000), ${SEV_RANK}, id`;
const COLUMNS = `id::int as id, title, risk_score, status, severity, evidence->>'technique' as technique, rule_id, owner, asset_uid,
  evidence->>'target' as target, coalesce(evidence->'target_kinds', '[]') as target_kinds,
  coalesce(evidence->'nodes', '[]') as nodes, coalesce(evidence->'edges', '[]') as edges, first_seen, resolved_at`;

function conditions(scope: TenantScope, f: PathFilter, p: Params): (string | null)[] {
  const c: (string | null)[] = [`kind = 'path'`, scopeCondition(scope, 'owner', p)];
  const status = f.status ?? 'open';
  if (status !== 'all') c.push(`status = ${p.add(status)}`);
  if (f.technique) c.push(`rule_id = ${p.add(`path.${f.technique}`)}`);
  // Containment on the nodes, in the form the partial GIN index findings_path_nodes_idx (migration 021) serves.
  if (f.asset) c.push(`evidence->'nodes' @> jsonb_build_array(jsonb_build_object('uid', ${p.add(f.asset)}::text))`);
  return c;
}

/** Paths, riskiest first (risk score, severity, id), a page at a time. */
export async function pathsPage(db: Queryable, scope: TenantScope, f: PathFilter, page: { cursor?: PathCursor | null; limit: number }): Promise<{ items: PathItem[]; next: PathCursor | null }> {
  const p = new Params();
  const c = conditions(scope, f, p);
  if (page.cursor) c.push(`(${ORDER}) > (coalesce(-${p.add(page.cursor.risk)}::numeric, 1000), ${p.add(page.cursor.sev)}::int, ${p.add(page.cursor.id)}::bigint)`);
  const limit = Math.max(1, Math.floor(page.limit));
  const rows = await db.query<PathItem & { sev: number }>(
    `select ${COLUMNS}, ${SEV_RANK} as sev from findings ${whereSql(c)} order by ${ORDER} limit ${limit + 1}`, p.values);
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(({ sev: _sev, ...r }) => r), next: more && last ? { risk: last.risk_score, sev: last.sev, id: last.id } : null };
}

/** Every matching path (the CLI lists them all). */
export async function allPaths(db: Queryable, scope: TenantScope, f: PathFilter): Promise<PathItem[]> {
  const p = new Params();
  return db.query<PathItem>(`select ${COLUMNS} from findings ${whereSql(conditions(scope, f, p))} order by ${ORDER}`, p.values);
}

/** One path by finding id, or null when there is none in the scope. */
export async function pathDetail(db: Queryable, scope: TenantScope, id: number): Promise<PathItem | null> {
  const p = new Params();
  const c = [`kind = 'path'`, `id = ${p.add(id)}`, scopeCondition(scope, 'owner', p)];
  const rows = await db.query<PathItem>(`select ${COLUMNS} from findings ${whereSql(c)}`, p.values);
  return rows[0] ?? null;
}
