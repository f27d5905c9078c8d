import type { Db, Queryable } from '../store/db.js';
import { Params, scopeCondition, type TenantScope } from '../store/queries/tenant-scope.js';
import { AT_RISK_DAYS, type SlaPolicy } from '../findings/sla.js';

/**
 * SLA due dates in the store. The policy of a finding is the sla_policies row of its severity and its
 * asset's criticality (lower-cased), else the severity's '*' row; an exact row with no days means no SLA.
 */
const POLICY_DAYS = `case when pc.severity is not null then pc.days else pd.days end`;
const POLICY_JOIN = `left join assets a on a.uid = f.asset_uid
  left join sla_policies pc on pc.severity = f.severity and pc.criticality = lower(a.criticality)
  left join sla_policies pd on pd.severity = f.severity and pd.criticality = '*'`;

/**
 * Fills due_at on open findings that have none: new ones, and ones whose policy was missing before. Reads
 * only those rows (findings_due_pending_idx), so a run that opened nothing costs one index probe.
 */
export async function fillDueDates(tx: Queryable): Promise<number> {
  const rows = await tx.query<{ id: number }>(`update findings t set due_at = d.first_seen + make_interval(days => d.days)
    from (select f.id, f.first_seen, ${POLICY_DAYS} as days
            from findings f ${POLICY_JOIN}
           where f.due_at is null and f.status = 'open'
             and f.severity = any(array(select severity from sla_policies where days is not null))) d
    where t.id = d.id and d.days is not null
    returning t.id`);
  return rows.length;
}

/** After a policy change: every open finding's due date follows the new table (only changed rows are written). */
export async function recomputeDueDates(tx: Queryable): Promise<number> {
  const rows = await tx.query<{ id: number }>(`update findings t set due_at = d.due
    from (select f.id, f.first_seen + make_interval(days => ${POLICY_DAYS}) as due
            from findings f ${POLICY_JOIN} where f.status = 'open') d
    where t.id = d.id and t.due_at is distinct from d.due
    returning t.id`);
  return rows.length;
}

export async function slaPolicies(db: Queryable): Promise<(SlaPolicy & { updated_at: Date; updated_by: string | null })[]> {
  return db.query(`select severity, criticality, days, updated_at, updated_by from sla_policies
    order by case severity when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end, criticality = '*' desc, criticality`);
}

/** Replaces the whole policy table and recomputes the due dates of open findings, in one transaction. */
export async function replaceSlaPolicies(db: Db, policies: readonly SlaPolicy[], actor: string): Promise<{ policies: number; findings_updated: number }> {
  return db.transaction(async (tx) => {
    await tx.query('delete from sla_policies');
    await tx.query(`insert into sla_policies (severity, criticality, days, updated_by)
      select * , $4 from unnest($1::text[], $2::text[], $3::int[])`,
    [policies.map((p) => p.severity), policies.map((p) => p.criticality), policies.map((p) => p.days), actor]);
    return { policies: policies.length, findings_updated: await recomputeDueDates(tx) };
  });
}

export interface OwnerSla { owner: string | null; open: number; breached: number; at_risk: number; next_due: Date | null }

/**
 * Per owner: open findings still on the team's plate (triage none, acknowledged or in progress), how many
 * are past due and how many fall due within AT_RISK_DAYS.
 */
export async function slaSummary(db: Queryable, scope: TenantScope, now = new Date()): Promise<{ items: OwnerSla[]; totals: Omit<OwnerSla, 'owner' | 'next_due'> }> {
  const p = new Params();
  const at = p.add(now);
  const c = [scopeCondition(scope, 'owner', p), `status = 'open'`, `triage in ('none', 'acknowledged', 'in_progress')`].filter((x) => x !== null);
  const items = await db.query<OwnerSla>(`select owner, count(*)::int as open,
      count(*) filter (where due_at < ${at}::timestamptz)::int as breached,
      count(*) filter (where due_at >= ${at}::timestamptz and due_at < ${at}::timestamptz + make_interval(days => ${AT_RISK_DAYS}))::int as at_risk,
      min(due_at) as next_due
    from findings where ${c.join(' and ')}
    group by owner order by breached desc, at_risk desc, open desc, owner nulls last`, p.values);
  const totals = items.reduce((t, i) => ({ open: t.open + i.open, breached: t.breached + i.breached, at_risk: t.at_risk + i.at_risk }), { open: 0, breached: 0, at_risk: 0 });
  return { items, totals };
}
