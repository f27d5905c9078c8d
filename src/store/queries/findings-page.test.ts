import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { allFindings, findingsPage, type FindingCursor } from './findings-page.js';
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
