import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { refreshFindingCounts } from './finding-counts.js';
import { ownersSummary } from './owners-summary.js';

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); }, 120_000);
afterAll(async () => { await t.drop(); });

let n = 0;
async function add(owner: string | null, severity: string, status = 'open'): Promise<number> {
  const [row] = await t.db.query<{ id: number }>(`insert into findings (fingerprint, kind, title, severity, owner, status, source, content_hash, first_seen, last_seen)
    values ($1, 'vuln', 't', $2, $3, $4, 'test', 'h', now(), now()) returning id`, [`fp-count-${++n}`, severity, owner, status]);
  return Number(row!.id);
}

/** What ownersSummary must report: counted live from findings. */
async function live(): Promise<Record<string, Record<string, number>>> {
  const rows = await t.db.query<{ owner: string; severity: string; n: number }>(
    `select owner, severity, count(*)::int as n from findings where status = 'open' and owner is not null group by 1, 2`);
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) (out[r.owner] ??= {})[r.severity] = r.n;
  return out;
}

async function summary(): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  for (const o of await ownersSummary(t.db, { owners: null })) {
    const counts = Object.entries(o.open_findings).filter(([k, v]) => k !== 'total' && v > 0);
    if (counts.length) out[o.id] = Object.fromEntries(counts);
  }
  return out;
}

describe('finding_counts', () => {
  it('ownersSummary reads counts that follow every kind of write, recomputed only when a write could change them', async () => {
    const a = await add('team-a', 'high');
    await add('team-a', 'critical');
    const b = await add('team-b', 'low');
    await add(null, 'high');
    await add('team-b', 'medium', 'resolved');
    expect(await summary()).toEqual(await live());
    expect(await summary()).toEqual({ 'team-a': { critical: 1, high: 1 }, 'team-b': { low: 1 } });

    await t.db.query(`update findings set status = 'resolved' where id = $1`, [a]);
    expect(await summary()).toEqual(await live());
    await t.db.transaction(async (tx) => {
      await tx.query(`update findings set owner = 'team-c', severity = 'critical' where id = $1`, [b]);
      await tx.query(`update findings set status = 'open' where status = 'resolved'`);
    });
    expect(await summary()).toEqual(await live());
    await t.db.query(`delete from findings where owner = 'team-c'`);
    expect(await summary()).toEqual(await live());
    expect(await summary()).toEqual({ 'team-a': { critical: 1, high: 1 }, 'team-b': { medium: 1 } });

    // Up to date: nothing to recompute; an update of other columns (risk, last_seen) marks nothing.
    expect(await refreshFindingCounts(t.db)).toBe(false);
    await t.db.query(`update findings set risk_score = 42, last_seen = now()`);
    expect(await refreshFindingCounts(t.db)).toBe(false);
    await t.db.query(`update findings set status = 'open'`);
    expect(await refreshFindingCounts(t.db)).toBe(true);
  });

  it('a tenant sees only its owners in the summary', async () => {
    const rows = await ownersSummary(t.db, { owners: ['team-b'] });
    expect(rows.map((r) => r.id)).toEqual(['team-b']);
    expect(rows[0]!.open_findings.total).toBe((await live())['team-b'] ? Object.values((await live())['team-b']!).reduce((x, y) => x + y, 0) : 0);
  });
});
