import type { BenchContext, BenchResult, Benchmark } from './types.js';
import { FINDING_ASSETS_SQL, fill } from './api-list.js';
import { settle, timed } from './settle.js';
import { applySuppressions, applyTriagePolicies, recheckAcceptances } from '../src/pipeline/apply-triage-policies.js';
import { fillDueDates } from '../src/pipeline/sla.js';
import { globToLike } from '../src/findings/suppression.js';

const DEFAULT_ROWS = 1_000_000;
const ACCEPTED = 2000;
const SUPPRESSIONS = 20;

/**
 * The post-run step over the api-list store (90% open findings) with its images as assets. Phases: the first
 * due-date fill (every open finding), the step a run pays when it opened nothing, a due-date pass with nothing pending, 20 suppression
 * rules applied, and 2,000 risk acceptances re-checked. Baseline: the plainest write of the same due dates,
 * `update findings set due_at = first_seen + 30 days where status = 'open'`.
 */
export const triageBench: Benchmark = {
  name: 'triage',
  description: 'post-run triage step: SLA due dates of 1M findings vs a constant-interval UPDATE; per-run overhead, suppressions, acceptance re-checks',
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const rows = ctx.rows ?? DEFAULT_ROWS;
    const db = ctx.db;
    await fill(ctx, rows);
    await db.exec(`${FINDING_ASSETS_SQL}
      analyze`);
    const [{ n: open } = { n: 0 }] = await db.query<{ n: number }>(`select count(*)::int as n from findings where status = 'open'`);
    ctx.log(`triage: ${open} open findings`);

    await settle(db);
    const base = await timed(() => db.exec(`update findings set due_at = first_seen + interval '30 days' where status = 'open'`));
    await db.exec('update findings set due_at = null');
    await db.exec('vacuum analyze findings');
    await settle(db);
    const first = await timed(() => db.transaction((tx) => fillDueDates(tx)));
    await settle(db);
    const idle = await timed(() => db.transaction((tx) => applyTriagePolicies(tx, { now: new Date(), opened: 0 })));
    await settle(db);
    // A run that opened findings but none of these: the pass reads the pending index (stale entries until a VACUUM).
    const emptyFill = await timed(() => db.transaction((tx) => fillDueDates(tx)));

    // Rules of each kind: by rule id, by owner and label, by uid pattern.
    const some = await db.query<{ rule_id: string | null; advisory_id: string | null; owner: string; asset_uid: string }>(
      `select rule_id, advisory_id, owner, asset_uid from findings where id % ${Math.max(1, Math.floor(rows / SUPPRESSIONS))} = 0 limit ${SUPPRESSIONS}`);
    for (const [i, f] of some.entries()) {
      const kind = i % 3;
      const pattern = kind === 2 ? `${f.asset_uid.slice(0, -3)}*` : null;
      await db.query(`insert into suppressions (rule_id, asset_pattern, asset_like, label, owner, reason, created_by) values ($1, $2, $3, $4, $5, 'bench', 'bench')`,
        [kind === 0 ? f.rule_id ?? f.advisory_id : null, pattern, pattern && globToLike(pattern), kind === 1 ? 'isPublic' : null, kind === 1 ? f.owner : null]);
    }
    await settle(db);
    const suppress = await timed(() => db.transaction((tx) => applySuppressions(tx, { now: new Date() })));
    await settle(db);
    const suppressAgain = await timed(() => db.transaction((tx) => applySuppressions(tx, { now: new Date() })));

    await db.exec(`update findings set triage = 'risk_accepted', triage_expires_at = now() + interval '90 days',
        triage_facts = jsonb_build_object('severity', severity, 'epss_threshold', 0.1, 'facts', '[]'::jsonb,
          'relied_on', '["not_internet_exposed", "not_in_kev", "epss_below", "not_on_attack_path", "severity_not_higher"]'::jsonb)
      where id in (select id from findings where status = 'open' and triage = 'none' order by id limit ${ACCEPTED})`);
    await settle(db);
    const recheck = await timed(() => db.transaction((tx) => recheckAcceptances(tx, { now: new Date() })));

    const rate = (s: number) => open / s;
    const baseline = rate(base.seconds);
    const row = (name: string, seconds: number, extra: Record<string, unknown>): BenchResult => ({
      name: `triage/${name}`, backend: ctx.backend, value: Number(rate(seconds).toFixed(0)), unit: 'rows/s', baseline: Math.round(baseline),
      ratio: Number((rate(seconds) / baseline).toFixed(3)), rows: open, seconds: Number(seconds.toFixed(3)), baselineSeconds: Number(base.seconds.toFixed(2)), ...extra,
    });
    return [
      row('due-dates-first-fill', first.seconds, { filled: first.result }),
      row('post-run-nothing-new', idle.seconds, { counts: idle.result }),
      row('due-dates-nothing-pending', emptyFill.seconds, { filled: emptyFill.result }),
      row('suppressions-20-rules', suppress.seconds, { suppressed: suppress.result.suppressed, againSeconds: Number(suppressAgain.seconds.toFixed(3)) }),
      row('recheck-2000-acceptances', recheck.seconds, { revoked: recheck.result }),
    ];
  },
};
