import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { DOJO_DIR } from '../shared/dojo-corpus.js';
import { yarnAuditJson } from './parser.js';
import { ingestText, storeSnapshot as snapshot } from '../../../test/support/report-sync.js';

const REAL = join(DOJO_DIR, 'yarn_audit', 'yarn_audit_multiple_cwes.json');

function ingest(db: Db, name: string, text: string, now: Date) {
  return ingestText(db, yarnAuditJson, name, text, now);
}
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.drop(); });

describe.skipIf(!existsSync(REAL))(existsSync(REAL) ? 'yarn-audit-json: a real report through the scoped sync'
  : 'yarn-audit-json real report: skipped, ../shared/corpus/defectdojo not found', () => {
  it('stores it, changes no row when it is ingested again, and resolves what a later audit no longer has', async () => {
    const text = readFileSync(REAL, 'utf8');
    const first = await ingest(t.db, 'shop-audit.json', text, new Date('2026-02-01T00:00:00Z'));
    expect(first.counts.findings.new).toBe(3);
    const before = await snapshot(t.db);
    const again = await ingest(t.db, 'shop-audit.json', text, new Date('2026-02-02T00:00:00Z'));
    expect(again.counts.assets).toMatchObject({ inserted: 0, updated: 0, gone: 0 });
    expect(again.counts.packages).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect(again.counts.findings).toMatchObject({ new: 0, updated: 0, reopened: 0, resolved: 0 });
    expect(await snapshot(t.db)).toEqual(before);

    const later = text.split('\n').filter((l) => !l.includes('"module_name":"node-fetch"')).join('\n');
    const r = await ingest(t.db, 'shop-audit.json', later, new Date('2026-02-03T00:00:00Z'));
    expect(r.counts.findings.resolved).toBe(1);
    const [fetch] = await t.db.query<{ status: string }>(`select status from findings where advisory_id = 'CVE-2022-0235'`);
    expect(fetch?.status).toBe('resolved');
    // A failed audit writes nothing and resolves nothing.
    await expect(ingest(t.db, 'shop-audit.json', '{"type":"error","data":"ECONNREFUSED"}\n', new Date('2026-02-04T00:00:00Z'))).rejects.toThrow('ECONNREFUSED');
    expect(await t.db.query(`select count(*)::int as n from findings where status = 'open' and asset_uid = 'repo:shop-audit'`)).toEqual([{ n: 2 }]);
  });
});
