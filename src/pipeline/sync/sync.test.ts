import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedRecord } from '../../model/index.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { syncRun } from './run.js';

const T0 = new Date('2026-01-01T00:00:00Z');
const T1 = new Date('2026-01-02T00:00:00Z');
const T2 = new Date('2026-01-03T00:00:00Z');
const T3 = new Date('2026-01-04T00:00:00Z');

function instance(id: string, scope: string, extra: Record<string, unknown> = {}): NormalizedRecord {
  return { type: 'asset', scope, asset: { uid: `arn:aws:ec2:us-east-1:111:instance/${id}`, kind: 'aws.ec2.instance', name: id, properties: { InstanceId: id, ...extra } } };
}
function finding(id: string, scope: string, title = `problem on ${id}`): NormalizedRecord {
  return { type: 'finding', scope, finding: { fingerprint: `fp-${id}`, kind: 'config', ruleId: 'r1', title, severity: 'high', assetUid: `arn:aws:ec2:us-east-1:111:instance/${id}` } };
}
const complete = (scope: string): NormalizedRecord => ({ type: 'coverage', scope, coverage: 'complete' });
const partial = (scope: string, error = 'AccessDenied'): NormalizedRecord => ({ type: 'coverage', scope, coverage: 'partial', error });

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.drop(); });

async function assetState(uid: string) {
  const rows = await t.db.query<{ gone_at: Date | null; unverified: boolean; name: string }>('select gone_at, unverified, name from assets where uid = $1', [`arn:aws:ec2:us-east-1:111:instance/${uid}`]);
  return rows[0];
}
async function findingState(id: string) {
  const rows = await t.db.query<{ status: string; unverified: boolean; triage: string; id: number }>('select id, status, unverified, triage from findings where fingerprint = $1', [`fp-${id}`]);
  return rows[0];
}

