import type { Db, Queryable } from '../store/db.js';
import { MothershipError } from '../model/errors.js';
import { Params, scopeCondition, whereSql, type TenantScope } from '../store/queries/tenant-scope.js';
import { INACTIVE_TRIAGE, isSameTriage, type TriageState, type ValidTriage } from '../findings/triage.js';
import { recordAcceptance, type AcceptanceFact, type AcceptanceRecord } from '../findings/acceptance.js';
import { slaState, type SlaState } from '../findings/sla.js';
import { readFindingFacts } from './acceptance-facts.js';

/**
 * People's changes to findings: triage state, comments, assignment. Every change is one finding_events
 * row with the actor; findings outside the caller's tenant scope behave as if they did not exist.
 */
export const MAX_BULK = 1000;
export const MAX_COMMENT = 10_000;

export interface TriageResult {
  updated: number[];
  unchanged: number[];
  /** Unknown ids, and ids outside the caller's tenant: the same answer, so ids of other tenants are not confirmed. */
  not_found: number[];
  /** Risk acceptances: the facts recorded, by finding id. */
  facts?: Record<string, AcceptanceRecord>;
}

interface Locked { id: number; triage: string; reason: string | null; expires_at: Date | null }

async function lockInScope(tx: Queryable, scope: TenantScope, ids: readonly number[]): Promise<Locked[]> {
  const p = new Params();
  const c = [scopeCondition(scope, 'owner', p), `id = any(${p.add([...ids])}::bigint[])`];
  return tx.query<Locked>(`select id, triage, triage_reason as reason, triage_expires_at as expires_at from findings ${whereSql(c)}
    order by id for update`, p.values);
}

/**
 * Sets the triage state of findings in the scope. A risk acceptance records the facts it relies on (all
 * that hold, or `relyOn`), read from the store in the same transaction; a relied-on fact that does not hold
 * refuses the whole request (CONFLICT) and nothing changes.
 */
export async function setTriage(db: Db, scope: TenantScope, ids: readonly number[], change: ValidTriage, actor: string,
  options: { relyOn?: readonly AcceptanceFact[]; now?: Date } = {}): Promise<TriageResult> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) throw new MothershipError('BAD_INPUT', 'ids: at least one finding id');
  if (wanted.length > MAX_BULK) throw new MothershipError('BAD_INPUT', `ids: at most ${MAX_BULK} per request`);
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const rows = await lockInScope(tx, scope, wanted);
    const found = new Set(rows.map((r) => r.id));
    const changed = rows.filter((r) => !isSameTriage({ triage: r.triage, reason: r.reason, expiresAt: r.expires_at }, change));
    const facts = new Map<number, AcceptanceRecord>();
    if (change.state === 'risk_accepted' && changed.length) {
      const current = await readFindingFacts(tx, changed.map((r) => r.id));
      const refused: string[] = [];
      for (const r of changed) {
        const f = current.get(r.id);
        if (!f) continue;
        const rec = recordAcceptance(f, now, options.relyOn);
        if (rec.ok) facts.set(r.id, rec.value);
        else refused.push(`finding ${r.id}: ${rec.error}`);
      }
      if (refused.length) throw new MothershipError('CONFLICT', refused.slice(0, 5).join('; '));
    }
    if (changed.length) {
      const changedIds = changed.map((r) => r.id);
      const factTexts = changed.map((r) => (facts.has(r.id) ? JSON.stringify(facts.get(r.id)) : null));
      await tx.query(`update findings f set triage = $3, triage_reason = $4, triage_expires_at = $5, triage_facts = u.facts::jsonb,
          triage_by = $6, triage_at = $7, suppression_id = null
        from unnest($1::bigint[], $2::text[]) as u(id, facts) where f.id = u.id`,
      [changedIds, factTexts, change.state, change.reason, change.expiresAt, actor, now]);
      const details = changed.map((r) => JSON.stringify({
        from: r.triage, to: change.state, reason: change.reason,
        ...(change.expiresAt ? { expires_at: change.expiresAt.toISOString() } : {}),
        ...(facts.has(r.id) ? { facts: facts.get(r.id) } : {}),
        ...(changed.length > 1 ? { bulk: changed.length } : {}),
      }));
      await tx.query(`insert into finding_events (finding_id, at, type, actor, details)
        select id, $3, 'triaged', $4, d::jsonb from unnest($1::bigint[], $2::text[]) as u(id, d)`, [changedIds, details, now, actor]);
    }
    const changedSet = new Set(changed.map((r) => r.id));
    return {
      updated: [...changedSet].sort((a, b) => a - b),
      unchanged: rows.filter((r) => !changedSet.has(r.id)).map((r) => r.id),
      not_found: wanted.filter((id) => !found.has(id)),
      ...(change.state === 'risk_accepted' ? { facts: Object.fromEntries([...facts].map(([id, f]) => [String(id), f])) } : {}),
    };
  });
}

