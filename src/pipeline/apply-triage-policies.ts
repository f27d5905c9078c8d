import type { Queryable } from '../store/db.js';
import { flippedFacts, type AcceptanceRecord } from '../findings/acceptance.js';
import { readFindingFacts } from './acceptance-facts.js';
import { fillDueDates } from './sla.js';

/**
 * The post-run step: at the end of every sync run, inside its transaction, the store's triage policies are
 * applied to what the run changed. Set-based throughout; each part reads only the findings it concerns.
 * 1. SLA: open findings without a due date get one (sla_policies), when the run opened any.
 * 2. Suppression rules: open untriaged findings matching an active rule become 'suppressed'; suppressed
 *    findings whose rule expired, was deleted or no longer matches return to 'none'.
 * 3. Risk acceptances: expired ones, and ones whose relied-on facts no longer hold, return to 'none' with
 *    an event naming what changed.
 */
export interface TriagePolicyCounts { due_dates: number; suppressed: number; unsuppressed: number; acceptances_revoked: number }

export interface PolicyContext {
  now: Date;
  run?: number | null;
  /**
   * Findings the run opened or reopened, when known: 0 skips the due-date pass. Until a VACUUM (PGlite has no
   * autovacuum) the pending-due index keeps entries of rows filled earlier, so even an empty pass rechecks them.
   */
  opened?: number;
}

export async function applyTriagePolicies(tx: Queryable, ctx: PolicyContext): Promise<TriagePolicyCounts> {
  const due_dates = ctx.opened === 0 ? 0 : await fillDueDates(tx);
  const { suppressed, unsuppressed } = await applySuppressions(tx, ctx);
  const acceptances_revoked = await recheckAcceptances(tx, ctx);
  return { due_dates, suppressed, unsuppressed, acceptances_revoked };
}

/**
 * The findings each active rule matches (lowest rule id wins), among open untriaged and already suppressed
 * findings. Manual triage always wins: a finding someone acknowledged is never suppressed over it.
 * Candidates come through an index for each rule's most selective criterion (rule or advisory id, owner,
 * label, else the assets whose uid matches the pattern), so a rule costs the findings it names, not a scan
 * of every finding; the full predicate is then applied to them.
 */
const MATCH = `
  create temp table triage_suppression_match as
  with active as (select * from suppressions where expires_at is null or expires_at > $1::timestamptz),
  cand as (
    select f.id, s.id as sid from active s join findings f on f.rule_id = s.rule_id and f.rule_id is not null where s.rule_id is not null
    union
    select f.id, s.id from active s join findings f on f.advisory_id = s.rule_id and f.advisory_id is not null where s.rule_id is not null
    union
    select f.id, s.id from active s join findings f on f.owner = s.owner where s.rule_id is null and s.owner is not null
    union
    select f.id, s.id from active s join asset_labels l on l.label = s.label join findings f on f.asset_uid = l.asset_uid
     where s.rule_id is null and s.owner is null and s.label is not null
    union
    select f.id, s.id from active s join assets a on a.uid like s.asset_like join findings f on f.asset_uid = a.uid
     where s.rule_id is null and s.owner is null and s.label is null)
  select distinct on (f.id) f.id, s.id as sid, s.reason, f.triage as old_triage, f.suppression_id as old_sid
    from cand c
    join active s on s.id = c.sid
    join findings f on f.id = c.id
   where (s.rule_id is null or f.rule_id = s.rule_id or f.advisory_id = s.rule_id)
     and (s.owner is null or f.owner = s.owner)
     and (s.asset_like is null or f.asset_uid like s.asset_like)
     and (s.label is null or exists (select 1 from assets a where a.uid = f.asset_uid and s.label = any(a.labels)))
     and ((f.status = 'open' and f.triage = 'none') or f.triage = 'suppressed')
   order by f.id, s.id`;

