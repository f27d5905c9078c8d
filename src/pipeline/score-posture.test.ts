import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import type { NormalizedRecord } from '../model/index.js';
import { syncRun } from './sync/run.js';
import { scoreRisk } from './score-risk.js';
import { scorePosture } from './score-posture.js';
import { currentPosture, postureHistory } from '../store/queries/posture.js';
import { ALL_TENANTS } from '../store/queries/tenant-scope.js';

const uid = (n: number) => `arn:aws:ec2:us-east-1:11111111111${n % 2}:instance/i-${n}`;
const inventory: NormalizedRecord[] = [
  { type: 'coverage', scope: 'inv', coverage: 'complete' },
  ...[0, 1, 2, 3].map((n): NormalizedRecord => ({ type: 'asset', scope: 'inv',
    asset: { uid: uid(n), kind: 'aws.ec2.instance', account: `11111111111${n % 2}`, owner: n < 2 ? 'team-a' : 'team-b' } })),
];
const finding = (fp: string, kind: 'vuln' | 'config' | 'iam', n: number, severity: 'critical' | 'low'): NormalizedRecord => ({
  type: 'finding', scope: 'scan',
  finding: { fingerprint: fp, kind, ...(kind === 'vuln' ? { advisoryId: `CVE-2024-${fp.length}${n}` } : { ruleId: `r.${fp}` }), title: fp, severity, assetUid: uid(n) },
});
const scan = (fixed: boolean): NormalizedRecord[] => [
  { type: 'coverage', scope: 'scan', coverage: 'complete' },
  ...(fixed ? [] : [finding('crit', 'vuln', 0, 'critical')]),
  finding('low', 'config', 1, 'low'), finding('iam', 'iam', 2, 'critical'),
];

let t: TestDb;
const rows = () => t.db.query<{ scope_kind: string; scope_id: string; domain: string; score: number; open_findings: number; assets: number }>(
  'select day::text as day, scope_kind, scope_id, domain, score, open_findings, open_risk::float8 as open_risk, assets from posture_scores order by 1, 2, 3, 4');

beforeAll(async () => {
  t = await createTestDb();
  await syncRun(t.db, inventory, { source: 'test-inv' });
  await syncRun(t.db, scan(false), { source: 'test-scan' });
  await scoreRisk(t.db);
});
afterAll(async () => { await t.drop(); });

describe('scorePosture', () => {
  it('records organization, owner and account scores by domain with the documented formula', async () => {
    const r = await scorePosture(t.db, { now: new Date('2026-03-01T10:00:00Z') });
    expect(r.day).toBe('2026-03-01');
    // org + 2 owners + 2 accounts, 6 domains each.
    expect(r.rows).toBe(5 * 6);
    const [risk] = await t.db.query<{ r: number }>(`select sum(risk_score)::float8 / 100 as r from findings where status = 'open'`);
    const p = await currentPosture(t.db, ALL_TENANTS);
    expect(p.overall!.assets).toBe(4);
    expect(p.overall!.open_findings).toBe(3);
    expect(p.overall!.score).toBeCloseTo(100 / (1 + risk!.r / 4), 2);
    expect(p.overall!.domains.coverage).toEqual({ score: 100, open_findings: 0, open_risk: 0 });
    expect(p.overall!.domains.iam!.open_findings).toBe(1);
    expect(p.owners.map((o) => o.owner).sort()).toEqual(['team-a', 'team-b']);
    expect(p.accounts.map((a) => a.account).sort()).toEqual(['111111111110', '111111111111']);
  });

  it('never drops for a fix, overwrites the same day, and keeps one row per day', async () => {
    const before = await currentPosture(t.db, ALL_TENANTS);
    await syncRun(t.db, scan(true), { source: 'test-scan' });
    await scoreRisk(t.db);
    await scorePosture(t.db, { now: new Date('2026-03-01T18:00:00Z') });
    const after = await currentPosture(t.db, ALL_TENANTS);
    expect(after.overall!.score).toBeGreaterThan(before.overall!.score);
    expect(after.overall!.domains.vulnerability!.score).toBe(100);
    for (const o of after.owners) expect(o.score).toBeGreaterThanOrEqual(before.owners.find((b) => b.owner === o.owner)!.score);
    expect(await rows()).toHaveLength(30);

    await scorePosture(t.db, { now: new Date('2026-03-02T01:00:00Z') });
    expect(await rows()).toHaveLength(60);
    const history = await postureHistory(t.db, ALL_TENANTS, { kind: 'org', id: '' }, 30);
    expect(history!.map((h) => h.day)).toEqual(['2026-03-01', '2026-03-02']);
    expect(history![1]!.score).toBe(after.overall!.score);
    expect(await postureHistory(t.db, { owners: ['team-a'] }, { kind: 'org', id: '' }, 30)).toBeNull();
    expect(await postureHistory(t.db, { owners: ['team-a'] }, { kind: 'owner', id: 'team-b' }, 30)).toBeNull();
    expect(await postureHistory(t.db, { owners: ['team-a'] }, { kind: 'owner', id: 'team-a' }, 30)).toHaveLength(2);
  });
});
