import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { DOJO_DIR } from '../shared/dojo-corpus.js';
import { githubDependabotJson } from './parser.js';
import { ingestText, storeSnapshot as snapshot } from '../../../test/support/report-sync.js';

const FIXTURE = readFileSync(new URL('./testdata/rest-alerts.json', import.meta.url), 'utf8');
const REAL = join(DOJO_DIR, 'github_vulnerability', 'github-vuln-version.json');

function ingest(db: Db, name: string, text: string, now: Date) {
  return ingestText(db, githubDependabotJson, name, text, now);
}
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.drop(); });

describe.skipIf(!existsSync(REAL))(existsSync(REAL) ? 'github-dependabot-json: a real GraphQL answer through the scoped sync'
  : 'github-dependabot-json real answer: skipped, ../shared/corpus/defectdojo not found', () => {
  it('stores it, and changes no row when it is ingested again', async () => {
    const text = readFileSync(REAL, 'utf8');
    const first = await ingest(t.db, 'github-vuln-version.json', text, new Date('2026-02-01T00:00:00Z'));
    expect(first.counts.findings.new).toBe(1);
    const before = await snapshot(t.db);
    const again = await ingest(t.db, 'github-vuln-version.json', text, new Date('2026-02-02T00:00:00Z'));
    expect(again.counts.assets).toMatchObject({ inserted: 0, updated: 0, gone: 0 });
    expect(again.counts.findings).toMatchObject({ new: 0, updated: 0, reopened: 0, resolved: 0 });
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('github-dependabot-json: the next export of alerts', () => {
  it('resolves an alert that was fixed or dismissed since, in its repository only', async () => {
    await ingest(t.db, 'alerts.json', FIXTURE, new Date('2026-03-01T00:00:00Z'));
    const later = JSON.parse(FIXTURE) as { number: number; state: string; repository?: unknown }[];
    for (const a of later) if (a.number === 6 && !a.repository) a.state = 'dismissed';
    const r = await ingest(t.db, 'alerts.json', JSON.stringify(later.filter((a) => !a.repository)), new Date('2026-03-02T00:00:00Z'));
    expect(r.counts.findings.resolved).toBe(1);
    const open = await t.db.query<{ asset_uid: string; advisory_id: string }>(
      `select asset_uid, advisory_id from findings where status = 'open' and asset_uid like 'repo:github.com/%' order by 1, 2`);
    expect(open).toEqual([
      { asset_uid: 'repo:github.com/acme/api', advisory_id: 'CVE-2023-0286' },
      { asset_uid: 'repo:github.com/acme/shop', advisory_id: 'CVE-2021-23337' }]);
  });

  it('leaves unseen alerts open, unverified, when the file holds one page only', async () => {
    const page = { data: { repository: { url: 'https://github.com/acme/shop', vulnerabilityAlerts: { pageInfo: { hasNextPage: true }, nodes: [] } } } };
    const r = await ingest(t.db, 'page.json', JSON.stringify(page), new Date('2026-03-03T00:00:00Z'));
    expect(r.status).toBe('partial');
    expect(r.counts.findings.resolved).toBe(0);
  });
});
