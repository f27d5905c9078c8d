import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedRecord } from '../../model/index.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { syncRun, type SyncResult } from './run.js';
import { withStagedContentOnly } from './stage.js';

/**
 * New findings are COPYed straight into `findings` while staging (stage.ts). The same runs, with every new
 * finding's content staged and inserted by the merge instead, must leave the same rows, events and links.
 */

const S = 'image:sha256:direct';
const A = 'container.image:direct';
const complete: NormalizedRecord = { type: 'coverage', scope: S, coverage: 'complete' };
const asset = (owner?: string): NormalizedRecord =>
  ({ type: 'asset', scope: S, asset: { uid: A, kind: 'container.image', name: 'direct', ...(owner ? { owner } : {}) } });
const f = (fp: string, title: string, extra: Record<string, unknown> = {}): NormalizedRecord =>
  ({ type: 'finding', scope: S, finding: { fingerprint: fp, kind: 'vuln', title, severity: 'high', assetUid: A, evidence: { title }, properties: { n: title.length }, originalId: `o-${fp}`, ...extra } });

/** Runs of every shape the direct path decides on: new, stored, repeated within a run, owners of every origin. */
async function scenario(db: TestDb['db']): Promise<SyncResult[]> {
  const results: SyncResult[] = [];
  // Fixed run times: the two stores are compared timestamps and all.
  const at = (day: number) => ({ now: new Date(Date.UTC(2026, 0, day)) });
  results.push(await syncRun(db, [complete, asset('team-a'), f('n1', 'one'), f('n2', 'two', { owner: 'named' }),
    f('n3', 'first'), f('n3', 'second'), f('u1', 'elsewhere', { assetUid: 'container.image:unknown' })], { source: 'x', ...at(1) }));
  // An owner set by hand stays on the asset the next run defines unchanged: new findings take that one.
  await db.exec(`update assets set owner = 'by-hand' where uid = '${A}'`);
  results.push(await syncRun(db, [complete, asset('team-a'), f('n1', 'one'), f('n2', 'two', { owner: 'named' }),
    f('n3', 'second'), f('n4', 'four'), f('n4', 'four'), f('n5', 'five'), f('n1', 'one again')], { source: 'x', ...at(2) }));
  // Another source: a stored finding gains a link, a new one is opened.
  results.push(await syncRun(db, [{ ...complete, scope: 'other' }, { ...f('n5', 'five'), scope: 'other' }, { ...f('m1', 'mine'), scope: 'other' }], { source: 'y', ...at(3) }));
  return results;
}

async function snapshot(db: TestDb['db']) {
  const findings = await db.query(`select fingerprint, kind, rule_id, advisory_id, title, description, severity, asset_uid, package_purl,
      owner, owner_reason, status, triage, unverified, evidence, remediation, properties, source, content_hash, resolved_at
    from findings order by fingerprint`);
  const events = await db.query(`select f.fingerprint, e.type, e.details from finding_events e join findings f on f.id = e.finding_id
    order by f.fingerprint, e.id`);
  const times = await db.query('select fingerprint, first_seen, last_seen from findings order by fingerprint');
  const sources = await db.query(`select f.fingerprint, s.source, s.scope, s.original_id from finding_sources s join findings f on f.id = s.finding_id
    order by f.fingerprint, s.source`);
  return { findings, events, sources, times };
}

let direct: TestDb;
let staged: TestDb;
beforeAll(async () => {
  direct = await createTestDb();
  staged = await createTestDb();
});
afterAll(async () => {
  await direct.drop();
  await staged.drop();
});

describe('new findings written directly', () => {
  it('leave the rows, events and links staging their content leaves, with the same counts', async () => {
    const viaDirect = await scenario(direct.db);
    const viaStage = await withStagedContentOnly(() => scenario(staged.db));
    expect(viaDirect.map((r) => r.counts)).toEqual(viaStage.map((r) => r.counts));
    const a = await snapshot(direct.db);
    expect(a).toEqual(await snapshot(staged.db));
    // The scenario exercised what it means to: owners of each origin, the later record of a repeated fingerprint.
    const byFp = new Map(a.findings.map((r) => [r['fingerprint'], r]));
    expect(byFp.get('n1')).toMatchObject({ owner: 'team-a', owner_reason: 'asset', title: 'one again' });
    expect(byFp.get('n2')).toMatchObject({ owner: 'named', owner_reason: 'source' });
    expect(byFp.get('n3')).toMatchObject({ title: 'second' });
    expect(byFp.get('n4')).toMatchObject({ owner: 'by-hand', owner_reason: 'asset' });
    expect(byFp.get('u1')).toMatchObject({ owner: null, owner_reason: null });
    expect(viaDirect[0]!.counts.findings).toMatchObject({ seen: 4, new: 4 });
    expect(a.events.filter((e) => e['fingerprint'] === 'n3').map((e) => e['type'])).toEqual(['opened']);
  });
});
