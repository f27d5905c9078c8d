import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { type TestDb } from '../../../test/support/test-db.js';
import { type Seeded } from '../../../test/support/api-seed.js';
import { startSeededApi, stopSeededApi } from '../../../test/support/seeded-api.js';

let t: TestDb;
let app: FastifyInstance;
let seed: Seeded;

beforeAll(async () => { ({ t, app, seed } = await startSeededApi()); });
afterAll(() => stopSeededApi({ t, app }));

const query = (body: object, token = seed.tokens.analyst) =>
  app.inject({ method: 'POST', url: '/api/v1/query', headers: { authorization: `Bearer ${token}` }, payload: body });

describe('POST /api/v1/query', () => {
  it('returns columns and rows, JSON-typed; a trailing semicolon and comment are fine', async () => {
    const r = await query({ sql: `select 1::bigint as n, 'x' as s, '{"a":1}'::jsonb as j, null as z; -- done` });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ columns: ['n', 's', 'j', 'z'], items: [{ n: 1, s: 'x', j: { a: 1 }, z: null }], truncated: false });
  });

  it('caps rows at the limit and says so', async () => {
    const r = (await query({ sql: 'select g from generate_series(1, 50) g', limit: 10 })).json<{ items: unknown[]; truncated: boolean }>();
    expect(r.items).toHaveLength(10);
    expect(r.truncated).toBe(true);
    expect((await query({ sql: 'select 1', limit: 100_000 })).statusCode).toBe(400);
  });

  it('is read-only for everyone, and bad SQL is a 400 naming the problem', async () => {
    const write = await query({ sql: `select set_config('transaction_read_only', 'off', true)` });
    expect(write.statusCode).toBe(400);
    expect((await query({ sql: 'delete from findings' })).statusCode).toBe(400);
    expect((await query({ sql: 'delete from findings' }, seed.tokens.memberA)).statusCode).toBe(400);
    const [n] = await t.db.query<{ n: number }>('select count(*)::int as n from findings');
    expect(n!.n).toBeGreaterThan(0);
    expect((await query({ sql: 'selec 1' })).json<{ message: string }>().message).toMatch(/^query: syntax error/);
    expect((await query({ sql: '  ; ' })).statusCode).toBe(400);
  });

  it('a tenant sees its views and nothing else; an analyst sees everything afterwards', async () => {
    const mine = (await query({ sql: 'select distinct owner from v_findings order by 1' }, seed.tokens.viewerA)).json<{ items: { owner: string }[] }>();
    expect(mine.items.map((r) => r.owner)).toEqual(['team-alpha', 'team-alpha-web']);
    const pk = (await query({ sql: 'select name from v_packages' }, seed.tokens.memberA)).json<{ items: { name: string }[] }>();
    expect(pk.items.map((r) => r.name)).toEqual(['lodash']);
    const denied = await query({ sql: 'select * from public.findings' }, seed.tokens.memberA);
    expect(denied.json<{ message: string }>().message).toMatch(/permission denied for table findings/);
    const all = (await query({ sql: 'select count(distinct owner)::int as n from v_findings' })).json<{ items: { n: number }[] }>();
    expect(all.items[0]!.n).toBe(3);
  });

  it('applies the statement timeout where the backend can interrupt', async () => {
    const r = await query({ sql: 'select pg_sleep(2)', timeout_ms: 50 }, seed.tokens.memberA);
    if (t.db.backend === 'postgres') expect(r.json<{ message: string }>().message).toMatch(/statement timeout/);
    else expect(r.statusCode).toBe(200); // PGlite runs on this thread and cannot be interrupted (pglite-driver.ts).
  });
});
