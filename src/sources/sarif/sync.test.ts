import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { syncRun } from '../../pipeline/sync/run.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { memoryReportFile } from '../report-file.js';
import { DOJO_DIR } from '../shared/dojo-corpus.js';
import { sarif } from './parser.js';
import { ingestText, storeSnapshot as snapshot } from '../../../test/support/report-sync.js';

const FILE = join(DOJO_DIR, 'sarif', 'taint-python-report.sarif');
const REPO = 'repo:github.com/damiencarol/django-DefectDojo';
const TRIVY = join(DOJO_DIR, '..', 'trivy-golden', 'alpine-310.sarif.golden');

function ingest(db: Db, text: string, now: Date) {
  return ingestText(db, sarif, 'taint-python-report.sarif', text, now);
}

type Log = { runs: { results: { locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };

describe.skipIf(!existsSync(FILE))('sarif through the scoped sync (../shared/corpus/defectdojo/sarif/taint-python-report.sarif)', () => {
  let t: TestDb;
  let text: string;
  beforeAll(async () => {
    t = await createTestDb();
    text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '';
  });
  afterAll(async () => { await t.drop(); });

  it('stores the repository and one open finding per result', async () => {
    const r = await ingest(t.db, text, new Date('2026-03-01T00:00:00Z'));
    expect(r.status).toBe('succeeded');
    expect(await t.db.query('select uid, kind, scope from assets')).toEqual([{ uid: REPO, kind: 'code.repository', scope: `sarif:python-security-analysis:${REPO}` }]);
    expect(await t.db.query(`select count(*)::int as n from findings where status = 'open' and asset_uid = $1`, [REPO])).toEqual([{ n: 11 }]);
  });

  it('changes no row when the same log is ingested again', async () => {
    const before = await snapshot(t.db);
    const r = await ingest(t.db, text, new Date('2026-03-02T00:00:00Z'));
    expect(r.counts.assets).toMatchObject({ inserted: 0, updated: 0, gone: 0 });
    expect(r.counts.findings).toMatchObject({ new: 0, updated: 0, reopened: 0, resolved: 0 });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('keeps the findings when the code moves, and resolves the one a later log no longer has', async () => {
    const moved = JSON.parse(text) as Log;
    for (const res of moved.runs[0]!.results) res.locations[0]!.physicalLocation.region.startLine += 7;
    const r1 = await ingest(t.db, JSON.stringify(moved), new Date('2026-03-03T00:00:00Z'));
    expect(r1.counts.findings).toMatchObject({ new: 0, resolved: 0 });

    moved.runs[0]!.results.pop();
    const r2 = await ingest(t.db, JSON.stringify(moved), new Date('2026-03-04T00:00:00Z'));
    expect(r2.counts.findings).toMatchObject({ new: 0, resolved: 1 });
  });

  it.skipIf(!existsSync(TRIVY))('puts a Trivy log\'s vulnerabilities on the image it names, and touches no other tool\'s findings', async () => {
    const before = await t.db.query(`select fingerprint, status from findings where asset_uid = $1 order by fingerprint`, [REPO]);
    const run = () => syncRun(t.db, sarif.parse(memoryReportFile('alpine.sarif', readFileSync(TRIVY, 'utf8'))), { source: sarif.id, now: new Date('2026-03-05T00:00:00Z') });
    expect((await run()).counts.findings.new).toBe(4);
    expect(await t.db.query(`select kind, reference from assets where uid like 'image:%'`)).toEqual([{ kind: 'container.image', reference: true }]);
    expect((await run()).counts.findings).toMatchObject({ new: 0, updated: 0, resolved: 0 });
    expect(await t.db.query(`select fingerprint, status from findings where asset_uid = $1 order by fingerprint`, [REPO])).toEqual(before);
  });
});
