import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedRecord } from '../model/index.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { syncRun } from './sync/run.js';
import { importIntel } from './intel-import.js';
import { rematchAfterImport } from './rematch.js';
import { osvRecord } from '../engines/vulns/osv-fixtures.js';

const SHOP = 'repo:github.com/acme/shop';
const BLOG = 'repo:github.com/acme/blog';

function repo(uid: string, name: string, version: string): NormalizedRecord[] {
  const scope = `test:${uid}`;
  return [
    { type: 'coverage', scope, coverage: 'complete' },
    { type: 'asset', scope, asset: { uid, kind: 'repository' } },
    { type: 'package', scope, package: { assetUid: uid, purl: `pkg:npm/${name}@${version}`, ecosystem: 'npm', name, version, path: 'package-lock.json' } },
  ];
}

let t: TestDb;
let dir: string;
beforeAll(async () => {
  t = await createTestDb();
  dir = mkdtempSync(join(tmpdir(), 'ms-rematch-'));
  await syncRun(t.db, [...repo(SHOP, 'lodash', '4.17.20'), ...repo(BLOG, 'marked', '4.0.0')], { source: 'test' });
});
afterAll(async () => { await t.drop(); rmSync(dir, { recursive: true, force: true }); });

async function importRecords(name: string, records: object[]) {
  const d = join(dir, name);
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d);
  records.forEach((r, i) => writeFileSync(join(d, `r${i}.json`), JSON.stringify(r)));
  return importIntel(t.db, d, { format: 'osv' });
}

const open = async () => (await t.db.query<{ asset_uid: string; advisory_id: string }>(
  `select asset_uid, advisory_id from findings where status = 'open' order by asset_uid, advisory_id`));

describe('re-match after an OSV import', () => {
  it('matches only the assets the changed records concern, and resolves what a withdrawn record no longer says', async () => {
    const modified = '2026-01-01T00:00:00Z';
    const lodash = osvRecord('GHSA-aaaa-bbbb-cccc', 'npm', 'lodash', '0', '4.17.21', { modified });
    const marked = osvRecord('GHSA-dddd-eeee-ffff', 'npm', 'marked', '0', '4.0.10', { modified });
    const r1 = await importRecords('one', [lodash]);
    const m1 = await rematchAfterImport(t.db, r1);
    expect(m1).toMatchObject({ advisories: 1, scopes: 1, findings: { new: 1 } });
    expect(await open()).toEqual([{ asset_uid: SHOP, advisory_id: 'GHSA-aaaa-bbbb-cccc' }]);

    // A newer export adds marked's advisory: only the blog is re-matched, the shop's finding is not touched.
    const r2 = await importRecords('two', [lodash, marked]);
    const m2 = await rematchAfterImport(t.db, r2);
    expect(m2).toMatchObject({ advisories: 1, scopes: 1, findings: { new: 1, resolved: 0 } });
    expect((await open()).map((f) => f.asset_uid)).toEqual([BLOG, SHOP]);

    // The lodash record is withdrawn: its finding resolves, marked's stays.
    const r3 = await importRecords('three', [{ ...lodash, modified: '2026-02-01T00:00:00Z', withdrawn: '2026-02-01T00:00:00Z' }, marked]);
    const m3 = await rematchAfterImport(t.db, r3);
    expect(m3?.findings.resolved).toBe(1);
    expect(await open()).toEqual([{ asset_uid: BLOG, advisory_id: 'GHSA-dddd-eeee-ffff' }]);

    // The same export again changes nothing and re-matches nothing.
    expect(await rematchAfterImport(t.db, await importRecords('four', [{ ...lodash, modified: '2026-02-01T00:00:00Z', withdrawn: '2026-02-01T00:00:00Z' }, marked])))
      .toEqual({ advisories: 0, scopes: 0, findings: { new: 0, updated: 0, resolved: 0 } });
  });
});
