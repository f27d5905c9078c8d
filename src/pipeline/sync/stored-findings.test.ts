import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedRecord } from '../../model/index.js';
import { MothershipError } from '../../model/errors.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { mergeFindings } from './merge-findings.js';
import { syncRun } from './run.js';
import { STAGE_DDL } from './stage.js';

/**
 * Findings whose content the store already holds are staged without it (stage.ts). These runs mix such
 * findings with new content, repeat fingerprints within a run, and let two sources share a finding: the
 * outcome must be what staging every record whole gives.
 */

const S = 'image:sha256:stored';
const complete: NormalizedRecord = { type: 'coverage', scope: S, coverage: 'complete' };
const f = (fp: string, title: string, originalId = title): NormalizedRecord =>
  ({ type: 'finding', scope: S, finding: { fingerprint: fp, kind: 'vuln', title, severity: 'high', evidence: { title }, originalId } });

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.drop(); });

async function finding(fp: string) {
  const rows = await t.db.query<{ id: number; title: string; status: string; source: string }>('select id, title, status, source from findings where fingerprint = $1', [fp]);
  return rows[0];
}
async function events(fp: string) {
  const rows = await t.db.query<{ type: string }>('select e.type from finding_events e join findings f on f.id = e.finding_id where f.fingerprint = $1 order by e.id', [fp]);
  return rows.map((r) => r.type);
}
async function link(fp: string, source: string) {
  const rows = await t.db.query<{ original_id: string }>('select s.original_id from finding_sources s join findings f on f.id = s.finding_id where f.fingerprint = $1 and s.source = $2', [fp, source]);
  return rows[0]?.original_id;
}

describe('findings staged with and without their content', () => {
  it('the last record of a fingerprint wins, whichever of the two shapes it has', async () => {
    await syncRun(t.db, [complete, f('d1', 'X')], { source: 'a' });
    // Stored content first, then new content: the new content wins.
    let r = await syncRun(t.db, [complete, f('d1', 'X'), f('d1', 'Y')], { source: 'a' });
    expect(r.counts.findings).toMatchObject({ seen: 1, updated: 1 });
    expect(await finding('d1')).toMatchObject({ title: 'Y' });
    // New content first, then the stored content: nothing changes.
    r = await syncRun(t.db, [complete, f('d1', 'Z'), f('d1', 'Y')], { source: 'a' });
    expect(r.counts.findings).toMatchObject({ seen: 1, new: 0, updated: 0 });
    expect(await finding('d1')).toMatchObject({ title: 'Y' });
    expect(await events('d1')).toEqual(['opened', 'updated']);
    // The stored content twice, with a new original id on the later record: only the link changes.
    r = await syncRun(t.db, [complete, f('d1', 'Y', 'first'), f('d1', 'Y', 'second')], { source: 'a' });
    expect(r.counts.findings).toMatchObject({ seen: 1, new: 0, updated: 0 });
    expect(await link('d1', 'a')).toBe('second');
  });

  it('a resolved finding reported again as stored reopens under the reporting source, keeping its id', async () => {
    await syncRun(t.db, [complete, f('d2', 'same')], { source: 'a' });
    const before = await finding('d2');
    await syncRun(t.db, [complete], { source: 'a' });
    expect(await finding('d2')).toMatchObject({ status: 'resolved' });
    // Another tool reports the identical content: the finding reopens, and shows that tool as its source.
    const r = await syncRun(t.db, [complete, f('d2', 'same', 'B-1')], { source: 'b' });
    expect(r.counts.findings).toMatchObject({ seen: 1, new: 0, reopened: 1 });
    expect(await finding('d2')).toEqual({ ...before, status: 'open', source: 'b' });
    expect(await events('d2')).toEqual(['opened', 'resolved', 'reopened']);
    expect(await link('d2', 'b')).toBe('B-1');
  });

  it('refuses to merge a finding whose stored content changed after it was staged', async () => {
    await syncRun(t.db, [complete, f('d3', 'old')], { source: 'a' });
    const stored = await finding('d3');
    const outcome = t.db.transaction(async (tx) => {
      await tx.exec(STAGE_DDL);
      // Staged as "stored as it is", then another run changes the content before this one merges.
      await tx.copyRows('stage_findings', ['seq', 'scope', 'fingerprint', 'original_id', 'content_hash', 'prior_id'],
        [[1, S, 'd3', 'old', 'hash-when-staged', stored!.id]]);
      await tx.copyRows('stage_scopes', ['scope', 'coverage', 'error'], [[S, 'complete', null]]);
      return mergeFindings(tx, { source: 'a', now: new Date(), run: 0 }, { duplicates: false, content: 0, stored: 1 });
    });
    await expect(outcome).rejects.toThrow(MothershipError);
    await expect(outcome).rejects.toThrow(/1 findings changed while this run was staged/);
    expect(await finding('d3')).toEqual(stored);
  });
});
