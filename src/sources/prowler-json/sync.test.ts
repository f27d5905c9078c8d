import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { DOJO_DIR } from '../prowler/dojo-corpus.js';
import { prowlerJson } from './parser.js';
import { ingestText, storeSnapshot as snapshot } from '../../../test/support/report-sync.js';

const REAL = join(DOJO_DIR, 'aws_prowler_v3plus', 'many_vuln.json');

function ingest(db: Db, text: string, now: Date) {
  return ingestText(db, prowlerJson, 'many_vuln.json', text, now);
}

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.drop(); });

describe.skipIf(!existsSync(REAL))(existsSync(REAL) ? 'prowler-json: a real report through the scoped sync'
  : 'prowler-json real report: skipped, ../shared/corpus/defectdojo not found', () => {
  it('stores it, and changes no row when it is ingested again', async () => {
    const text = readFileSync(REAL, 'utf8');
    const first = await ingest(t.db, text, new Date('2026-02-01T00:00:00Z'));
    expect(first.status).toBe('succeeded');
    expect(first.counts.findings.new).toBe(3);
    const scopes = await t.db.query<{ source: string; scope: string }>('select source, scope from scope_state');
    expect(scopes.length).toBeGreaterThan(0);
    expect(scopes.every((s) => s.source === 'prowler' && s.scope.startsWith('prowler:'))).toBe(true);
    const before = await snapshot(t.db);
    const again = await ingest(t.db, text, new Date('2026-02-02T00:00:00Z'));
    expect(again.counts.assets).toMatchObject({ inserted: 0, updated: 0, gone: 0 });
    expect(again.counts.findings).toMatchObject({ new: 0, updated: 0, reopened: 0, resolved: 0 });
    expect(await snapshot(t.db)).toEqual(before);
  });
});
