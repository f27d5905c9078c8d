import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Parser } from '../../model/index.js';
import type { Db } from '../../store/db.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { DOJO_DIR } from '../shared/dojo-corpus.js';
import { trivyJson } from '../trivy/parser.js';
import { grypeJson } from './parser.js';
import { ingestText, storeSnapshot as snapshot } from '../../../test/support/report-sync.js';

const FIXTURE = readFileSync(new URL('./testdata/image-report.json', import.meta.url), 'utf8');
const TRIVY = readFileSync(new URL('../trivy/testdata/image-report.json', import.meta.url), 'utf8');
const IMAGE = 'registry.example.com/shop/api@sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd';
const REAL = join(DOJO_DIR, 'anchore_grype', 'many_vulns_with_epss_values.json');

function ingest(db: Db, parser: Parser, name: string, text: string, now: Date) {
  return ingestText(db, parser, name, text, now);
}

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.drop(); });

describe.skipIf(!existsSync(REAL))(existsSync(REAL) ? 'grype-json: a real report through the scoped sync'
  : 'grype-json real report: skipped, ../shared/corpus/defectdojo not found', () => {
  it('stores it, and changes no row when it is ingested again', async () => {
    const text = readFileSync(REAL, 'utf8');
    const first = await ingest(t.db, grypeJson, 'busybox.json', text, new Date('2026-02-01T00:00:00Z'));
    expect(first.status).toBe('succeeded');
    expect(first.counts.findings.new).toBe(15);
    const before = await snapshot(t.db);
    const again = await ingest(t.db, grypeJson, 'busybox.json', text, new Date('2026-02-02T00:00:00Z'));
    expect(again.counts.assets).toMatchObject({ inserted: 0, updated: 0, gone: 0 });
    expect(again.counts.packages).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect(again.counts.findings).toMatchObject({ new: 0, updated: 0, reopened: 0, resolved: 0 });
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('grype-json and trivy-json on one image', () => {
  it('are one asset and one finding per vulnerability, with both tools as sources', async () => {
    await ingest(t.db, trivyJson, 'trivy.json', TRIVY, new Date('2026-03-01T00:00:00Z'));
    const r = await ingest(t.db, grypeJson, 'grype.json', FIXTURE, new Date('2026-03-01T01:00:00Z'));
    expect(r.status).toBe('succeeded');
    expect(r.counts.findings.new).toBe(1); // GHSA-aaaa-bbbb-cccc: only Grype reports it
    expect(await t.db.query('select count(*)::int as n from assets where uid = $1', [IMAGE])).toEqual([{ n: 1 }]);
    const both = await t.db.query<{ advisory_id: string }>(
      `select f.advisory_id from findings f join finding_sources s on s.finding_id = f.id
       where f.asset_uid = $1 group by f.advisory_id having count(distinct s.source) = 2 order by 1`, [IMAGE]);
    expect(both.map((x) => x.advisory_id)).toEqual(['CVE-2021-23337', 'CVE-2022-0563', 'CVE-2022-22965', 'CVE-2023-5678']);
  });

  it('resolves what a later Grype report no longer has only when no other tool still sees it', async () => {
    const later = JSON.parse(FIXTURE) as { matches: { vulnerability: { id: string } }[] };
    later.matches = later.matches.filter((m) => !['GHSA-35jh-r3h4-6jhm', 'GHSA-aaaa-bbbb-cccc'].includes(m.vulnerability.id));
    const r = await ingest(t.db, grypeJson, 'grype.json', JSON.stringify(later), new Date('2026-03-02T00:00:00Z'));
    expect(r.counts.findings.resolved).toBe(1);
    const rows = await t.db.query<{ advisory_id: string; status: string }>(
      `select advisory_id, status from findings where advisory_id in ('CVE-2021-23337', 'GHSA-aaaa-bbbb-cccc') order by 1`);
    expect(rows).toEqual([{ advisory_id: 'CVE-2021-23337', status: 'open' }, { advisory_id: 'GHSA-aaaa-bbbb-cccc', status: 'resolved' }]);
  });
});
