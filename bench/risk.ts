import type { BenchContext, BenchResult, Benchmark } from './types.js';
import { FINDING_ASSETS_SQL, fill } from './api-list.js';
import { settle, timed } from './settle.js';
import { scoreRisk } from '../src/pipeline/score-risk.js';
import { scorePosture } from '../src/pipeline/score-posture.js';
import { fixPlans } from '../src/engines/fixplans/fix-plans.js';

const DEFAULT_ROWS = 1_000_000;
/** Findings written per second by the baseline, the same rows set to a constant. */
const TARGET = `status = 'open' or risk_score is null`;

/**
 * The risk scorer over the api-list store (90% open findings, 90% vulnerabilities, KEV and EPSS filled),
 * with its images as assets: every 10th labelled isPublic, every 25th on one of 200 open attack paths.
 * Baseline: the plainest write of the same rows, `update findings set risk_score = <constant>`.
 */
export const riskBench: Benchmark = {
  name: 'risk',
  description: 'risk scores of 1M findings (set-based SQL, changed rows only) vs a constant UPDATE of the same rows; posture and fix plans',
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const rows = ctx.rows ?? DEFAULT_ROWS;
    const db = ctx.db;
    await fill(ctx, rows);
    await db.exec(`${FINDING_ASSETS_SQL}
      insert into findings (fingerprint, kind, rule_id, title, severity, asset_uid, owner, evidence, source, content_hash, first_seen, last_seen)
        select 'path-' || n, 'path', 'path.exposed-vulnerable-workload', 'path ' || n, 'critical', a.uid, a.owner,
          jsonb_build_object('technique', 'exposed-vulnerable-workload', 'nodes', jsonb_build_array(jsonb_build_object('uid', 'internet', 'kind', 'internet'),
            jsonb_build_object('uid', a.uid, 'kind', 'container.image')), 'edges', '[]'::jsonb), 'bench', 'h', now(), now()
        from (select uid, owner, row_number() over (order by uid) as n from assets) a where a.n % 25 = 0;
      analyze`);
    const [{ n: target } = { n: 0 }] = await db.query<{ n: number }>(`select count(*)::int as n from findings where ${TARGET}`);
    ctx.log(`risk: ${target} findings to score`);

    await settle(db);
    const base = await timed(() => db.exec(`update findings set risk_score = 50 where ${TARGET}`));
    await settle(db);
    const first = await timed(() => scoreRisk(db));
    await settle(db);
    const again = await timed(() => scoreRisk(db));
    await settle(db);
    const posture = await timed(() => scorePosture(db));
    const plans = await timed(() => fixPlans(db, { owners: null, limit: 50 }));
    const memberPlans = await timed(() => fixPlans(db, { owners: ['team-07'], limit: 50 }));
    const rss = process.resourceUsage().maxRSS * 1024;
    const rate = (s: number) => target / s;
    const baseline = rate(base.seconds);
    const row = (name: string, seconds: number, extra: Record<string, unknown>): BenchResult => ({
      name: `risk/${name}`, backend: ctx.backend, value: Math.round(rate(seconds)), unit: 'rows/s', baseline: Math.round(baseline),
      ratio: Number((rate(seconds) / baseline).toFixed(3)), rows: target, seconds: Number(seconds.toFixed(2)), baselineSeconds: Number(base.seconds.toFixed(2)),
      peakRssMb: Math.round(rss / 1e6), ...extra,
    });
    return [
      row('score', first.seconds, { changed: first.result.changed }),
      row('rescore-unchanged', again.seconds, { changed: again.result.changed }),
      row('posture', posture.seconds, { postureRows: posture.result.rows }),
      row('fix-plans', plans.seconds, { plans: plans.result.length, memberSeconds: Number(memberPlans.seconds.toFixed(2)) }),
    ];
  },
};
