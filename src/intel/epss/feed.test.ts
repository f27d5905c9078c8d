import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../limits.js';
import { openEpss, type EpssRow } from './feed.js';

const dir = mkdtempSync(join(tmpdir(), 'ms-epss-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(name: string, content: string | Buffer, limits = DEFAULT_LIMITS) {
  const path = join(dir, name);
  writeFileSync(path, content);
  const feed = await openEpss(path, path, limits);
  const rows: EpssRow[] = [];
  for await (const r of feed.rows) rows.push(r);
  return { feed, rows };
}

const FEED = '#model_version:v2025.03.14,score_date:2025-03-14T00:00:00+0000\ncve,epss,percentile\nCVE-1999-0001,0.01297,0.85277\r\nCVE-2024-3094,0.84,0.99\n';

describe('EPSS CSV', () => {
  it('reads the daily feed: the comment line dates every row', async () => {
    const { feed, rows } = await read('feed.csv', FEED);
    expect(feed.modelVersion).toBe('v2025.03.14');
    expect(feed.scoreDate).toBe('2025-03-14');
    expect(rows).toEqual([
      { cveId: 'CVE-1999-0001', score: 0.01297, percentile: 0.85277, scoredOn: '2025-03-14' },
      { cveId: 'CVE-2024-3094', score: 0.84, percentile: 0.99, scoredOn: '2025-03-14' },
    ]);
  });

  it('reads it gzipped, the same', async () => {
    const plain = await read('same.csv', FEED);
    const gz = await read('feed.csv.gz', gzipSync(FEED));
    expect(gz.rows).toEqual(plain.rows);
  });

  it('takes the date from a date column when there is no comment line', async () => {
    const { feed, rows } = await read('dated.csv', 'cve,epss,percentile,date\nCVE-2021-28831,0.00878,0.74313,2025-06-18\n');
    expect(feed.scoreDate).toBeNull();
    expect(rows[0]).toEqual({ cveId: 'CVE-2021-28831', score: 0.00878, percentile: 0.74313, scoredOn: '2025-06-18' });
  });

  it.each([
    ['no date at all', 'cve,epss,percentile\nCVE-2021-1,0.1,0.2\n', /no score date/],
    ['a missing column', '#model_version:v1,score_date:2025-01-01\ncve,epss\n', /line 2: header has no percentile column/],
    ['a bad CVE id', `${FEED}NOT-A-CVE,0.1,0.2\n`, /line 5 field cve: expected a CVE id/],
    ['a probability above 1', `${FEED}CVE-2020-1234,1.5,0.2\n`, /line 5 field epss: expected a number between 0 and 1, got "1.5"/],
    ['an empty percentile', `${FEED}CVE-2020-1234,0.5,\n`, /line 5 field percentile/],
  ])('rejects %s, naming the file and line', async (name, content, error) => {
    await expect(read(`${name.replace(/ /g, '-')}.csv`, content)).rejects.toThrow(error);
  });

  it('bounds a line that never ends and a gzip stream that expands too far', async () => {
    const limits = { ...DEFAULT_LIMITS, maxLineBytes: 1024, maxExpandedBytes: 1 << 20 };
    await expect(read('long.csv', `${FEED}${'9'.repeat(10_000)}`, limits)).rejects.toThrow(/line 5 is longer than 1024 bytes/);
    const bomb = gzipSync(FEED + 'CVE-2020-1234,0.5,0.5\n'.repeat(200_000));
    await expect(read('bomb.csv.gz', bomb, limits)).rejects.toThrow(/expands beyond the limit of 1048576 bytes/);
  });

  it('reports a damaged gzip stream as bad input', async () => {
    const gz = gzipSync(FEED + 'CVE-2020-1234,0.5,0.5\n'.repeat(1000));
    await expect(read('cut.csv.gz', gz.subarray(0, gz.length - 100))).rejects.toThrow(/cut\.csv\.gz: gzip: unexpected end of file/);
  });
});
