import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedRecord } from '../../model/index.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { syncRun } from './run.js';

/**
 * A scanner creates a finding on a product image (owner: the product team, from the asset); the matcher
 * later reports the same finding attributed to the base image's owner. The owner moves, though the
 * scanner keeps the content; a hand-set owner does not move.
 */

const IMG = 'image:sha256:product';
const asset: NormalizedRecord = { type: 'asset', scope: 'scanner:img', asset: { uid: IMG, kind: 'container.image', owner: 'team-shop' } };
const scanner = (fp: string): NormalizedRecord[] => [
  { type: 'coverage', scope: 'scanner:img', coverage: 'complete' },
  asset,
  { type: 'finding', scope: 'scanner:img', finding: { fingerprint: fp, kind: 'vuln', title: 'openssl', severity: 'high', assetUid: IMG, evidence: { by: 'scanner' } } },
];
const matcher = (fp: string, owner: string | null): NormalizedRecord[] => [
  { type: 'coverage', scope: `vulns:${IMG}`, coverage: 'complete' },
  { type: 'finding', scope: `vulns:${IMG}`, finding: {
    fingerprint: fp, kind: 'vuln', title: 'openssl', severity: 'high', assetUid: IMG, owner, evidence: { by: 'matcher' },
    properties: { inherited: { baseImage: 'base', baseOwner: owner } },
  } },
];

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.drop(); });

async function state(fp: string) {
  const [f] = await t.db.query<{ owner: string | null; owner_reason: string | null; source: string; evidence: { by: string } }>(
    'select owner, owner_reason, source, evidence from findings where fingerprint = $1', [fp]);
  const events = await t.db.query<{ type: string; details: Record<string, unknown> }>(
    `select e.type, e.details from finding_events e join findings f on f.id = e.finding_id where f.fingerprint = $1 and e.type = 'assigned' order by e.id`, [fp]);
  return { ...f, assigned: events.map((e) => e.details) };
}

describe('an owner named by a later source', () => {
  it('moves the finding from the asset owner to the named one, once, keeping the first source content', async () => {
    expect((await syncRun(t.db, scanner('fp1'), { source: 'trivy' })).status).toBe('succeeded');
    expect(await state('fp1')).toMatchObject({ owner: 'team-shop', owner_reason: 'asset' });
    await syncRun(t.db, matcher('fp1', 'team-platform'), { source: 'engine:vulns' });
    const moved = await state('fp1');
    expect(moved).toMatchObject({ owner: 'team-platform', owner_reason: 'source', source: 'trivy', evidence: { by: 'scanner' } });
    expect(moved.assigned).toEqual([{ source: 'engine:vulns', owner: 'team-platform', previous: 'team-shop' }]);
    // Both sources again: nothing moves back, no further event.
    await syncRun(t.db, scanner('fp1'), { source: 'trivy' });
    const r = await syncRun(t.db, matcher('fp1', 'team-platform'), { source: 'engine:vulns' });
    expect(r.counts.findings).toMatchObject({ new: 0, updated: 0 });
    expect(await state('fp1')).toEqual(moved);
  });

  it('leaves an owner set by hand, and findings whose later source names no owner', async () => {
    await syncRun(t.db, scanner('fp2'), { source: 'trivy' });
    await t.db.query(`update findings set owner = 'alice', owner_reason = 'assigned by bob' where fingerprint = 'fp2'`);
    await syncRun(t.db, matcher('fp2', 'team-platform'), { source: 'engine:vulns' });
    expect(await state('fp2')).toMatchObject({ owner: 'alice', owner_reason: 'assigned by bob', assigned: [] });
    await syncRun(t.db, scanner('fp3'), { source: 'trivy' });
    await syncRun(t.db, matcher('fp3', null), { source: 'engine:vulns' });
    expect(await state('fp3')).toMatchObject({ owner: 'team-shop', owner_reason: 'asset', assigned: [] });
  });
});
