import type { AddressInfo } from 'node:net';
import { buildServer } from '../src/server/app.js';
import { addUser, createToken } from '../src/server/auth/accounts.js';
import { DEFAULT_ROWS, fill } from './api-list.js';
import { settle, timed } from './settle.js';
import type { BenchResult, Benchmark } from './types.js';

/** Issue target for the dashboard's aggregates. */
const TARGET_MS = 300;
const REQUESTS = 20;
const MEMBER_TEAM = 'team-07';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function series(n: number, one: () => Promise<void>): Promise<{ p50: number; p95: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await one();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] ?? NaN };
}

/**
 * What the dashboard's main page asks for besides the findings list: open findings by owner and severity
 * (GET /api/v1/owners) and the posture scores (GET /api/v1/posture), through the real server, one request
 * at a time, over the api-list store (1M findings on PGlite, 5M on PostgreSQL). `owners-after-write` is the
 * first request after a write marked the counts stale (migration 020): it pays the recomputation.
 * Baseline, same run: the open-findings-by-owner-and-severity scan the owners route ran before migration 020.
 */
export const apiAggregates: Benchmark = {
  name: 'api-aggregates',
  description: `dashboard aggregates (GET /api/v1/owners, /api/v1/posture) at ${DEFAULT_ROWS.pglite.toLocaleString('en')} findings; vs the by-owner scan`,
  async run(ctx) {
    const rows = ctx.rows ?? DEFAULT_ROWS[ctx.backend];
    const { seconds: fillSeconds } = await timed(() => fill(ctx, rows));
    ctx.log(`fill: ${rows} findings in ${fillSeconds.toFixed(1)} s`);
    await addUser(ctx.db, { name: 'agg-analyst', role: 'analyst' });
    await addUser(ctx.db, { name: 'agg-member', role: 'member', tenant: MEMBER_TEAM });
    const tokens = { analyst: await createToken(ctx.db, { user: 'agg-analyst' }), member: await createToken(ctx.db, { user: 'agg-member' }) };
    await settle(ctx.db);

    const baseline = await series(3, async () => {
      await ctx.db.query(`select owner, count(*) filter (where severity = 'critical')::int as critical, count(*) filter (where severity = 'high')::int as high,
        count(*) filter (where severity = 'medium')::int as medium, count(*) filter (where severity = 'low')::int as low,
        count(*) filter (where severity = 'info')::int as info, count(*)::int as total
        from findings where status = 'open' and owner is not null group by owner`);
    });
    ctx.log(`baseline (scan by owner): p50 ${baseline.p50.toFixed(0)} ms`);

    const app = await buildServer({ db: ctx.db });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const get = async (path: string, as: 'analyst' | 'member') => {
      const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${tokens[as]}` } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`api-aggregates ${path}: ${res.status} ${body.slice(0, 200)}`);
    };
    const results: BenchResult[] = [];
    const add = (name: string, l: { p50: number; p95: number; max: number }, n: number) => {
      ctx.log(`${name}: p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms`);
      results.push({ name: `api-aggregates/${name}`, backend: ctx.backend, value: l.p95, unit: 'ms p95', baseline: baseline.p50, ratio: l.p95 / baseline.p50,
        rows, requests: n, p50: l.p50, max: l.max, targetMs: TARGET_MS, fillSeconds });
    };
    try {
      // The fill marked the counts stale: the first request recomputes them.
      add('owners-first', await series(1, () => get('/api/v1/owners', 'analyst')), 1);
      await get('/api/v1/owners', 'member');
      add('owners', await series(REQUESTS, () => get('/api/v1/owners', 'analyst')), REQUESTS);
      add('owners-member', await series(REQUESTS, () => get('/api/v1/owners', 'member')), REQUESTS);
      add('posture', await series(REQUESTS, () => get('/api/v1/posture', 'analyst')), REQUESTS);
      const [{ id } = { id: 1 }] = await ctx.db.query<{ id: number }>(`select id from findings where status = 'open' limit 1`);
      add('owners-after-write', await series(3, async () => {
        await ctx.db.query(`update findings set status = case status when 'open' then 'resolved' else 'open' end where id = $1`, [id]);
        await get('/api/v1/owners', 'analyst');
      }), 3);
    } finally {
      await app.close();
    }
    return results;
  },
};
