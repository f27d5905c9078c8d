import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { vulnFingerprint } from '../findings/fingerprint.js';
import { MothershipError } from '../model/errors.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { assetUidOption, ingestFile } from './ingest.js';

const SUBJECT = 'repo:github.com/acme/shop';
const dir = mkdtempSync(join(tmpdir(), 'ms-ingest-asset-'));

/** npm 6 audit of the shop: lodash with CVE-2021-23337. */
const NPM_AUDIT = {
  actions: [],
  advisories: {
    1065345: { id: 1065345, module_name: 'lodash', title: 'Command Injection in lodash', severity: 'high', cves: ['CVE-2021-23337'],
      github_advisory_id: 'GHSA-35jh-r3h4-6jhm', vulnerable_versions: '<4.17.21', patched_versions: '>=4.17.21',
      url: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm', findings: [{ version: '4.17.20', paths: ['a>lodash'] }] },
  },
  muted: [],
  metadata: { vulnerabilities: { high: 1 } },
};

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

let t: TestDb;
beforeAll(() => {
  write('npm-audit.json', JSON.stringify(NPM_AUDIT));
  write('osv.json', readFileSync(new URL('../sources/osv-scanner/testdata/report.json', import.meta.url), 'utf8'));
  write('asff.json', JSON.stringify({ Findings: [] }));
});
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

async function lodashFindings(db: TestDb['db']) {
  return db.query<{ asset_uid: string; sources: string[] }>(`
    select f.asset_uid, array_agg(s.source order by s.source) as sources
    from findings f join finding_sources s on s.finding_id = f.id
    where f.advisory_id = 'CVE-2021-23337' and f.package_purl like 'pkg:npm/lodash@%'
    group by f.id, f.asset_uid order by f.asset_uid`);
}

describe('ingestFile with --asset', () => {
  beforeEach(async () => { t = await createTestDb(); });
  afterEach(async () => { await t.drop(); });

  it('without it, npm audit and osv-scanner findings on one project stay apart (each guesses its subject)', async () => {
    await ingestFile(t.db, join(dir, 'npm-audit.json'));
    await ingestFile(t.db, join(dir, 'osv.json'));
    expect(await lodashFindings(t.db)).toEqual([
      { asset_uid: 'repo:npm-audit', sources: ['npm-audit-json'] },
      { asset_uid: 'repo:shop', sources: ['osv-scanner-json'] },
    ]);
  });

  it('with the same --asset, they are one asset and one finding seen by both tools', async () => {
    const a = await ingestFile(t.db, join(dir, 'npm-audit.json'), { asset: SUBJECT });
    const b = await ingestFile(t.db, join(dir, 'osv.json'), { asset: ` ${SUBJECT} ` });
    expect(a.counts.findings.new).toBe(1);
    expect(b.counts.findings.new).toBeGreaterThan(0);
    expect(await lodashFindings(t.db)).toEqual([{ asset_uid: SUBJECT, sources: ['npm-audit-json', 'osv-scanner-json'] }]);
    const [f] = await t.db.query<{ fingerprint: string }>(`select fingerprint from findings where advisory_id = 'CVE-2021-23337'`);
    expect(f?.fingerprint).toBe(vulnFingerprint(SUBJECT, 'npm', 'lodash', 'CVE-2021-23337'));
    expect(await t.db.query('select uid, kind, name from assets order by uid')).toEqual([{ uid: SUBJECT, kind: 'code.repository', name: 'github.com/acme/shop' }]);
    const runs = await t.db.query<{ input: { asset: string | null } }>('select input from runs order by id');
    expect(runs.map((r) => r.input.asset)).toEqual([SUBJECT, SUBJECT]);
  });

  it('re-ingesting with the same --asset changes nothing; a report names its scope after the subject', async () => {
    await ingestFile(t.db, join(dir, 'npm-audit.json'), { asset: SUBJECT });
    const again = await ingestFile(t.db, join(dir, 'npm-audit.json'), { asset: SUBJECT });
    expect(again.counts.findings).toMatchObject({ new: 0, updated: 0, resolved: 0, reopened: 0 });
    expect(await t.db.query('select scope from scope_state order by scope')).toEqual([{ scope: `npm-audit-json:${SUBJECT}` }]);
  });

  it('refuses --asset on cloud reports, naming the type; the failed run wrote nothing', async () => {
    const e = await ingestFile(t.db, join(dir, 'asff.json'), { asset: SUBJECT, type: 'asff-json' }).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(MothershipError);
    expect((e as MothershipError).message).toMatch(/asff\.json: --asset does not apply to asff-json reports/);
    expect(await t.db.query(`select status from runs`)).toEqual([{ status: 'failed' }]);
    expect(await t.db.query('select count(*)::int as n from assets')).toEqual([{ n: 0 }]);
  });
});

describe('assetUidOption', () => {
  it('trims, and refuses empty, over-long and control-character uids', () => {
    expect(assetUidOption(undefined, 'f')).toBeUndefined();
    expect(assetUidOption('  repo:x ', 'f')).toBe('repo:x');
    expect(() => assetUidOption('  ', 'f.json')).toThrow('f.json: --asset: an asset uid is needed, got an empty one');
    expect(() => assetUidOption('repo:\u0000x', 'f.json')).toThrow(/control characters/);
    expect(() => assetUidOption('repo:a\nb', 'f.json')).toThrow(/control characters/);
    expect(() => assetUidOption(`repo:${'x'.repeat(3000)}`, 'f.json')).toThrow(/longer than/);
  });
});