describe('scoped sync', () => {
  const A = 'aws:111:us-east-1:ec2';
  const B = 'aws:111:eu-west-1:ec2';

  it('upserts what it saw and records the run', async () => {
    const r = await syncRun(t.db, [complete(A), complete(B), instance('a1', A), instance('a2', A), instance('b1', B), finding('a1', A), finding('b1', B)], { source: 'test', now: T0 });
    expect(r.status).toBe('succeeded');
    expect(r.counts.assets.inserted).toBe(3);
    expect(r.counts.findings.new).toBe(2);
    const runs = await t.db.query<{ status: string; counts: { assets: { inserted: number } } }>('select status, counts from runs where id = $1', [r.runId]);
    expect(runs[0]?.status).toBe('succeeded');
    expect(runs[0]?.counts.assets.inserted).toBe(3);
  });

  it('marks what a complete scope did not see again as gone / resolved, touching nothing outside the scope', async () => {
    // Scope A covered completely without a2 and without the a1 finding; scope B not covered at all.
    const r = await syncRun(t.db, [complete(A), instance('a1', A)], { source: 'test', now: T1 });
    expect(r.counts.assets.gone).toBe(1);
    expect(r.counts.findings.resolved).toBe(1);
    expect((await assetState('a2'))?.gone_at).toEqual(T1);
    expect((await assetState('a1'))?.gone_at).toBeNull();
    expect((await assetState('b1'))?.gone_at).toBeNull();
    expect((await findingState('a1'))?.status).toBe('resolved');
    expect((await findingState('b1'))?.status).toBe('open');
  });

  it('does not sweep another source\'s items in the same scope', async () => {
    const r = await syncRun(t.db, [complete(A)], { source: 'other', now: T1 });
    expect(r.counts.assets.gone).toBe(0);
    expect((await assetState('a1'))?.gone_at).toBeNull();
  });

  it('reopens a finding that comes back, keeping its triage state and id', async () => {
    const before = await findingState('a1');
    await t.db.query(`update findings set triage = 'acknowledged' where fingerprint = 'fp-a1'`);
    const r = await syncRun(t.db, [complete(A), instance('a1', A), instance('a2', A), finding('a1', A)], { source: 'test', now: T2 });
    expect(r.counts.findings.reopened).toBe(1);
    expect(r.counts.assets.updated).toBe(1); // a2 came back
    const after = await findingState('a1');
    expect(after).toMatchObject({ status: 'open', triage: 'acknowledged', id: before?.id });
    expect((await assetState('a2'))?.gone_at).toBeNull();
    const events = await t.db.query<{ type: string }>('select type from finding_events where finding_id = $1 order by id', [before?.id]);
    expect(events.map((e) => e.type)).toEqual(['opened', 'resolved', 'reopened']);
  });

  it('a partial scope resolves nothing and flags unseen items as unverified; a later complete run clears it', async () => {
    const r = await syncRun(t.db, [partial(A), instance('a2', A)], { source: 'test', now: T3 });
    expect(r.status).toBe('partial');
    expect(r.counts.assets.gone).toBe(0);
    expect(r.counts.findings.resolved).toBe(0);
    expect(await assetState('a1')).toMatchObject({ gone_at: null, unverified: true });
    expect(await assetState('a2')).toMatchObject({ gone_at: null, unverified: false });
    expect(await findingState('a1')).toMatchObject({ status: 'open', unverified: true });
    const state = await t.db.query<{ last_coverage: string; last_complete_at: Date }>(`select last_coverage, last_complete_at from scope_state where source = 'test' and scope = $1`, [A]);
    expect(state[0]).toEqual({ last_coverage: 'partial', last_complete_at: T2 });
    const run = await t.db.query<{ error: string }>('select error from runs where id = $1', [r.runId]);
    expect(run[0]?.error).toContain('AccessDenied');

    const r2 = await syncRun(t.db, [complete(A), instance('a1', A), instance('a2', A), finding('a1', A)], { source: 'test', now: new Date('2026-01-05T00:00:00Z') });
    expect(r2.status).toBe('succeeded');
    expect(await assetState('a1')).toMatchObject({ unverified: false });
    expect(await findingState('a1')).toMatchObject({ status: 'open', unverified: false });
  });

  it('a failed scope leaves everything in place', async () => {
    const r = await syncRun(t.db, [{ type: 'coverage', scope: B, coverage: 'failed', error: 'throttled' }], { source: 'test', now: new Date('2026-01-06T00:00:00Z') });
    expect(r.status).toBe('partial');
    expect(await assetState('b1')).toMatchObject({ gone_at: null, unverified: true });
    expect(await findingState('b1')).toMatchObject({ status: 'open', unverified: true });
  });

  it('merges one finding seen by two sources; it resolves only when neither reports it', async () => {
    const S = 'image:sha256:abc';
    const f = (title: string): NormalizedRecord => ({ type: 'finding', scope: S, finding: { fingerprint: 'fp-shared', kind: 'vuln', advisoryId: 'CVE-2024-1', title, severity: 'high', originalId: title } });
    await syncRun(t.db, [complete(S), f('from trivy')], { source: 'trivy', now: T1 });
    await syncRun(t.db, [complete(S), f('from grype')], { source: 'grype', now: T1 });
    const sources = await t.db.query<{ source: string; original_id: string }>(`select s.source, s.original_id from finding_sources s join findings f on f.id = s.finding_id where f.fingerprint = 'fp-shared' order by s.source`);
    expect(sources).toEqual([{ source: 'grype', original_id: 'from grype' }, { source: 'trivy', original_id: 'from trivy' }]);
    // The first reporter's content is kept: a second tool does not flip the title back and forth.
    const rows = await t.db.query<{ title: string; status: string }>(`select title, status from findings where fingerprint = 'fp-shared'`);
    expect(rows[0]?.title).toBe('from trivy');
    await syncRun(t.db, [complete(S)], { source: 'trivy', now: T2 });
    expect((await t.db.query<{ status: string }>(`select status from findings where fingerprint = 'fp-shared'`))[0]?.status).toBe('open');
    await syncRun(t.db, [complete(S)], { source: 'grype', now: T3 });
    expect((await t.db.query<{ status: string }>(`select status from findings where fingerprint = 'fp-shared'`))[0]?.status).toBe('resolved');
  });

  it('rejects a record without coverage for its scope, and writes nothing', async () => {
    const before = await t.db.query<{ n: number }>('select count(*)::int as n from assets');
    await expect(syncRun(t.db, [instance('zz', 'aws:999:x:ec2')], { source: 'test', where: 'dump/999' })).rejects.toThrow(/dump\/999: records in scope aws:999:x:ec2 without a coverage statement/);
    const after = await t.db.query<{ n: number }>('select count(*)::int as n from assets');
    expect(after[0]?.n).toBe(before[0]?.n);
    const failed = await t.db.query<{ status: string }>(`select status from runs order by id desc limit 1`);
    expect(failed[0]?.status).toBe('failed');
  });

  it('rejects an invalid record naming the field, and writes nothing', async () => {
    const bad: NormalizedRecord = { type: 'finding', scope: A, finding: { fingerprint: 'x', kind: 'config', title: 't', severity: 'urgent' as 'high' } };
    await expect(syncRun(t.db, [complete(A), instance('new1', A), bad], { source: 'test', where: 'report.json' })).rejects.toThrow(/report\.json: record 3 \(finding field severity\)/);
    expect(await assetState('new1')).toBeUndefined();
  });

  it('an identical re-run writes no data row', async () => {
    const S = 'aws:222:us-east-1:ec2';
    const input = [complete(S), instance('c1', S, { deep: { list: [1, 2, 3] } }), instance('c2', S), finding('c1', S),
      { type: 'relationship', scope: S, relationship: { from: 'arn:aws:ec2:us-east-1:111:instance/c1', kind: 'has_role', to: 'arn:aws:iam::111:role/r' } } as NormalizedRecord,
      { type: 'package', scope: S, package: { assetUid: 'arn:aws:ec2:us-east-1:111:instance/c1', purl: 'pkg:npm/a@1.0.0', ecosystem: 'npm', name: 'a', version: '1.0.0' } } as NormalizedRecord];
    await syncRun(t.db, input, { source: 'idem', now: T1 });
    const snapshot = async () => Promise.all(['assets', 'relationships', 'packages', 'findings', 'finding_sources', 'finding_events'].map((tbl) =>
      t.db.query(`select * from ${tbl} order by 1, 2`)));
    const before = await snapshot();
    const r = await syncRun(t.db, input, { source: 'idem', now: T2 });
    expect(r.counts.assets).toMatchObject({ inserted: 0, updated: 0, gone: 0 });
    expect(r.counts.findings).toMatchObject({ new: 0, updated: 0, resolved: 0, reopened: 0 });
    expect(await snapshot()).toEqual(before);
  });
});

describe('outbox', () => {
  it('a run that changed findings leaves one run.finished event; an identical re-run leaves none', async () => {
    const t2 = await createTestDb();
    const db = t2.db;
    const S = 'aws:333:us-east-1:ec2';
    const input = [complete(S), instance('o1', S), finding('o1', S)];
    const first = await syncRun(db, input, { source: 'outbox' });
    await syncRun(db, input, { source: 'outbox' });
    const rows = await db.query<{ topic: string; payload: { run: number; findings: { new: number } } }>('select topic, payload from outbox order by id');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ topic: 'run.finished', payload: { run: first.runId, findings: { new: 1 } } });
    await t2.drop();
  });
});
