import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { ingestFile, type IngestOptions } from './ingest.js';
import { syncRun } from './sync/run.js';

/**
 * An unchanged file imported again is recorded without being parsed (identical-reimport.ts) only while its
 * scopes and what they hold are as its last import left them; otherwise the full path runs and repairs.
 */

const dir = mkdtempSync(join(tmpdir(), 'ms-identical-'));
const REPORT = readFileSync(new URL('../sources/trivy/testdata/image-report.json', import.meta.url), 'utf8');
let a: string;
let b: string;

let t: TestDb;
beforeAll(() => {
  a = join(dir, 'a.json');
  writeFileSync(a, REPORT);
  // The same image a day later: one vulnerability fewer.
  const later = JSON.parse(REPORT) as { Results: { Vulnerabilities?: unknown[] }[] };
  later.Results[0]!.Vulnerabilities!.shift();
  b = join(dir, 'b.json');
  writeFileSync(b, JSON.stringify(later, null, 2));
});
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });
beforeEach(async () => { t = await createTestDb(); });
afterEach(async () => { await t.drop(); });

const ingest = (path: string, options: IngestOptions = {}) => ingestFile(t.db, path, { scoreRisk: false, ...options });

async function state() {
  const findings = await t.db.query('select fingerprint, status, unverified, content_hash, last_seen from findings order by fingerprint');
  const packages = await t.db.query('select asset_uid, purl, path, version from packages order by asset_uid, purl, path');
  const assets = await t.db.query('select uid, gone_at, unverified, content_hash from assets order by uid');
  return { findings, packages, assets };
}

describe('identical re-import', () => {
  it('is recorded without parsing, confirms its scopes, and reports what the full path reports', async () => {
    const first = await ingest(a);
    expect(first.identicalTo).toBeUndefined();
    const before = await state();
    const full = await ingest(a, { identicalShortcut: false });
    const again = await ingest(a);
    expect(again.identicalTo).toBeDefined();
    expect(again.counts).toEqual(full.counts);
    expect(again.counts.findings).toMatchObject({ seen: first.counts.findings.seen, new: 0, resolved: 0 });
    expect(await state()).toEqual(before);
    // The scopes are confirmed by the new run, as a full run confirms them.
    const scopes = await t.db.query<{ last_run_id: number; last_complete_run_id: number }>(
      `select last_run_id, last_complete_run_id from scope_state where source = 'trivy-json'`);
    expect(scopes.length).toBeGreaterThan(0);
    for (const s of scopes) expect(s).toEqual({ last_run_id: again.runId, last_complete_run_id: again.runId });
    // And it chains: a third identical import follows the second.
    expect((await ingest(a)).identicalTo).toBe(again.runId);
  });

  it('is not taken after another report of the same scopes: the full path reopens what came back', async () => {
    await ingest(a);
    const other = await ingest(b);
    expect(other.counts.findings.resolved).toBe(1);
    const back = await ingest(a);
    expect(back.identicalTo).toBeUndefined();
    expect(back.counts.findings.reopened).toBe(1);
  });

  it('is not taken when the inventory or findings changed since, and the full path repairs them', async () => {
    const first = await ingest(a);
    const before = await state();
    // A package row went (a hand edit, a cleanup): the file still lists it.
    await t.db.exec(`delete from packages where ctid = (select ctid from packages where source = 'trivy-json' limit 1)`);
    let r = await ingest(a);
    expect(r.identicalTo).toBeUndefined();
    expect(r.counts.packages.inserted).toBe(1);
    expect(await state()).toEqual(before);
    // A finding resolved by other means (another source's sweep, a hand edit): the re-import reopens it.
    expect((await ingest(a)).identicalTo).toBeDefined();
    await t.db.exec(`update findings set status = 'resolved', resolved_at = now() where id = (select min(id) from findings)`);
    r = await ingest(a);
    expect(r.identicalTo).toBeUndefined();
    expect(r.counts.findings.reopened).toBe(1);
    // The image asset was taken over by another source's definition: the report defines it again.
    expect((await ingest(a)).identicalTo).toBeDefined();
    const [image] = await t.db.query<{ uid: string; scope: string }>(`select uid, scope from assets where source = 'trivy-json' and not reference order by uid limit 1`);
    await syncRun(t.db, [{ type: 'coverage', scope: 'catalog', coverage: 'complete' },
      { type: 'asset', scope: 'catalog', asset: { uid: image!.uid, kind: 'container.image', name: 'from the catalog' } }], { source: 'catalog' });
    r = await ingest(a);
    expect(r.identicalTo).toBeUndefined();
    expect(r.counts.assets.updated).toBeGreaterThan(0);
    expect(first.counts.findings.seen).toBe(r.counts.findings.seen);
  });

  it('is not taken for other options, nor for a changed file of the same size', async () => {
    await ingest(a);
    expect((await ingest(a, { owner: 'team-x' })).identicalTo).toBeUndefined();
    expect((await ingest(a, { owner: 'team-x' })).identicalTo).toBeDefined();
    // Same length, one byte different: the content key differs.
    writeFileSync(a, REPORT.replace('"registry.example.com/shop/api:1.4.2"', '"registry.example.com/shop/api:1.4.3"'));
    try {
      expect((await ingest(a, { owner: 'team-x' })).identicalTo).toBeUndefined();
    } finally {
      writeFileSync(a, REPORT);
    }
  });
});