export async function applySuppressions(tx: Queryable, ctx: PolicyContext): Promise<{ suppressed: number; unsuppressed: number }> {
  const [any] = await tx.query<{ yes: boolean }>(`select exists (select 1 from suppressions) or exists (select 1 from findings where triage = 'suppressed') as yes`);
  if (!any?.yes) return { suppressed: 0, unsuppressed: 0 };
  await tx.exec('drop table if exists pg_temp.triage_suppression_match');
  await tx.query(MATCH, [ctx.now]);
  const run = ctx.run ?? null;
  // Suppress (or re-point to the rule that now applies).
  const suppressed = await tx.query<{ id: number }>(`with upd as (
      update findings f set triage = 'suppressed', suppression_id = m.sid, triage_reason = m.reason, triage_by = null, triage_at = $1::timestamptz,
             triage_expires_at = null, triage_facts = null
        from triage_suppression_match m
       where f.id = m.id and (m.old_triage <> 'suppressed' or m.old_sid is distinct from m.sid)
      returning f.id, m.sid, m.reason, m.old_triage, m.old_sid)
    insert into finding_events (finding_id, at, type, run_id, details)
    select id, $1::timestamptz, 'triaged', $2::bigint, jsonb_build_object('from', old_triage, 'to', 'suppressed', 'suppression_id', sid, 'reason', reason)
           || case when old_sid is not null then jsonb_build_object('previous_suppression_id', old_sid) else '{}'::jsonb end
      from upd returning finding_id`, [ctx.now, run]);
  // Lift: suppressed findings no active rule matches any more, saying why.
  const lifted = await tx.query<{ id: number }>(`with gone as (
      select f.id, f.suppression_id as sid,
             case when s.id is null then 'suppression deleted' when s.expires_at <= $1::timestamptz then 'suppression expired'
                  else 'suppression no longer matches' end as why
        from findings f left join suppressions s on s.id = f.suppression_id
       where f.triage = 'suppressed' and not exists (select 1 from triage_suppression_match m where m.id = f.id)),
    upd as (
      update findings f set triage = 'none', suppression_id = null, triage_reason = null, triage_by = null, triage_at = $1::timestamptz
        from gone where f.id = gone.id
      returning f.id, gone.sid, gone.why)
    insert into finding_events (finding_id, at, type, run_id, details)
    select id, $1::timestamptz, 'triaged', $2::bigint, jsonb_build_object('from', 'suppressed', 'to', 'none', 'suppression_id', sid, 'reason', why)
      from upd returning finding_id`, [ctx.now, run]);
  await tx.exec('drop table pg_temp.triage_suppression_match');
  return { suppressed: suppressed.length, unsuppressed: lifted.length };
}

/** Revokes acceptances that expired or whose relied-on facts flipped; returns how many. */
export async function recheckAcceptances(tx: Queryable, ctx: PolicyContext): Promise<number> {
  const accepted = await tx.query<{ id: number; facts: AcceptanceRecord | null; expires_at: Date | null; by: string | null }>(
    `select id, triage_facts as facts, triage_expires_at as expires_at, triage_by as by from findings where triage = 'risk_accepted'`);
  if (accepted.length === 0) return 0;
  const current = await readFindingFacts(tx, accepted.filter((a) => a.facts?.relied_on?.length).map((a) => a.id));
  const revoke: { id: number; details: Record<string, unknown> }[] = [];
  for (const a of accepted) {
    const expired = a.expires_at !== null && a.expires_at.getTime() <= ctx.now.getTime();
    const now = current.get(a.id);
    const flipped = a.facts && now ? flippedFacts(a.facts, now) : [];
    if (!expired && flipped.length === 0) continue;
    const reason = flipped.length
      ? `acceptance revoked: ${flipped.map((f) => `${f.fact} no longer holds (${f.text})`).join('; ')}`
      : 'acceptance expired';
    revoke.push({ id: a.id, details: { from: 'risk_accepted', to: 'none', reason, flipped, expired, accepted_by: a.by, ...(a.expires_at ? { expires_at: a.expires_at.toISOString() } : {}) } });
  }
  if (revoke.length === 0) return 0;
  const ids = revoke.map((r) => r.id);
  await tx.query(`update findings f set triage = 'none', triage_reason = u.reason, triage_by = null, triage_at = $3::timestamptz,
      triage_expires_at = null, triage_facts = null
    from unnest($1::bigint[], $2::text[]) as u(id, reason) where f.id = u.id`, [ids, revoke.map((r) => r.details.reason as string), ctx.now]);
  await tx.query(`insert into finding_events (finding_id, at, type, run_id, details)
    select id, $3::timestamptz, 'triaged', $4::bigint, d::jsonb from unnest($1::bigint[], $2::text[]) as u(id, d)`,
  [ids, revoke.map((r) => JSON.stringify(r.details)), ctx.now, ctx.run ?? null]);
  return revoke.length;
}
