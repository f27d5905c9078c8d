import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { allFindings, findingItemsById, findingsPage, type FindingCursor } from './findings-page.js';
import { ALL_TENANTS } from './tenant-scope.js';

const SEV = ['critical', 'high', 'medium', 'low', 'info'];
let t: TestDb;

/** Inserts a vulnerability finding; returns its id. */
async function finding(n: number, risk: number | null, severity: string, advisory: string, properties: object = {}): Promise<number> {
  const [row] = await t.db.query<{ id: number }>(
    `insert into findings (fingerprint, kind, advisory_id, title, severity, risk_score, owner, properties, source, content_hash, first_seen, last_seen)
     values ($1, 'vuln', $2, $3, $4, $5, $6, $7, 'test', 'h', now(), now()) returning id`,
    [`fp-page-${n}`, advisory, `finding ${n}`, severity, risk, n % 2 ? 'team-odd' : 'team-even', properties]);
  return Number(row!.id);
}

beforeAll(async () => {
  t = await createTestDb();
  // Ties on risk and severity, unscored findings and scores at both ends, so the order needs all three keys.
  for (let n = 0; n < 60; n++) await finding(n, n % 7 === 0 ? null : [0, 12.5, 50, 99.99, 100][n % 5]!, SEV[(n * 3) % 5]!, `CVE-2024-${1000 + n}`);
  await t.db.query(`insert into kev (cve_id) values ('CVE-2021-44228'), ('CVE-2023-4863')`);
}, 120_000);
afterAll(async () => { await t.drop(); });

describe('findingsPage', () => {
  it('pages through every finding once, in risk desc nulls last, severity, id order, whatever the page size', async () => {
    const rows = await t.db.query<{ id: number; risk: string | null; severity: string }>(`select id, risk_score as risk, severity from findings`);
    const key = (r: { id: number; risk: string | null; severity: string }) => [r.risk === null ? 1 : 0, -Number(r.risk ?? 0), SEV.indexOf(r.severity), Number(r.id)];
    const expected = rows.sort((a, b) => {
      const ka = key(a); const kb = key(b);
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
      return 0;
    }).map((r) => Number(r.id));
    for (const size of [1, 7, 50]) {
      const seen: number[] = [];
      let cursor: FindingCursor | null = null;
      do {
        const page: Awaited<ReturnType<typeof findingsPage>> = await findingsPage(t.db, ALL_TENANTS, {}, { cursor, limit: size });
        seen.push(...page.items.map((i) => Number(i.id)));
        cursor = page.next;
      } while (cursor);
      expect(seen).toEqual(expected);
    }
    // A single-owner scope reads the same order, restricted to that owner.
    const odd: number[] = [];
    for await (const f of allFindings(t.db, { owners: ['team-odd'] }, {}, 4)) odd.push(Number(f.id));
    const oddIds = new Set((await t.db.query<{ id: number }>(`select id from findings where owner = 'team-odd'`)).map((r) => Number(r.id)));
    expect(odd).toEqual(expected.filter((id) => oddIds.has(id)));
  });

  it('kev: matches the advisory id in any case and CVE aliases, like v_findings', async () => {
    const lower = await finding(100, 40, 'high', 'cve-2021-44228');
    const alias = await finding(101, 30, 'high', 'GHSA-aaaa-bbbb-cccc', { aliases: ['CVE-2023-4863'] });
    await finding(102, 20, 'high', 'GHSA-dddd-eeee-ffff', { aliases: ['CVE-2099-0001'] });
    await finding(103, 10, 'high', 'GHSA-gggg-hhhh-iiii', { aliases: 'CVE-2023-4863' });
    const page = await findingsPage(t.db, ALL_TENANTS, { kev: true }, { limit: 50 });
    expect(page.items.map((i) => Number(i.id))).toEqual([lower, alias]);
    const view = await t.db.query<{ id: number }>(`select id from v_findings where in_kev order by id`);
    expect(view.map((r) => Number(r.id))).toEqual([lower, alias]);
  });
});

