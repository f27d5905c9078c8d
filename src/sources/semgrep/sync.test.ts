import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { DOJO_DIR } from '../shared/dojo-corpus.js';
import { semgrepJson } from './parser.js';
import { ingestText, storeSnapshot as snapshot } from '../../../test/support/report-sync.js';

const LINE_26 = join(DOJO_DIR, 'semgrep', 'semgrep_version_1_30_0_line_26.json');
const LINE_27 = join(DOJO_DIR, 'semgrep', 'semgrep_version_1_30_0_line_27.json');

function ingest(db: Db, text: string, now: Date) {
  return ingestText(db, semgrepJson, 'semgrep.json', text, now);
}

describe.skipIf(!existsSync(LINE_26))('semgrep-json through the scoped sync (../shared/corpus/defectdojo/semgrep)', () => {
  let t: TestDb;
  const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : '');
  beforeAll(async () => { t = await createTestDb(); });
  afterAll(async () => { await t.drop(); });

  it('stores the findings, and changes no row when the same report is ingested again', async () => {
    const r = await ingest(t.db, read(LINE_26), new Date('2026-03-01T00:00:00Z'));
    expect(r.counts.findings.new).toBe(5);
    const before = await snapshot(t.db);
    const again = await ingest(t.db, read(LINE_26), new Date('2026-03-02T00:00:00Z'));
    expect(again.counts.findings).toMatchObject({ new: 0, updated: 0, reopened: 0, resolved: 0 });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('keeps every finding when the code moved a line down', async () => {
    const r = await ingest(t.db, read(LINE_27), new Date('2026-03-03T00:00:00Z'));
    expect(r.counts.findings).toMatchObject({ new: 0, reopened: 0, resolved: 0 });
  });

  it('resolves nothing on the word of a report with errors (partial coverage)', async () => {
    const partial = JSON.parse(read(LINE_27)) as { results: unknown[]; errors: unknown[] };
    partial.results = [];
    partial.errors = [{ code: 3, level: 'warn', type: 'Syntax error', message: 'could not parse', path: 'test.go' }];
    const r = await ingest(t.db, JSON.stringify(partial), new Date('2026-03-04T00:00:00Z'));
    expect(r.status).toBe('partial');
    expect(r.counts.findings.resolved).toBe(0);
    expect(await t.db.query(`select count(*)::int as n from findings where status = 'open'`)).toEqual([{ n: 5 }]);
  });
});
