import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import type { Db } from '../../store/db.js';
import { trackWrites } from '../../store/data-version.js';
import { buildServer } from '../app.js';
import { addUser, createToken } from './accounts.js';
import { clearPrincipalCache } from './principal-cache.js';

const PW = 'correct horse battery';
let t: TestDb;
let app: FastifyInstance;
/** Statements that look a principal up (token or session), as the server ran them. */
let lookups = 0;

/** The test store, with a count of principal lookups; writes still counted for the caches (trackWrites). */
function counting(db: Db): Db {
  return trackWrites({ ...db, query: (sql, params) => {
    if (/from (tokens t|sessions s) join users/.test(sql)) lookups++;
    return db.query(sql, params);
  } });
}

beforeAll(async () => {
  t = await createTestDb();
  app = await buildServer({ db: counting(t.db) });
  await addUser(t.db, { name: 'ana', role: 'analyst', password: PW });
  await addUser(t.db, { name: 'pay', role: 'member', tenant: 'team-payments', password: PW });
});
afterAll(async () => { await app.close(); await t.drop(); });
beforeEach(() => { clearPrincipalCache(); lookups = 0; });

const me = (headers: Record<string, string>, cookies?: Record<string, string>) => app.inject({ url: '/api/v1/me', headers, cookies });

describe('principal cache', () => {
  it('looks a token up once for a burst of requests, and a revoked token stops working at once', async () => {
    const token = await createToken(t.db, { user: 'ana' });
    const auth = { authorization: `Bearer ${token}` };
    const burst = await Promise.all(Array.from({ length: 10 }, () => me(auth)));
    expect(burst.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(lookups).toBe(1);
    // That lookup wrote last_used_at, a write, which outdates what was read before it: one more lookup,
    // then the answer is reused.
    for (let i = 0; i < 5; i++) expect((await me(auth)).statusCode).toBe(200);
    expect(lookups).toBe(2);

    await t.db.query('update tokens set revoked_at = now() where user_id = (select id from users where name = $1)', ['ana']);
    expect((await me(auth)).statusCode).toBe(401);
  });

  it('a disabled user is refused at once, by token and by session', async () => {
    const token = await createToken(t.db, { user: 'pay' });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { name: 'pay', password: PW } });
    const cookie = login.cookies.find((c) => c.name === 'ms_session')!.value;
    expect((await me({ authorization: `Bearer ${token}` })).statusCode).toBe(200);
    expect((await me({}, { ms_session: cookie })).statusCode).toBe(200);
    expect((await me({}, { ms_session: cookie })).statusCode).toBe(200);

    await t.db.query(`update users set disabled_at = now() where name = 'pay'`);
    expect((await me({ authorization: `Bearer ${token}` })).statusCode).toBe(401);
    expect((await me({}, { ms_session: cookie })).statusCode).toBe(401);
    await t.db.query(`update users set disabled_at = null where name = 'pay'`);
  });

  it('logout ends a session that was just served from the cache; an expired token is refused even if cached', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { name: 'ana', password: PW } });
    const cookie = login.cookies.find((c) => c.name === 'ms_session')!.value;
    const csrf = login.json<{ csrf_token: string }>().csrf_token;
    expect((await me({}, { ms_session: cookie })).statusCode).toBe(200);
    const cached = lookups;
    expect((await me({}, { ms_session: cookie })).statusCode).toBe(200);
    expect(lookups).toBe(cached);
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { ms_session: cookie }, headers: { 'x-csrf-token': csrf } });
    expect(out.statusCode).toBe(200);
    expect((await me({}, { ms_session: cookie })).statusCode).toBe(401);

    const short = await createToken(t.db, { user: 'ana', expiresAt: new Date(Date.now() + 1_500) });
    expect((await me({ authorization: `Bearer ${short}` })).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 1_600));
    expect((await me({ authorization: `Bearer ${short}` })).statusCode).toBe(401);
  });

  it('an unknown token is refused every time and not remembered as valid', async () => {
    for (let i = 0; i < 3; i++) expect((await me({ authorization: 'Bearer mst_not-a-real-token' })).statusCode).toBe(401);
    expect(lookups).toBe(3);
  });
});
