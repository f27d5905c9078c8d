import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { DOJO_DIR } from '../shared/dojo-corpus.js';
import { snykJson } from './parser.js';
import { ingestText, storeSnapshot as snapshot } from '../../../test/support/report-sync.js';

const REAL = join(DOJO_DIR, 'snyk', 'all_projects_issue4277.json');

function ingest(db: Db, name: string, text: string, now: Date) {
  return ingestText(db, snykJson, name, text, now);
}
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.drop(); });

describe.skipIf(!existsSync(REAL))(existsSync(REAL) ? 'snyk-json: a real --all-projects report through the scoped sync'
  : 'snyk-json real report: skipped, ../shared/corpus/defectdojo not found', () => {
  it('stores it, changes no row when it is ingested again, and resolves per project', async () => {
    const text = readFileSync(REAL, 'utf8');
    const first = await ingest(t.db, 'snyk.json', text, new Date('2026-02-01T00:00:00Z'));
    expect(first.counts.findings.new).toBe(49);
    expect(first.counts.scopes.complete).toBe(2);
    const before = await snapshot(t.db);
    const again = await ingest(t.db, 'snyk.json', text, new Date('2026-02-02T00:00:00Z'));
    expect(again.counts.assets).toMatchObject({ inserted: 0, updated: 0, gone: 0 });
    expect(again.counts.packages).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect(again.counts.findings).toMatchObject({ new: 0, updated: 0, reopened: 0, resolved: 0 });
    expect(await snapshot(t.db)).toEqual(before);

    // A later test of one project (now clean) resolves its 13 findings and nothing of the other project's 36.
    const [first1] = JSON.parse(text) as Record<string, unknown>[];
    const r = await ingest(t.db, 'snyk-project.json', JSON.stringify({ ...first1, vulnerabilities: [] }), new Date('2026-02-03T00:00:00Z'));
    const open = await t.db.query<{ asset_uid: string; n: number }>(
      `select asset_uid, count(*)::int as n from findings where status = 'open' group by asset_uid order by 1`);
    expect(open).toEqual([{ asset_uid: 'repo:email-template-manager', n: 36 }]);
    expect(r.counts.findings.resolved).toBe(13);
  });
});
