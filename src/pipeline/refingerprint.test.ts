import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedRecord } from '../model/index.js';
import { vulnFingerprint } from '../findings/fingerprint.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { syncRun } from './sync/run.js';
import { refingerprintFindings } from './refingerprint.js';

const T0 = new Date('2026-01-01T00:00:00Z');
const T1 = new Date('2026-01-02T00:00:00Z');
const T2 = new Date('2026-01-03T00:00:00Z');
const IMG = 'image:sha256:1';
const complete = (scope: string): NormalizedRecord => ({ type: 'coverage', scope, coverage: 'complete' });

/** A vulnerability finding stored under some older fingerprint rule (`fingerprint` given as it was then). */
function vuln(fingerprint: string, advisoryId: string, extra: { vendorIds?: string[]; pkg?: string } = {}): NormalizedRecord {
  const pkg = extra.pkg ?? 'lodash';
  return { type: 'finding', scope: IMG, finding: {
    fingerprint, kind: 'vuln', advisoryId, title: `${advisoryId} in ${pkg}`, severity: 'high', assetUid: 'img-1',
    packagePurl: `pkg:npm/${pkg}@1.0.0`, originalId: advisoryId,
    properties: { ecosystem: 'npm', packageName: pkg, aliases: [], vendorIds: extra.vendorIds ?? [] } } };
}

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.drop(); });

const current = (advisory: string, pkg = 'lodash') => vulnFingerprint('img-1', 'npm', pkg, advisory);

describe('refingerprint', () => {
  it('re-applies the current rules: renames, merges collisions keeping sources, events and triage', async () => {
    // Trivy once kept the GHSA id as the finding's identity; Grype named the CVE. Today both are the CVE.
    await syncRun(t.db, [complete(IMG), vuln('old-ghsa', 'GHSA-aaaa-bbbb-cccc', { vendorIds: ['CVE-2020-1001'] }),
      vuln('old-other', 'CVE-2020-1002', { pkg: 'minimist' }), vuln(current('CVE-2020-1003'), 'CVE-2020-1003'),
      { type: 'finding', scope: IMG, finding: { fingerprint: 'cfg-1', kind: 'config', ruleId: 'r', title: 'c', severity: 'low', assetUid: 'img-1' } }],
    { source: 'trivy', now: T0 });
    await syncRun(t.db, [complete(IMG), vuln('old-cve', 'CVE-2020-1001')], { source: 'grype', now: T1 });
    const byFp = async (fp: string) => (await t.db.query<{ id: number; triage: string; status: string; advisory_id: string; first_seen: Date }>(
      'select id, triage, status, advisory_id, first_seen from findings where fingerprint = $1', [fp]))[0];
    const ghsa = (await byFp('old-ghsa'))!;
    const cve = (await byFp('old-cve'))!;
    await t.db.query(`update findings set triage = 'risk_accepted' where id = $1`, [cve.id]);
    await t.db.query(`insert into finding_events (finding_id, type, actor) values ($1, 'triaged', 'alice')`, [cve.id]);

    const dry = await refingerprintFindings(t.db, { dryRun: true });
    expect(dry).toMatchObject({ runId: null, examined: 4, renamed: 1, merged: 1, removed: 1 });
    expect(await byFp('old-ghsa')).toBeDefined();

    const r = await refingerprintFindings(t.db);
    expect(r).toMatchObject({ examined: 4, renamed: 1, merged: 1, removed: 1 });
    expect(await byFp('old-ghsa')).toBeUndefined();
    expect(await byFp('old-cve')).toBeUndefined();
    // One survivor: the older finding, with the CVE as its id, both tools' links and the triage someone set.
    const merged = (await byFp(current('CVE-2020-1001')))!;
    expect(merged).toMatchObject({ id: ghsa.id, triage: 'risk_accepted', status: 'open', advisory_id: 'CVE-2020-1001', first_seen: T0 });
    const sources = await t.db.query<{ source: string; original_id: string }>(
      'select source, original_id from finding_sources where finding_id = $1 order by source', [merged.id]);
    expect(sources).toEqual([{ source: 'grype', original_id: 'CVE-2020-1001' }, { source: 'trivy', original_id: 'GHSA-aaaa-bbbb-cccc' }]);
    const events = await t.db.query<{ type: string; actor: string | null; details: Record<string, unknown> }>(
      'select type, actor, details from finding_events where finding_id = $1 order by id', [merged.id]);
    expect(events.map((e) => e.type)).toEqual(['opened', 'opened', 'triaged', 'updated', 'updated']);
    expect(events[3]?.details).toMatchObject({ change: 'merged', merged: [cve.id], mergedFingerprints: ['old-cve'] });
    expect(events[4]?.details).toMatchObject({ change: 'fingerprint', from: 'old-ghsa', to: current('CVE-2020-1001') });
    // Nothing is left pointing at the finding merged away.
    expect(await t.db.query('select 1 from finding_sources where finding_id = $1 union all select 1 from finding_events where finding_id = $1', [cve.id])).toEqual([]);
    expect(await byFp(current('CVE-2020-1002', 'minimist'))).toBeDefined();
    expect(await byFp('cfg-1')).toBeDefined();
    const [run] = await t.db.query<{ source: string; status: string }>('select source, status from runs where id = $1', [r.runId]);
    expect(run).toEqual({ source: 'refingerprint', status: 'succeeded' });
    const views = await t.db.query<{ sources: string[] }>('select sources from v_findings where id = $1', [merged.id]);
    expect(views[0]?.sources).toEqual(['grype', 'trivy']);

    // Applied again, nothing changes; a tool reporting under the current rule meets the survivor.
    expect(await refingerprintFindings(t.db)).toMatchObject({ renamed: 0, merged: 0, removed: 0 });
    const again = await syncRun(t.db, [complete(IMG), vuln(current('CVE-2020-1001'), 'CVE-2020-1001')], { source: 'grype', now: T2 });
    expect(again.counts.findings.new).toBe(0);
  });

  it('leaves nothing half-done when it fails', async () => {
    const before = await t.db.query('select id, fingerprint from findings order by id');
    const failing = { ...t.db, transaction: <T>(fn: Parameters<typeof t.db.transaction<T>>[0]) => t.db.transaction(async (tx) => {
      const result = await fn(tx);
      throw new Error(`abort after ${JSON.stringify(result)}`);
    }) };
    await syncRun(t.db, [complete('image:sha256:2'), { ...vuln('stale', 'CVE-2020-1009'), scope: 'image:sha256:2' }], { source: 'trivy', now: T2 });
    const mid = await t.db.query('select id, fingerprint from findings order by id');
    await expect(refingerprintFindings(failing)).rejects.toThrow(/abort/);
    expect(await t.db.query('select id, fingerprint from findings order by id')).toEqual(mid);
    expect(mid.length).toBe(before.length + 1);
  });
});
