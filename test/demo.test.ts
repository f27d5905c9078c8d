import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from './support/test-db.js';
import { runCli } from './support/cli.js';
import { runDemo } from '../src/pipeline/demo.js';

const dir = mkdtempSync(join(tmpdir(), 'ms-demo-'));
const dataDir = join(dir, 'data');
let t: TestDb | undefined;
afterAll(async () => {
  await t?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const DATA_TABLES = ['assets', 'relationships', 'packages', 'findings', 'finding_sources', 'finding_events'];

describe('the demo organization', () => {
  it('loads through the real pipeline (> 500 assets), and a second load changes no row', { timeout: 300_000 }, async () => {
    t = await createTestDb({ dir: join(dir, 'db') });
    const first = await runDemo(t.db, { scale: 1, seed: 7, dataDir });
    expect(first.assets).toBeGreaterThan(500);
    // Everything the generator wrote is an asset; upstream base images (debian, alpine) are only referenced.
    const defined = await t.db.query<{ n: number }>('select count(*)::int as n from assets where not reference and gone_at is null');
    expect(defined[0]?.n).toBe(first.generated.counts.assetsExpected);
    expect(first.findings).toBeGreaterThan(0);
    const snapshot = async () => Promise.all(DATA_TABLES.map((tbl) => t!.db.query(`select * from ${tbl} order by 1, 2, 3`)));
    const before = await snapshot();
    const second = await runDemo(t.db, { scale: 1, seed: 7, dataDir });
    expect(second.assets).toBe(first.assets);
    expect(await snapshot()).toEqual(before);
    // Every run of both loads succeeded.
    const runs = await t.db.query<{ status: string; n: number }>(`select status, count(*)::int as n from runs group by status`);
    expect(runs).toEqual([{ status: 'succeeded', n: first.runs * 2 }]);
  });

  it('planted problems are found by the rules', { timeout: 300_000 }, async () => {
    const planted = (await runDemo(t!.db, { scale: 1, seed: 7, dataDir })).generated.planted;
    const imds = await t!.db.query<{ asset_uid: string }>(`select asset_uid from findings where rule_id = 'aws.ec2.imdsv1-allowed' and status = 'open'`);
    expect(new Set(imds.map((r) => r.asset_uid))).toEqual(new Set(planted.imdsV1Instances));
    const buckets = await t!.db.query<{ asset_uid: string }>(`select asset_uid from findings where rule_id = 'aws.s3.bucket-public' and status = 'open'`);
    expect(new Set(buckets.map((r) => r.asset_uid))).toEqual(new Set(planted.publicBuckets));
  });

  it('mothership demo --no-serve then query count prints n > 500 (the CLI path of the README)', { timeout: 300_000 }, async () => {
    const cliDb = await createTestDb({ dir: join(dir, 'cli-db') });
    // PGlite is single-process: the CLI opens the directory itself.
    if (cliDb.db.backend === 'pglite') await cliDb.db.close();
    try {
      const demo = runCli(['--db', cliDb.location, 'demo', '--no-serve', '--scale', '1', '--data-dir', dataDir, '--seed', '7']);
      expect(demo.status, demo.stderr).toBe(0);
      expect(demo.stdout).toMatch(/^demo: .* assets, .* open findings .* in \d+\.\d+s\n$/);
      const q = runCli(['--db', cliDb.location, 'query', 'select count(*) as n from assets', '--format', 'json']);
      const rows = JSON.parse(q.stdout) as { n: number }[];
      expect(rows[0]!.n).toBeGreaterThan(500);
    } finally {
      if (cliDb.db.backend === 'postgres') await cliDb.drop();
    }
  });
});
