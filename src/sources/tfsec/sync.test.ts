import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { DOJO_DIR } from '../shared/dojo-corpus.js';
import { tfsecJson } from './parser.js';
import { ingestText, storeSnapshot as snapshot } from '../../../test/support/report-sync.js';

const FILE = join(DOJO_DIR, 'tfsec', 'many_findings_current.json');

function ingest(db: Db, text: string, now: Date) {
  return ingestText(db, tfsecJson, 'tfsec.json', text, now);
}

describe.skipIf(!existsSync(FILE))('tfsec-json through the scoped sync (../shared/corpus/defectdojo/tfsec/many_findings_current.json)', () => {
  let t: TestDb;
  let text: string;
  beforeAll(async () => {
    t = await createTestDb();
    text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '';
  });
  afterAll(async () => { await t.drop(); });

  it('stores the findings, and changes no row when the same report is ingested again', async () => {
    const r = await ingest(t.db, text, new Date('2026-03-01T00:00:00Z'));
    expect(r.counts.findings.new).toBe(17);
    const before = await snapshot(t.db);
    const again = await ingest(t.db, text, new Date('2026-03-02T00:00:00Z'));
    expect(again.counts.findings).toMatchObject({ new: 0, updated: 0, reopened: 0, resolved: 0 });
    expect(await snapshot(t.db)).toEqual(before);
  });
});
