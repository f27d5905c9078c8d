import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedRecord } from '../../model/index.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { syncRun } from './run.js';

const T = (day: number) => new Date(Date.UTC(2026, 0, day));
const uid = (id: string) => `arn:aws:ec2:us-east-1:111:instance/${id}`;
const instance = (id: string, scope = 'aws:111:us-east-1:ec2'): NormalizedRecord =>
  ({ type: 'asset', scope, asset: { uid: uid(id), kind: 'aws.ec2.instance', name: id } });
const label = (id: string, name: string, scope: string, evidence: Record<string, unknown> = {}): NormalizedRecord =>
  ({ type: 'label', scope, label: { assetUid: uid(id), label: name, evidence } });
const complete = (scope: string): NormalizedRecord => ({ type: 'coverage', scope, coverage: 'complete' });
const partial = (scope: string): NormalizedRecord => ({ type: 'coverage', scope, coverage: 'partial', error: 'AccessDenied' });

const PUB = 'labels:isPublic';
const ENC = 'labels:Unencrypted';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await syncRun(t.db, [complete('aws:111:us-east-1:ec2'), instance('a'), instance('b')], { source: 'aws', now: T(1) });
});
afterAll(async () => { await t.drop(); });

async function labelsOf(id: string): Promise<string[] | undefined> {
  const rows = await t.db.query<{ labels: string[] }>('select labels from assets where uid = $1', [uid(id)]);
  return rows[0]?.labels;
}
async function stored(): Promise<{ asset_uid: string; label: string; source: string; evidence: unknown }[]> {
  return t.db.query('select asset_uid, label, source, evidence from asset_labels order by 1, 2, 3');
}

describe('label sync', () => {
  it('stores what a run asserts, with evidence, and sets assets.labels sorted and distinct', async () => {
    const r = await syncRun(t.db, [complete(PUB), complete(ENC), label('a', 'isPublic', PUB, { port: 22 }), label('a', 'Unencrypted', ENC),
      label('b', 'isPublic', PUB)], { source: 'engine:labels', now: T(2) });
    expect(r.counts.labels).toMatchObject({ seen: 3, inserted: 3, deleted: 0, assets: 2 });
    expect(await labelsOf('a')).toEqual(['Unencrypted', 'isPublic'].sort());
    expect(await labelsOf('b')).toEqual(['isPublic']);
    expect((await stored()).find((l) => l.asset_uid === uid('a') && l.label === 'isPublic')?.evidence).toEqual({ port: 22 });
  });

  it('an identical re-run writes nothing', async () => {
    const input = [complete(PUB), complete(ENC), label('a', 'isPublic', PUB, { port: 22 }), label('a', 'Unencrypted', ENC), label('b', 'isPublic', PUB)];
    const snapshot = async () => Promise.all([t.db.query('select *, xmin::text as x from asset_labels order by 1, 2, 3'), t.db.query('select uid, labels, xmin::text as x from assets order by 1')]);
    const before = await snapshot();
    const r = await syncRun(t.db, input, { source: 'engine:labels', now: T(3) });
    expect(r.counts.labels).toEqual({ seen: 3, inserted: 0, updated: 0, deleted: 0, assets: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('changed evidence updates the row but not assets.labels', async () => {
    const r = await syncRun(t.db, [complete(PUB), label('a', 'isPublic', PUB, { port: 443 }), label('b', 'isPublic', PUB)], { source: 'engine:labels', now: T(4) });
    // ENC was not covered: its label stays.
    expect(r.counts.labels).toMatchObject({ inserted: 0, updated: 1, deleted: 0, assets: 0 });
    expect(await labelsOf('a')).toEqual(['Unencrypted', 'isPublic']);
  });

  it('another source asserting the same label keeps it when the first source drops it', async () => {
    await syncRun(t.db, [complete('scanner:x'), label('b', 'isPublic', 'scanner:x', { by: 'x' })], { source: 'other', now: T(5) });
    const r = await syncRun(t.db, [complete(PUB), label('a', 'isPublic', PUB, { port: 443 })], { source: 'engine:labels', now: T(6) });
    expect(r.counts.labels).toMatchObject({ deleted: 1, assets: 0 });
    expect(await labelsOf('b')).toEqual(['isPublic']);
    expect((await stored()).filter((l) => l.asset_uid === uid('b'))).toEqual([{ asset_uid: uid('b'), label: 'isPublic', source: 'other', evidence: { by: 'x' } }]);
    const r2 = await syncRun(t.db, [complete('scanner:x')], { source: 'other', now: T(7) });
    expect(r2.counts.labels).toMatchObject({ deleted: 1, assets: 1 });
    expect(await labelsOf('b')).toEqual([]);
  });

  it('a partial scope removes nothing; a complete one removes what it no longer asserts', async () => {
    const r = await syncRun(t.db, [partial(PUB), partial(ENC)], { source: 'engine:labels', now: T(8) });
    expect(r.counts.labels.deleted).toBe(0);
    expect(await labelsOf('a')).toEqual(['Unencrypted', 'isPublic']);
    const r2 = await syncRun(t.db, [complete(ENC)], { source: 'engine:labels', now: T(9) });
    expect(r2.counts.labels).toMatchObject({ deleted: 1, assets: 1 });
    expect(await labelsOf('a')).toEqual(['isPublic']);
  });

  it('a label on an asset that arrives later shows in its labels column', async () => {
    await syncRun(t.db, [complete(ENC), label('c', 'Unencrypted', ENC)], { source: 'engine:labels', now: T(10) });
    expect(await labelsOf('c')).toBeUndefined();
    await syncRun(t.db, [complete('aws:111:us-east-1:ec2'), instance('a'), instance('b'), instance('c')], { source: 'aws', now: T(11) });
    expect(await labelsOf('c')).toEqual(['Unencrypted']);
  });

  it('the last assertion in a run wins, and an invalid label fails the run naming the record', async () => {
    await syncRun(t.db, [complete(ENC), label('c', 'Unencrypted', ENC, { n: 1 }), label('c', 'Unencrypted', ENC, { n: 2 })], { source: 'engine:labels', now: T(12) });
    expect((await stored()).find((l) => l.asset_uid === uid('c'))?.evidence).toEqual({ n: 2 });
    await expect(syncRun(t.db, [complete(ENC), label('c', 'not a label!', ENC)], { source: 'engine:labels', where: 'engine labels' }))
      .rejects.toThrow(/engine labels: record 2 \(label field label\)/);
    await expect(syncRun(t.db, [label('c', 'X', 'nowhere')], { source: 'engine:labels', where: 'engine labels' }))
      .rejects.toThrow(/scope nowhere without a coverage statement/);
  });
});
