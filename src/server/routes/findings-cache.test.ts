import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { CANARY, seedTenants, type Seeded } from '../../../test/support/api-seed.js';
import type { Db } from '../../store/db.js';
import { trackWrites } from '../../store/data-version.js';
import { buildServer } from '../app.js';

let t: TestDb;
let app: FastifyInstance;
let seed: Seeded;
/** Key queries of the findings list the server ran (one per page actually read from the store). */
let pageReads = 0;

beforeAll(async () => {
  t = await createTestDb();
  seed = await seedTenants(t.db);
  const counted: Db = trackWrites({ ...t.db, query: (sql, params) => {
    if (/^select id, risk_score as risk/.test(sql.trim())) pageReads++;
    return t.db.query(sql, params);
  } });
  app = await buildServer({ db: counted });
});
afterAll(async () => { await app.close(); await t.drop(); });

interface Page { items: { id: number; owner: string | null; title: string }[]; next_cursor: string | null }
const get = (url: string, token: string) => app.inject({ url, headers: { authorization: `Bearer ${token}` } }).then((r) => {
  expect(r.statusCode).toBe(200);
  return r.json<Page>();
});

describe('findings page cache', () => {
  it('identical concurrent requests share one read; another tenant asking the same URL never gets it', async () => {
    const url = '/api/v1/findings?limit=20&severity=critical,high,medium,low,info';
    // A token's first use records last_used_at, a write that outdates every cached read: done before counting.
    for (const token of [seed.tokens.memberA, seed.tokens.memberB, seed.tokens.analyst]) await get('/api/v1/findings?limit=1', token);
    pageReads = 0;
    const [a, b] = await Promise.all([
      Promise.all(Array.from({ length: 8 }, () => get(url, seed.tokens.memberA))),
      Promise.all(Array.from({ length: 8 }, () => get(url, seed.tokens.memberB))),
    ]);
    expect(pageReads).toBe(2);
    for (const p of a) expect(p).toEqual(a[0]);
    for (const p of b) expect(p).toEqual(b[0]);
    expect(a[0]!.items.length).toBeGreaterThan(0);
    expect(b[0]!.items.length).toBeGreaterThan(0);
    expect(a[0]!.items.every((i) => i.owner === 'team-alpha' || i.owner === 'team-alpha-web')).toBe(true);
    expect(JSON.stringify(a[0])).not.toContain(CANARY);
    expect(b[0]!.items.every((i) => i.owner === 'team-bravo')).toBe(true);
    // The analyst's page differs again (every tenant and unowned rows): its own entry.
    const all = await get(url, seed.tokens.analyst);
    expect(all.items.length).toBeGreaterThan(a[0]!.items.length);
    expect(pageReads).toBe(3);
  });

  it('a write in this process is seen by the next request: changed text, and a finding moved to another tenant', async () => {
    const url = '/api/v1/findings?limit=50';
    const id = seed.findings.a[1]!;
    const first = await get(url, seed.tokens.memberA);
    expect(first.items.map((i) => i.id)).toContain(id);
    const reads = pageReads;
    expect(await get(url, seed.tokens.memberA)).toEqual(first);
    expect(pageReads).toBe(reads);

    await t.db.query(`update findings set title = 'retitled' where id = $1`, [id]);
    const retitled = await get(url, seed.tokens.memberA);
    expect(retitled.items.find((i) => i.id === id)?.title).toBe('retitled');

    await t.db.transaction((tx) => tx.query(`update findings set owner = 'team-bravo' where id = $1`, [id]));
    expect((await get(url, seed.tokens.memberA)).items.map((i) => i.id)).not.toContain(id);
    expect((await get(url, seed.tokens.memberB)).items.map((i) => i.id)).toContain(id);
    await t.db.query(`update findings set owner = 'team-alpha-web' where id = $1`, [id]);
    expect((await get(url, seed.tokens.memberA)).items.map((i) => i.id)).toContain(id);
  });

  it('a tenant whose owners change sees the change at once (the tenant scope is not kept past a write)', async () => {
    const url = '/api/v1/findings?limit=50';
    const before = await get(url, seed.tokens.memberA);
    expect(before.items.some((i) => i.owner === 'team-bravo')).toBe(false);
    await t.db.query(`update owners set tenant_id = 'team-alpha' where id = 'team-bravo'`);
    try {
      expect((await get(url, seed.tokens.memberA)).items.some((i) => i.owner === 'team-bravo')).toBe(true);
    } finally {
      await t.db.query(`update owners set tenant_id = 'team-bravo' where id = 'team-bravo'`);
    }
    expect((await get(url, seed.tokens.memberA)).items.some((i) => i.owner === 'team-bravo')).toBe(false);
  });
});
