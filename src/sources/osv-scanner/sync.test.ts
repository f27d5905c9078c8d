import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { DOJO_DIR } from '../shared/dojo-corpus.js';
import { osvScannerJson } from './parser.js';
import { ingestText, storeSnapshot as snapshot } from '../../../test/support/report-sync.js';

const FIXTURE = readFileSync(new URL('./testdata/report.json', import.meta.url), 'utf8');
const REAL = join(DOJO_DIR, 'osv_scanner', 'many_findings.json');

function ingest(db: Db, name: string, text: string, now: Date) {
  return ingestText(db, osvScannerJson, name, text, now);
}
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.drop(); });

describe.skipIf(!existsSync(REAL))(existsSync(REAL) ? 'osv-scanner-json: a real report through the scoped sync'
  : 'osv-scanner-json real report: skipped, ../shared/corpus/defectdojo not found', () => {
  it('stores it, and changes no row when it is ingested again', async () => {
    const text = readFileSync(REAL, 'utf8');
    const first = await ingest(t.db, 'many_findings.json', text, new Date('2026-02-01T00:00:00Z'));
    expect(first.counts.findings.new).toBe(36);
    const before = await snapshot(t.db);
    const again = await ingest(t.db, 'many_findings.json', text, new Date('2026-02-02T00:00:00Z'));
    expect(again.counts.assets).toMatchObject({ inserted: 0, updated: 0, gone: 0 });
    expect(again.counts.packages).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect(again.counts.findings).toMatchObject({ new: 0, updated: 0, reopened: 0, resolved: 0 });
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('osv-scanner-json: the next scan of a project', () => {
  it('resolves the vulnerabilities of a package it no longer reports, and nothing of another project', async () => {
    await ingest(t.db, 'osv.json', FIXTURE, new Date('2026-03-01T00:00:00Z'));
    const later = JSON.parse(FIXTURE) as { results: { source: { path: string } }[] };
    later.results = later.results.filter((r) => !r.source.path.endsWith('requirements.txt'));
    const r = await ingest(t.db, 'osv.json', JSON.stringify(later), new Date('2026-03-02T00:00:00Z'));
    expect(r.counts.findings.resolved).toBe(2);
    expect(r.counts.packages.deleted).toBe(1);
    const resolved = await t.db.query<{ advisory_id: string; asset_uid: string }>(
      `select advisory_id, asset_uid from findings where status = 'resolved' order by 1`);
    expect(resolved).toEqual([{ advisory_id: 'CVE-2022-28346', asset_uid: 'repo:shop' }, { advisory_id: 'CVE-2023-99999', asset_uid: 'repo:shop' }]);
  });
});
