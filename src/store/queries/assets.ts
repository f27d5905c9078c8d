import type { Queryable } from '../db.js';

export interface AssetFilter {
  kind?: string;
  account?: string;
  owner?: string;
  label?: string;
  /** Substring of uid or name, case-insensitive. */
  search?: string;
  includeGone?: boolean;
}

/** The assets JSON contract (CLI and API): extend with new fields, never rename. */
export interface AssetRow {
  uid: string;
  kind: string;
  name: string | null;
  owner: string | null;
  owner_reason: string | null;
  labels: string[];
  provider: string | null;
  account: string | null;
  region: string | null;
  environment: string | null;
  unverified: boolean;
  first_seen: Date;
  last_seen: Date;
  gone_at: Date | null;
}

function where(f: AssetFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => { params.push(v); clauses.push(sql.replace('?', `$${params.length}`)); };
  if (!f.includeGone) clauses.push('gone_at is null');
  if (f.kind) add(f.kind.includes('*') ? 'kind like ?' : 'kind = ?', f.kind.replace(/\*/g, '%'));
  if (f.account) add('account = ?', f.account);
  if (f.owner) add('owner = ?', f.owner);
  if (f.label) add('? = any(labels)', f.label);
  if (f.search) {
    params.push(`%${f.search}%`);
    clauses.push(`(uid ilike $${params.length} or name ilike $${params.length})`);
  }
  return { sql: clauses.length ? `where ${clauses.join(' and ')}` : '', params };
}

export async function countAssets(db: Queryable, f: AssetFilter): Promise<number> {
  const w = where(f);
  const rows = await db.query<{ n: number }>(`select count(*)::int as n from v_assets ${w.sql}`, w.params);
  return rows[0]?.n ?? 0;
}

export async function listAssets(db: Queryable, f: AssetFilter, page: { limit?: number; offset?: number } = {}): Promise<AssetRow[]> {
  const w = where(f);
  const limit = page.limit !== undefined ? `limit ${Math.max(0, Math.floor(page.limit))}` : '';
  const offset = page.offset ? `offset ${Math.max(0, Math.floor(page.offset))}` : '';
  return db.query<AssetRow>(`select uid, kind, name, owner, owner_reason, labels, provider, account, region, environment,
      unverified, first_seen, last_seen, gone_at
    from v_assets ${w.sql} order by kind, uid ${limit} ${offset}`, w.params);
}
