import type { Queryable } from '../db.js';
import { Params, scopeCondition, whereSql, type TenantScope } from './tenant-scope.js';

/** The runs JSON contract (`mothership runs --format json`, docs/contracts.md). */
export interface RunRow {
  id: number;
  source: string;
  status: string;
  started_at: Date;
  finished_at: Date | null;
  seconds: number | null;
  input: Record<string, unknown>;
  counts: Record<string, unknown>;
  error: string | null;
}

/**
 * Runs, newest first, before run id `before` when given. A tenant sees only the runs that wrote for one of
 * its owners (an upload with its owner): other runs' inputs and errors name other teams' files.
 */
export async function runsPage(db: Queryable, scope: TenantScope, page: { before?: number | null; limit: number; status?: string; source?: string }): Promise<{ items: RunRow[]; next: number | null }> {
  const p = new Params();
  const c = [scopeCondition(scope, "input->>'owner'", p)];
  if (page.before) c.push(`id < ${p.add(page.before)}`);
  if (page.status) c.push(`status = ${p.add(page.status)}`);
  if (page.source) c.push(`source = ${p.add(page.source)}`);
  const limit = Math.max(1, Math.floor(page.limit));
  const rows = await db.query<RunRow>(`select id, source, status, started_at, finished_at,
      round(extract(epoch from (finished_at - started_at))::numeric, 2) as seconds, input, counts, error
    from runs ${whereSql(c)} order by id desc limit ${limit + 1}`, p.values);
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? items[items.length - 1]!.id : null };
}
