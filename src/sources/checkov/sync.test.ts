import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { DOJO_DIR } from '../shared/dojo-corpus.js';
import { checkovJson } from './parser.js';
import { ingestText, storeSnapshot as snapshot } from '../../../test/support/report-sync.js';

const FILE = join(DOJO_DIR, 'checkov', 'checkov-report-multiple-check_type.json');

function ingest(db: Db, text: string, now: Date) {
  return ingestText(db, checkovJson, 'checkov.json', text, now);
}

type Report = { results: { failed_checks: { file_line_range: number[] }[]; parsing_errors: string[] } }[];

describe.skipIf(!existsSync(FILE))('checkov-json through the scoped sync (../shared/corpus/defectdojo/checkov)', () => {
  let t: TestDb;
  let text: string;
  beforeAll(async () => {
    t = await createTestDb();
    text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '';
  });
  afterAll(async () => { await t.drop(); });

  it('stores the failed checks, and changes no row when the same report is ingested again', async () => {
    const r = await ingest(t.db, text, new Date('2026-03-01T00:00:00Z'));
    expect(r.counts.findings.new).toBe(13);
    const before = await snapshot(t.db);
    const again = await ingest(t.db, text, new Date('2026-03-02T00:00:00Z'));
    expect(again.counts.findings).toMatchObject({ new: 0, updated: 0, reopened: 0, resolved: 0 });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('keeps findings when resources move in their files; resolves nothing while files fail to parse', async () => {
    const moved = JSON.parse(text) as Report;
    for (const fw of moved) for (const c of fw.results.failed_checks) c.file_line_range = c.file_line_range.map((n) => n + 3);
    expect((await ingest(t.db, JSON.stringify(moved), new Date('2026-03-03T00:00:00Z'))).counts.findings).toMatchObject({ new: 0, resolved: 0 });

    moved[0]!.results.failed_checks = [];
    moved[0]!.results.parsing_errors = ['/aws/db-app.tf'];
    const partial = await ingest(t.db, JSON.stringify(moved), new Date('2026-03-04T00:00:00Z'));
    expect(partial.status).toBe('partial');
    expect(partial.counts.findings.resolved).toBe(0);

    moved[0]!.results.parsing_errors = [];
    const complete = await ingest(t.db, JSON.stringify(moved), new Date('2026-03-05T00:00:00Z'));
    expect(complete.counts.findings.resolved).toBe(11);
  });
});
