import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { writeZip } from '../intel/zip/writer.js';
import { importIntel } from './intel-import.js';

let t: TestDb;
const dir = mkdtempSync(join(tmpdir(), 'ms-intel-'));
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => {
  await t.drop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => { await t.db.exec('truncate advisories, kev, epss, runs cascade'); });

let fileNo = 0;
function file(content: unknown, name = `f${++fileNo}.json`): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content));
  return path;
}

function folder(records: readonly unknown[]): string {
  const path = join(dir, `d${++fileNo}`);
  mkdirSync(path);
  records.forEach((r, i) => writeFileSync(join(path, `r${i}.json`), JSON.stringify(r)));
  return path;
}

const osv = (id: string, modified: string | undefined, extra: Record<string, unknown> = {}) => ({
  id, ...(modified ? { modified } : {}), summary: `summary of ${id}`,
  affected: [{ package: { ecosystem: 'npm', name: 'left-pad' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.3.0' }] }] }],
  ...extra,
});

async function advisory(id: string) {
  const rows = await t.db.query<{ summary: string; modified: Date | null; withdrawn: Date | null; aliases: string[]; affected: unknown }>(
    'select summary, modified, withdrawn, aliases, affected from advisories where id = $1', [id]);
  return rows[0];
}

/** Every row with its row version (xmin): equal snapshots mean no row was rewritten, not just the same values. */
async function snapshot(table: string, key: string) {
  return t.db.query(`select xmin::text as version, * from ${table} order by ${key}`);
}

describe('OSV import: incremental', () => {
  it('inserts, then replaces a record only with a newer `modified`', async () => {
    const first = await importIntel(t.db, folder([osv('GHSA-1', '2024-01-01T00:00:00Z'), osv('GHSA-2', '2024-01-01T00:00:00Z')]));
    expect(first.format).toBe('osv');
    if (first.format !== 'osv') return;
    expect(first.counts).toMatchObject({ records: 2, inserted: 2, updated: 0 });
    expect(first.changes).toEqual({ inserted: ['GHSA-1', 'GHSA-2'], updated: [], withdrawn: [] });

    const newer = await importIntel(t.db, file(osv('GHSA-1', '2024-02-01T00:00:00.000001Z', { summary: 'newer' })));
    expect(newer.counts).toMatchObject({ inserted: 0, updated: 1, older: 0 });
    expect((await advisory('GHSA-1'))?.summary).toBe('newer');

    const older = await importIntel(t.db, file(osv('GHSA-1', '2024-02-01T00:00:00Z', { summary: 'older by a microsecond' })));
    expect(older.counts).toMatchObject({ inserted: 0, updated: 0, older: 1, unchanged: 0 });
    if (older.format === 'osv') expect(older.changes.updated).toEqual([]);
    expect((await advisory('GHSA-1'))?.summary).toBe('newer');
  });

  it('leaves a record with the same `modified` alone even if its text differs', async () => {
    await importIntel(t.db, file(osv('GHSA-3', '2024-01-01T00:00:00Z')));
    const again = await importIntel(t.db, file(osv('GHSA-3', '2024-01-01T00:00:00Z', { summary: 'reworded' })));
    expect(again.counts).toMatchObject({ updated: 0, unchanged: 1 });
    expect((await advisory('GHSA-3'))?.summary).toBe('summary of GHSA-3');
  });

  it('orders records without `modified` before any dated one; between two undated, a different record wins', async () => {
    await importIntel(t.db, file(osv('MAL-1', undefined)));
    const same = await importIntel(t.db, file(osv('MAL-1', undefined)));
    expect(same.counts).toMatchObject({ updated: 0, unchanged: 1 });
    const changed = await importIntel(t.db, file(osv('MAL-1', undefined, { summary: 'changed' })));
    expect(changed.counts).toMatchObject({ updated: 1 });
    const dated = await importIntel(t.db, file(osv('MAL-1', '2020-01-01T00:00:00Z')));
    expect(dated.counts).toMatchObject({ updated: 1 });
    const undatedAgain = await importIntel(t.db, file(osv('MAL-1', undefined, { summary: 'undated' })));
    expect(undatedAgain.counts).toMatchObject({ updated: 0, older: 1 });
  });

  it('keeps a withdrawn record, marked, and reports it as withdrawn', async () => {
    await importIntel(t.db, file(osv('GHSA-4', '2024-01-01T00:00:00Z', { aliases: ['CVE-2024-0004'] })));
    const r = await importIntel(t.db, file(osv('GHSA-4', '2024-03-01T00:00:00Z', { withdrawn: '2024-03-01T00:00:00Z', aliases: ['CVE-2024-0004'] })));
    if (r.format !== 'osv') throw new Error('expected osv');
    expect(r.counts).toMatchObject({ updated: 1, withdrawn: 1 });
    expect(r.changes).toEqual({ inserted: [], updated: ['GHSA-4'], withdrawn: ['GHSA-4'] });
    const row = await advisory('GHSA-4');
    expect(row?.withdrawn?.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(row?.aliases).toEqual(['CVE-2024-0004']);
    // Withdrawn again by a later version: already withdrawn, so nothing new to un-match.
    const again = await importIntel(t.db, file(osv('GHSA-4', '2024-04-01T00:00:00Z', { withdrawn: '2024-03-01T00:00:00Z' })));
    expect(again.counts).toMatchObject({ updated: 1, withdrawn: 0 });
  });

  it('keeps the newest version when one import holds an id twice', async () => {
    const r = await importIntel(t.db, folder([osv('GHSA-5', '2024-05-01T00:00:00Z', { summary: 'newest' }), osv('GHSA-5', '2024-01-01T00:00:00Z')]));
    expect(r.counts).toMatchObject({ records: 2, inserted: 1 });
    expect((await advisory('GHSA-5'))?.summary).toBe('newest');
  });

  it('re-importing the same input writes no row', async () => {
    const records = folder([osv('GHSA-6', '2024-01-01T00:00:00Z'), osv('GO-1', undefined), osv('GHSA-7', '2024-01-01T00:00:00Z', { withdrawn: '2024-01-02T00:00:00Z' })]);
    await importIntel(t.db, records);
    const before = await snapshot('advisories', 'id');
    const again = await importIntel(t.db, records);
    expect(again.counts).toMatchObject({ records: 3, inserted: 0, updated: 0, withdrawn: 0, unchanged: 3 });
    expect(await snapshot('advisories', 'id')).toEqual(before);
  });

  it('records each import as a run with its counts', async () => {
    const r = await importIntel(t.db, folder([osv('GHSA-8', '2024-01-01T00:00:00Z')]));
    const [run] = await t.db.query<{ source: string; status: string; counts: Record<string, number>; input: Record<string, unknown> }>(
      'select source, status, counts, input from runs where id = $1', [r.runId]);
    expect(run).toMatchObject({ source: 'intel:osv', status: 'succeeded', counts: { records: 1, inserted: 1, changedIds: 1 }, input: { format: 'osv', shape: 'directory' } });
  });
});

describe('OSV import: bad input writes nothing', () => {
  it('names the file and field of a malformed record and fails the whole import', async () => {
    const d = folder([osv('GHSA-9', '2024-01-01T00:00:00Z'), { ...osv('GHSA-10', '2024-01-01T00:00:00Z'), aliases: 'CVE-1' }]);
    await expect(importIntel(t.db, d)).rejects.toThrow(new RegExp(`${join(d, 'r1.json').replace(/[.]/g, '\\.')}: OSV record field aliases: `));
    expect(await t.db.query('select id from advisories')).toEqual([]);
    const [run] = await t.db.query<{ status: string; error: string }>('select status, error from runs');
    expect(run?.status).toBe('failed');
    expect(run?.error).toMatch(/field aliases/);
  });

  it('refuses a record file above the size limit before reading it', async () => {
    const big = file(osv('GHSA-11', '2024-01-01T00:00:00Z', { details: 'x'.repeat(300_000) }));
    await expect(importIntel(t.db, big, { limits: { maxDocumentBytes: 100_000 } })).rejects.toThrow(/above the limit of 100000/);
    expect(await t.db.query('select id from advisories')).toEqual([]);
  });

  it('reads a zip export, and stops a zip bomb with nothing written', async () => {
    const zip = join(dir, 'all.zip');
    await writeZip(zip, [osv('GHSA-12', '2024-01-01T00:00:00Z'), osv('GHSA-13', '2024-01-01T00:00:00Z')].map((r) => ({ name: `${r.id}.json`, data: JSON.stringify(r) })));
    const r = await importIntel(t.db, zip);
    expect(r.counts).toMatchObject({ records: 2, inserted: 2 });
    await t.db.exec('truncate advisories');

    const bomb = join(dir, 'bomb.zip');
    const padded = JSON.stringify({ ...osv('GHSA-14', '2024-01-01T00:00:00Z'), details: ' '.repeat(20 << 20) });
    await writeZip(bomb, [{ name: 'GHSA-13.json', data: JSON.stringify(osv('GHSA-13', '2024-01-01T00:00:00Z')) }, { name: 'GHSA-14.json', data: padded }]);
    await expect(importIntel(t.db, bomb, { limits: { maxDocumentBytes: 1 << 20 } })).rejects.toThrow(/bomb\.zip!GHSA-14\.json: zip entry is \d+ bytes, above the limit/);
    expect(await t.db.query('select id from advisories')).toEqual([]);
  });

  it('names the zip entry of a malformed record', async () => {
    const zip = join(dir, 'broken.zip');
    await writeZip(zip, [
      { name: 'GHSA-15.json', data: JSON.stringify(osv('GHSA-15', '2024-01-01T00:00:00Z')) },
      { name: 'GHSA-16.json', data: JSON.stringify(osv('GHSA-16', '2024-01-01T00:00:00Z', { severity: [{ type: 'CVSS_V3' }] })) },
      { name: 'GHSA-17.json', data: '{"id": "GHSA-17",' },
    ]);
    await expect(importIntel(t.db, zip)).rejects.toThrow(/broken\.zip!GHSA-16\.json: OSV record field severity\.0\.score: /);
    const truncated = join(dir, 'truncated-json.zip');
    await writeZip(truncated, [{ name: 'GHSA-17.json', data: '{"id": "GHSA-17",' }]);
    await expect(importIntel(t.db, truncated)).rejects.toThrow(/truncated-json\.zip!GHSA-17\.json: invalid JSON/);
    expect(await t.db.query('select id from advisories')).toEqual([]);
  });

  it('says what it cannot read', async () => {
    await expect(importIntel(t.db, file('hello, world', 'note.txt'))).rejects.toThrow(/note\.txt: not an intelligence feed/);
    await expect(importIntel(t.db, file({ foo: 1 }))).rejects.toThrow(/neither an OSV record .* nor the CISA KEV catalog/);
    await expect(importIntel(t.db, join(dir, 'missing.json'))).rejects.toThrow(/no such file/);
    await expect(importIntel(t.db, dir, { format: 'kev' })).rejects.toThrow(/a directory cannot be kev input/);
    await expect(importIntel(t.db, file(gzipSync('{"id": "GHSA-1"}'), 'record.json.gz'))).rejects.toThrow(/gzip content is not an EPSS CSV/);
    expect(await t.db.query('select id from runs')).toEqual([]);
  });
});

const kevEntry = (cve: string, extra: Record<string, unknown> = {}) => ({
  cveID: cve, vendorProject: 'Acme', product: 'Widget', vulnerabilityName: `${cve} bug`, dateAdded: '2025-01-10',
  shortDescription: 'x', requiredAction: 'patch', dueDate: '2025-01-31', knownRansomwareCampaignUse: 'Unknown', notes: '', ...extra,
});
const catalog = (entries: unknown[], count = entries.length, dateReleased = '2025-02-01T00:00:00Z') =>
  ({ title: 'CISA Catalog of Known Exploited Vulnerabilities', catalogVersion: '2025.02.01', dateReleased, count, vulnerabilities: entries });

describe('KEV import', () => {
  it('upserts the catalog, and a complete catalog retires what it no longer lists', async () => {
    const first = await importIntel(t.db, file(catalog([kevEntry('CVE-2025-0001'), kevEntry('CVE-2025-0002', { knownRansomwareCampaignUse: 'Known' })])));
    expect(first).toMatchObject({ format: 'kev', source: 'intel:kev', counts: { records: 2, inserted: 2, deleted: 0 } });
    expect(await t.db.query('select cve_id, known_ransomware, date_added::text as added from kev order by 1')).toEqual([
      { cve_id: 'CVE-2025-0001', known_ransomware: false, added: '2025-01-10' },
      { cve_id: 'CVE-2025-0002', known_ransomware: true, added: '2025-01-10' },
    ]);
    // An excerpt (count does not match) only adds and updates.
    const excerpt = await importIntel(t.db, file(catalog([kevEntry('CVE-2025-0001', { product: 'Gadget' })], 1500)));
    expect(excerpt.counts).toMatchObject({ updated: 1, deleted: 0 });
    // A complete catalog drops the entry it no longer lists, but keeps entries added after its release.
    await importIntel(t.db, file(catalog([kevEntry('CVE-2025-0003', { dateAdded: '2025-03-01' })], 2000)));
    const complete = await importIntel(t.db, file(catalog([kevEntry('CVE-2025-0001', { product: 'Gadget' })])));
    expect(complete.counts).toMatchObject({ unchanged: 1, deleted: 1 });
    expect((await t.db.query<{ cve_id: string }>('select cve_id from kev order by 1')).map((r) => r.cve_id)).toEqual(['CVE-2025-0001', 'CVE-2025-0003']);
  });

  it('rejects a malformed entry naming its field', async () => {
    await expect(importIntel(t.db, file(catalog([kevEntry('CVE-2025-0001'), kevEntry('CVE-2025-0002', { dateAdded: '10/01/2025' })]))))
      .rejects.toThrow(/KEV catalog field vulnerabilities\.1\.dateAdded: expected YYYY-MM-DD/);
    expect(await t.db.query('select cve_id from kev')).toEqual([]);
  });
});

describe('EPSS import', () => {
  const feed = (date: string, rows: string) => `#model_version:v2025.03.14,score_date:${date}T00:00:00+0000\ncve,epss,percentile\n${rows}`;

  it('upserts scores; an older file changes nothing; gzip is read the same', async () => {
    const r = await importIntel(t.db, file(gzipSync(feed('2025-03-14', 'CVE-2024-0001,0.5,0.9\nCVE-2024-0002,0.1,0.2\n')), 'epss.csv.gz'));
    expect(r).toMatchObject({ format: 'epss', counts: { records: 2, inserted: 2 } });
    const before = await snapshot('epss', 'cve_id');
    const old = await importIntel(t.db, file(feed('2025-03-13', 'CVE-2024-0001,0.7,0.95\n'), 'old.csv'));
    expect(old.counts).toMatchObject({ updated: 0, older: 1 });
    expect(await snapshot('epss', 'cve_id')).toEqual(before);
    const newer = await importIntel(t.db, file(feed('2025-03-15', 'CVE-2024-0001,0.7,0.95\n'), 'new.csv'));
    expect(newer.counts).toMatchObject({ updated: 1 });
    expect(await t.db.query('select cve_id, score, scored_on::text as d from epss order by 1')).toEqual([
      { cve_id: 'CVE-2024-0001', score: 0.7, d: '2025-03-15' },
      { cve_id: 'CVE-2024-0002', score: 0.1, d: '2025-03-14' },
    ]);
  });

  it('fails a bad row with nothing written', async () => {
    await expect(importIntel(t.db, file(feed('2025-03-14', 'CVE-2024-0001,0.5,0.9\nCVE-2024-0002,abc,0.2\n'), 'bad.csv')))
      .rejects.toThrow(/bad\.csv: line 4 field epss/);
    expect(await t.db.query('select cve_id from epss')).toEqual([]);
  });
});

describe('import from a URL', () => {
  let server: Server;
  let base = '';
  const bodies = new Map<string, Buffer>();
  beforeAll(async () => {
    server = createServer((req, res) => {
      const body = bodies.get(req.url ?? '');
      if (!body) {
        res.writeHead(404).end();
        return;
      }
      // /declared/... says its length up front; the others stream without one (chunked).
      const headers = req.url?.startsWith('/declared/') ? { 'content-length': String(body.length) } : {};
      res.writeHead(200, { 'content-type': 'application/octet-stream', ...headers }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const downloads = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith('mothership-intel-'));

  it('downloads, sniffs and imports, naming the URL, and removes the download', async () => {
    const before = downloads();
    bodies.set('/kev.json', Buffer.from(JSON.stringify(catalog([kevEntry('CVE-2025-0009')]))));
    const r = await importIntel(t.db, `${base}/kev.json`);
    expect(r).toMatchObject({ target: `${base}/kev.json`, format: 'kev', counts: { inserted: 1 } });
    const [run] = await t.db.query<{ input: { target: string } }>('select input from runs where id = $1', [r.runId]);
    expect(run?.input.target).toBe(`${base}/kev.json`);
    expect(downloads()).toEqual(before);
  });

  it('fails a missing URL or an oversized download, naming the URL', async () => {
    await expect(importIntel(t.db, `${base}/nope.zip`)).rejects.toThrow(/nope\.zip: download failed: HTTP 404/);
    bodies.set('/declared/big.csv', Buffer.alloc(10_000, 0x41));
    await expect(importIntel(t.db, `${base}/declared/big.csv`, { maxDownloadBytes: 1000 })).rejects.toThrow(/big\.csv: 10000 bytes, above the download limit of 1000/);
    bodies.set('/streamed.csv', Buffer.alloc(10_000, 0x41));
    await expect(importIntel(t.db, `${base}/streamed.csv`, { maxDownloadBytes: 1000 })).rejects.toThrow(/streamed\.csv: larger than the download limit of 1000 bytes/);
    expect(await t.db.query('select id from runs')).toEqual([]);
  });
});