function notFound(id: number): MothershipError {
  return new MothershipError('NOT_FOUND', `finding ${id}: not found`);
}

export async function addComment(db: Db, scope: TenantScope, id: number, text: string, actor: string, now = new Date()): Promise<{ id: number; at: Date }> {
  const body = text.trim();
  if (!body) throw new MothershipError('BAD_INPUT', 'text: a comment needs text');
  if (body.length > MAX_COMMENT) throw new MothershipError('BAD_INPUT', `text: at most ${MAX_COMMENT} characters`);
  return db.transaction(async (tx) => {
    if ((await lockInScope(tx, scope, [id])).length === 0) throw notFound(id);
    const [ev] = await tx.query<{ id: number; at: Date }>(`insert into finding_events (finding_id, at, type, actor, details)
      values ($1, $2, 'commented', $3, $4) returning id, at`, [id, now, actor, JSON.stringify({ text: body })]);
    return ev!;
  });
}

/** Sets who works on a finding; the 'assigned' event says { assignee, previous } (owner moves by runs say { owner, ... }). */
export async function assignFinding(db: Db, scope: TenantScope, id: number, assignee: string | null, actor: string, now = new Date()): Promise<{ changed: boolean; assignee: string | null }> {
  const to = assignee?.trim() ? assignee.trim() : null;
  if (to && to.length > 200) throw new MothershipError('BAD_INPUT', 'assignee: at most 200 characters');
  return db.transaction(async (tx) => {
    if ((await lockInScope(tx, scope, [id])).length === 0) throw notFound(id);
    const [row] = await tx.query<{ assignee: string | null }>('select assignee from findings where id = $1', [id]);
    if ((row?.assignee ?? null) === to) return { changed: false, assignee: to };
    await tx.query('update findings set assignee = $2 where id = $1', [id, to]);
    await tx.query(`insert into finding_events (finding_id, at, type, actor, details) values ($1, $2, 'assigned', $3, $4)`,
      [id, now, actor, JSON.stringify({ assignee: to, previous: row?.assignee ?? null })]);
    return { changed: true, assignee: to };
  });
}

export interface HistoryItem { id: number; at: Date; type: string; run_id: number | null; actor: string | null; details: Record<string, unknown> }

export interface TriageSnapshot {
  state: string;
  status: string;
  reason: string | null;
  expires_at: Date | null;
  by: string | null;
  at: Date | null;
  facts: AcceptanceRecord | null;
  assignee: string | null;
  suppression_id: number | null;
  due_at: Date | null;
  sla: SlaState;
}

/** A finding's history (oldest first) and its current triage, or null outside the scope. */
export async function findingHistory(db: Queryable, scope: TenantScope, id: number, now = new Date()): Promise<{ items: HistoryItem[]; triage: TriageSnapshot } | null> {
  const p = new Params();
  const c = [scopeCondition(scope, 'owner', p), `id = ${p.add(id)}`];
  const [f] = await db.query<Omit<TriageSnapshot, 'sla'>>(`select triage as state, status, triage_reason as reason, triage_expires_at as expires_at,
      triage_by as by, triage_at as at, triage_facts as facts, assignee, suppression_id, due_at from findings ${whereSql(c)}`, p.values);
  if (!f) return null;
  const items = await db.query<HistoryItem>('select id, at, type, run_id, actor, details from finding_events where finding_id = $1 order by at, id', [id]);
  return { items, triage: { ...f, sla: f.status === 'open' && !INACTIVE_TRIAGE.includes(f.state as TriageState) ? slaState(f.due_at, now) : 'none' } };
}
