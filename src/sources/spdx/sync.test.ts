import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { spdxJson } from './parser.js';
import { ingestText, storeSnapshot as snapshot } from '../../../test/support/report-sync.js';

/** A real SPDX document with a security advisory reference through the scoped sync. */
const FILE = join(process.cwd(), '..', 'shared', 'corpus', 'sbom', 'spdx', '04-SBOMwSecurity.spdx.json');
const APP = 'pkg:github/spdx/tools-java';
const T = (day: number) => new Date(Date.UTC(2026, 2, day));

function ingest(db: Db, text: string, now: Date) {
  return ingestText(db, spdxJson, 'sbom.spdx.json', text, now);
}

describe.skipIf(!existsSync(FILE))(existsSync(FILE) ? 'spdx-json through the scoped sync'
  : 'spdx-json sync: skipped, ../shared/corpus/sbom not found', () => {
  let t: TestDb;
  let text: string;
  beforeAll(async () => {
    t = await createTestDb();
    text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '{}';
  });
  afterAll(async () => { await t.drop(); });

  it('stores the described application, its packages and the advisory it names', async () => {
    const r = await ingest(t.db, text, T(1));
    expect(r.status).toBe('succeeded');
    expect(await t.db.query('select uid, kind, source from assets')).toEqual([{ uid: APP, kind: 'application', source: 'spdx-json' }]);
    expect(await t.db.query('select purl, ecosystem from packages')).toEqual([{ purl: 'pkg:maven/org.webjars.npm/xlsx@0.16.6', ecosystem: 'Maven' }]);
    expect(await t.db.query('select advisory_id, asset_uid, status from findings')).toEqual([{ advisory_id: 'CVE-2021-32012', asset_uid: APP, status: 'open' }]);
  });

  it('changes no row when the same document is ingested again', async () => {
    const before = await snapshot(t.db);
    const r = await ingest(t.db, text, T(2));
    expect(r.counts.assets).toMatchObject({ inserted: 0, updated: 0, gone: 0 });
    expect(r.counts.packages).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect(r.counts.findings).toMatchObject({ new: 0, updated: 0, reopened: 0, resolved: 0 });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('replaces the packages of the next SBOM of the same application', async () => {
    const next = JSON.parse(text) as { packages: { SPDXID: string; versionInfo?: string; externalRefs?: { referenceLocator: string }[] }[] };
    const xlsx = next.packages.find((p) => p.SPDXID === 'SPDXRef-xlsx')!;
    xlsx.versionInfo = '0.17.0';
    xlsx.externalRefs = [{ ...xlsx.externalRefs![0]!, referenceLocator: 'pkg:maven/org.webjars.npm/xlsx@0.17.0' }];
    const r = await ingest(t.db, JSON.stringify(next), T(3));
    expect(r.counts.packages).toMatchObject({ inserted: 1, deleted: 1 });
    expect(await t.db.query('select purl from packages')).toEqual([{ purl: 'pkg:maven/org.webjars.npm/xlsx@0.17.0' }]);
    // The advisory reference is gone with the old version: the document names no vulnerability, so it claims none.
    expect(await t.db.query('select status from findings')).toEqual([{ status: 'open' }]);
  });
});