describe('findingItemsById', () => {
  it('gives every finding the same item fields as v_findings (sources, last_seen, EPSS, KEV, spread), prepared or not', async () => {
    // Variety the view's expressions distinguish: several sources and scopes, resolved and unverified rows,
    // misconfigurations, EPSS on an alias, KEV with and without ransomware, an advisory shared by assets.
    const ransomware = await finding(200, 70, 'critical', 'CVE-2024-7000', { aliases: ['CVE-2021-44228', 'not-a-cve'] });
    const shared = [await finding(201, 60, 'high', 'CVE-2024-7001'), await finding(202, 60, 'high', 'CVE-2024-7001')];
    const gone = await finding(203, 50, 'medium', 'CVE-2024-7001');
    const unverified = await finding(204, 40, 'low', 'GHSA-zzzz-yyyy-xxxx', { aliases: ['cve-2024-7002'] });
    const [config] = await t.db.query<{ id: number }>(`insert into findings (fingerprint, kind, rule_id, title, severity, owner, source, content_hash, first_seen, last_seen)
      values ('fp-config', 'config', 'KSV001', 'root', 'high', 'team-odd', 'test', 'h', now() - interval '2 days', now() - interval '2 days') returning id`);
    await t.db.query(`update findings set asset_uid = 'asset-' || id`);
    await t.db.query(`update findings set status = 'resolved', resolved_at = now() where id = $1`, [gone]);
    await t.db.query(`update findings set unverified = true where id = $1`, [unverified]);
    await t.db.query(`update kev set known_ransomware = true where cve_id = 'CVE-2021-44228'`);
    await t.db.query(`insert into kev (cve_id, known_ransomware) values ('CVE-2024-7000', false)`);
    await t.db.query(`insert into epss (cve_id, score, percentile, scored_on) values ('CVE-2021-44228', 0.9, 0.99, current_date),
      ('CVE-2024-7000', 0.2, 0.5, current_date), ('CVE-2024-7002', 0.3, 0.6, current_date)`);
    const linked = [ransomware, ...shared, gone, unverified, Number(config!.id)];
    for (const [i, id] of linked.entries()) {
      await t.db.query(`insert into finding_sources (finding_id, source, scope, original_id, first_seen) values ($1, 'trivy', $2, null, now()), ($1, 'grype', 'img', null, now())`,
        [id, `scope-${i % 2}`]);
    }
    await t.db.query(`insert into scope_state (source, scope, last_run_id, last_coverage, last_attempt_at) values
      ('trivy', 'scope-0', 1, 'complete', now() + interval '1 hour'), ('trivy', 'scope-1', 1, 'complete', now() - interval '1 day'),
      ('grype', 'img', 1, 'partial', now() + interval '2 hours')`);

    const ids = (await t.db.query<{ id: number }>('select id from findings order by id')).map((r) => Number(r.id));
    const view = await t.db.query(`select id, fingerprint, kind, rule_id, advisory_id, title, severity, risk_score, status, triage,
      asset_uid, package_purl, owner, evidence, sources, unverified, first_seen, last_seen, resolved_at,
      case when epss_score is not null then json_build_object('score', epss_score, 'percentile', epss_percentile) end as epss,
      case when in_kev then json_build_object('ransomware', kev_ransomware) end as kev,
      case when spread_assets is not null then json_build_object('assets', spread_assets, 'owners', spread_owners) end as spread
      from v_findings order by id`);
    const byId = (rows: object[]) => [...rows].sort((a, b) => Number((a as { id: number }).id) - Number((b as { id: number }).id));
    const prepared = await findingItemsById(t.db, ids);
    expect(byId(prepared)).toEqual(view);
    // Again through the prepared statement (a second call reuses it) and through plain query().
    expect(byId(await findingItemsById(t.db, ids))).toEqual(view);
    expect(byId(await findingItemsById({ ...t.db, queryNamed: undefined }, ids))).toEqual(view);
    // The cases meant to be covered are there.
    const got = new Map(prepared.map((r) => [Number(r.id), r]));
    expect(got.get(ransomware)).toMatchObject({ kev: { ransomware: true }, epss: { score: 0.9 }, sources: ['grype', 'trivy'] });
    expect(got.get(shared[0]!)?.spread).toEqual({ assets: 2, owners: 2 });
    expect(got.get(unverified)?.epss).toEqual({ score: 0.3, percentile: 0.6 });
    expect(got.get(Number(config!.id))).toMatchObject({ epss: null, kev: null, spread: null });
  });
});
