import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { CORPUS, SPEC_V31_EXAMPLES, metricsKey, publishedScores } from '../intel/testing/cvss-oracle.js';
import { importIntel } from './intel-import.js';

/**
 * The real feeds of the shared corpus through the whole import: 74 OSV records across ecosystems, the
 * complete CISA KEV catalog, and real EPSS values. Expectations are read from the files themselves (and
 * the corpus index), never from our own output.
 */
const OSV_DIR = join(CORPUS, 'osv-records');
const KEV_FILE = join(CORPUS, 'intel', 'kev', 'known_exploited_vulnerabilities.json');
const EPSS_FILE = join(CORPUS, 'intel', 'epss', 'epss_values_from_grype_scan.csv');

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.drop(); });

interface OsvFile {
  id: string;
  modified?: string;
  aliases?: string[];
  affected?: unknown[];
  severity?: { type: string; score: string }[];
  database_specific?: { severity?: string };
}

const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

describe.skipIf(!existsSync(OSV_DIR))('OSV corpus', () => {
  const folders = existsSync(OSV_DIR) ? readdirSync(OSV_DIR).filter((f) => statSync(join(OSV_DIR, f)).isDirectory()).sort() : [];
  const files = (folder: string) => readdirSync(join(OSV_DIR, folder)).filter((f) => f.endsWith('.json')).map((f) => join(OSV_DIR, folder, f));
  const records = new Map(folders.flatMap(files).map((path) => {
    const r = read<OsvFile>(path);
    return [r.id, r] as const;
  }));

  it('imports every ecosystem folder, one run each', async () => {
    for (const folder of folders) {
      const r = await importIntel(t.db, join(OSV_DIR, folder));
      expect(r.counts.records, folder).toBe(files(folder).length);
    }
    const [n] = await t.db.query<{ n: number }>('select count(*)::int as n from advisories');
    expect(n?.n).toBe(records.size);
    expect(records.size).toBe(74);
    const runs = await t.db.query<{ source: string; status: string }>('select distinct source, status from runs');
    expect(runs).toEqual([{ source: 'intel:osv', status: 'succeeded' }]);
  });

  it('keeps every alias the corpus index lists, and affected verbatim', async () => {
    const index = read<{ file: string; id: string; aliases: string[] }[]>(join(OSV_DIR, 'index.json')).filter((e) => e.file.endsWith('.json'));
    const stored = new Map((await t.db.query<{ id: string; aliases: string[]; affected: unknown }>('select id, aliases, affected from advisories')).map((r) => [r.id, r]));
    for (const e of index) {
      expect(new Set(stored.get(e.id)?.aliases), e.id).toEqual(new Set(e.aliases));
      expect(stored.get(e.id)?.affected, e.id).toEqual(records.get(e.id)?.affected ?? []);
    }
    expect(stored.get('GO-2023-2102')?.aliases).toContain('CVE-2023-39325');
  });

  it('scores CVSS vectors as the specification examples and published scores do', async () => {
    const oracle = new Map<string, number>();
    for (const [vector, score] of publishedScores()) oracle.set(`${vector.slice(0, 8)}|${metricsKey(vector)}`, score);
    for (const [, vector, score] of SPEC_V31_EXAMPLES) oracle.set(`CVSS:3.1|${metricsKey(`CVSS:3.1/${vector}`)}`, score);
    const rows = await t.db.query<{ id: string; cvss_vector: string; cvss_score: number }>('select id, cvss_vector, cvss_score from advisories where cvss_vector is not null');
    let checked = 0;
    for (const row of rows) {
      const expected = oracle.get(`${row.cvss_vector.slice(0, 8)}|${metricsKey(row.cvss_vector)}`);
      if (expected === undefined) continue;
      checked++;
      expect(row.cvss_score, `${row.id} ${row.cvss_vector}`).toBe(expected);
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });

  it("agrees with GitHub's own severity label wherever a GHSA record has a vector", async () => {
    const rows = await t.db.query<{ id: string; severity: string; cvss_score: number | null }>('select id, severity, cvss_score from advisories');
    const github: Record<string, string> = { CRITICAL: 'critical', HIGH: 'high', MODERATE: 'medium', LOW: 'low' };
    let checked = 0;
    for (const row of rows) {
      const label = records.get(row.id)?.database_specific?.severity;
      if (!label || !row.id.startsWith('GHSA-') || row.cvss_score === null) continue;
      checked++;
      expect(row.severity, row.id).toBe(github[label]);
    }
    expect(checked).toBeGreaterThanOrEqual(25);
  });

  it('re-importing the corpus rewrites no row', async () => {
    const before = await t.db.query('select xmin::text as v, * from advisories order by id');
    for (const folder of folders) {
      const r = await importIntel(t.db, join(OSV_DIR, folder));
      expect(r.counts, folder).toMatchObject({ inserted: 0, updated: 0, withdrawn: 0 });
    }
    expect(await t.db.query('select xmin::text as v, * from advisories order by id')).toEqual(before);
  });
});

describe.skipIf(!existsSync(KEV_FILE))('CISA KEV catalog', () => {
  const catalog = existsSync(KEV_FILE) ? read<{ count: number; vulnerabilities: { cveID: string; knownRansomwareCampaignUse: string; vendorProject: string; dateAdded: string; dueDate: string }[] }>(KEV_FILE) : null;

  it('imports every entry, ransomware use read from the flag', async () => {
    const r = await importIntel(t.db, KEV_FILE);
    expect(r).toMatchObject({ format: 'kev', counts: { records: catalog!.count, inserted: catalog!.count, deleted: 0 } });
    const [c] = await t.db.query<{ n: number; known: number }>('select count(*)::int as n, count(*) filter (where known_ransomware)::int as known from kev');
    expect(c).toEqual({ n: catalog!.vulnerabilities.length, known: catalog!.vulnerabilities.filter((v) => v.knownRansomwareCampaignUse === 'Known').length });
    const first = catalog!.vulnerabilities[0]!;
    const [row] = await t.db.query<{ vendor: string; added: string; due: string }>(
      'select vendor, date_added::text as added, due_date::text as due from kev where cve_id = $1', [first.cveID]);
    expect(row).toEqual({ vendor: first.vendorProject, added: first.dateAdded, due: first.dueDate });
  });

  it('re-importing it rewrites no row', async () => {
    const before = await t.db.query('select xmin::text as v, * from kev order by cve_id');
    const r = await importIntel(t.db, KEV_FILE);
    expect(r.counts).toMatchObject({ inserted: 0, updated: 0, deleted: 0, unchanged: catalog!.count });
    expect(await t.db.query('select xmin::text as v, * from kev order by cve_id')).toEqual(before);
  });
});

describe.skipIf(!existsSync(EPSS_FILE))('EPSS values', () => {
  it('imports the scores with their dates, and again changes nothing', async () => {
    const lines = readFileSync(EPSS_FILE, 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
    const r = await importIntel(t.db, EPSS_FILE);
    expect(r.counts).toMatchObject({ records: lines.length, inserted: lines.length });
    const rows = await t.db.query<{ cve_id: string; score: number; percentile: number; d: string }>('select cve_id, score, percentile, scored_on::text as d from epss order by cve_id');
    const expected = lines.map(([cve, epss, percentile, date]) => ({ cve_id: cve!, score: Number(epss), percentile: Number(percentile), d: date! }));
    expect(rows).toEqual(expected.sort((a, b) => (a.cve_id < b.cve_id ? -1 : 1)));
    const again = await importIntel(t.db, EPSS_FILE);
    expect(again.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: lines.length });
  });
});
