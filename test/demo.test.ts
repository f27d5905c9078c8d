import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from './support/test-db.js';
import { runCli } from './support/cli.js';
import { runDemo } from '../src/pipeline/demo.js';
import type { GeneratedOrg } from '../src/demo/generator/index.js';

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

  it('the rules find exactly what the generator planted, rule by rule', { timeout: 300_000 }, async () => {
    const planted = (await runDemo(t!.db, { scale: 1, seed: 7, dataDir })).generated.planted;
    const rows = await t!.db.query<{ rule_id: string; uids: string[] }>(
      `select f.rule_id, array_agg(distinct f.asset_uid order by f.asset_uid) as uids
       from findings f
       where f.status = 'open' and exists (select 1 from finding_sources s where s.finding_id = f.id and s.source = 'engine:rules')
       group by f.rule_id`);
    const found = new Map(rows.map((r) => [r.rule_id, r.uids]));
    // Every rule that fired or was planted: what it flagged that was not planted, and what it missed.
    const mismatches: Record<string, { unplanted: string[]; missed: string[] }> = {};
    for (const id of new Set([...found.keys(), ...Object.keys(planted.rules)])) {
      const got = new Set(found.get(id) ?? []);
      const want = new Set(planted.rules[id] ?? []);
      const unplanted = [...got].filter((u) => !want.has(u));
      const missed = [...want].filter((u) => !got.has(u));
      if (unplanted.length || missed.length) mismatches[id] = { unplanted, missed };
    }
    expect(mismatches).toEqual({});
    expect(Object.keys(planted.rules).length).toBeGreaterThanOrEqual(3);
    expect(planted.rules['aws.ec2.imdsv1-allowed']).toEqual([...planted.imdsV1Instances].sort());
    expect(planted.rules['aws.s3.bucket-public']).toEqual([...planted.publicBuckets].sort());
  });

  it('our matcher finds the OSV advisories: inherited ones owned by the platform team, the rest by product teams', { timeout: 60_000 }, async () => {
    const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as GeneratedOrg;
    const expected = manifest.intel.vulnerabilities;
    // Both kinds, both origins (repeated in the Trivy reports, or published after the scans), and rebuild fixes.
    expect(expected.filter((e) => e.inherited && e.fresh).length).toBeGreaterThan(0);
    expect(expected.filter((e) => e.inherited && !e.fresh).length).toBeGreaterThan(0);
    expect(expected.filter((e) => !e.inherited).length).toBeGreaterThan(0);
    expect(expected.filter((e) => e.rebuildOn).length).toBeGreaterThan(0);
    expect(expected.every((e) => !e.inherited || e.owner === 'platform')).toBe(true);
    expect(expected.some((e) => !e.inherited && e.owner !== 'platform')).toBe(true);

    const rows = await t!.db.query<{
      image: string; pkg: string; advisory_id: string; owner: string | null; owner_reason: string | null; remediation: string | null;
      inherited: { baseOwner: string } | null; sources: string[]; assigned: boolean;
    }>(`select a.name as image, f.properties->>'packageName' as pkg, f.advisory_id, f.owner, f.owner_reason, f.remediation,
          f.properties->'inherited' as inherited, v.sources,
          exists (select 1 from finding_events e where e.finding_id = f.id and e.type = 'assigned' and e.details->>'source' = 'engine:vulns') as assigned
        from findings f join v_findings v on v.id = f.id join assets a on a.uid = f.asset_uid
        where f.kind = 'vuln' and f.status = 'open' and f.advisory_id = any($1::text[]) and 'engine:vulns' = any(v.sources)`,
    [[...new Set(expected.map((e) => e.advisory))]]);
    const byKey = new Map(rows.map((r) => [`${r.image} ${r.pkg} ${r.advisory_id}`, r]));
    for (const e of expected) {
      const f = byKey.get(`${e.image} ${e.package} ${e.advisory}`);
      const what = `${e.advisory} in ${e.package} on ${e.image}`;
      expect(f, what).toBeDefined();
      expect(f!.owner, what).toBe(e.owner);
      // Repeated advisories merge with Trivy's finding (whose content it keeps); fresh ones are the matcher's alone.
      expect(f!.sources, what).toEqual(e.fresh ? ['engine:vulns'] : ['engine:vulns', 'trivy-json']);
      if (!e.inherited) {
        expect(f!.inherited, what).toBeNull();
        continue;
      }
      if (e.fresh) {
        expect(f!.inherited?.baseOwner, what).toBe('platform');
        if (e.rebuildOn) expect(f!.remediation, what).toBe(`Rebuild on base image ${e.rebuildOn}: it fixes ${e.advisory}`);
        else expect(f!.remediation, what).not.toMatch(/^Rebuild on base image/);
      } else if (e.owner !== manifest.trivyReports.find((r) => r.image === e.image)?.owner) {
        // Trivy created it with the product team as owner; the matcher's attribution moved it.
        expect(f!.owner_reason, what).toBe('source');
        expect(f!.assigned, what).toBe(true);
      }
    }
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
