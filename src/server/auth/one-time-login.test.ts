import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { buildServer } from '../app.js';
import { addUser, createToken } from './accounts.js';
import { createOneTimeLogin, ONE_TIME_LOGIN_TTL_MS } from './one-time-login.js';
import { sha256 } from './secrets.js';

let t: TestDb;
let app: FastifyInstance;

beforeAll(async () => {
  t = await createTestDb();
  app = await buildServer({ db: t.db });
  await addUser(t.db, { name: 'admin', role: 'admin' });
  await addUser(t.db, { name: 'gone', role: 'analyst' });
});
afterAll(async () => { await app.close(); await t.drop(); });

const spend = (token: string) => app.inject({ url: `/auth/once?token=${encodeURIComponent(token)}` });

describe('one-time login links', () => {
  it('log in once: a session cookie and a redirect to the dashboard; the second use is refused', async () => {
    const token = await createOneTimeLogin(t.db, 'admin');
    const first = await spend(token);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(first.headers['cache-control']).toBe('no-store');
    const cookie = first.cookies.find((c) => c.name === 'ms_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const me = await app.inject({ url: '/api/v1/me', cookies: { ms_session: cookie!.value } });
    expect(me.json()).toMatchObject({ name: 'admin', role: 'admin', via: 'session' });

    const again = await spend(token);
    expect(again.statusCode).toBe(401);
    expect(again.cookies.find((c) => c.name === 'ms_session')).toBeUndefined();
  });

  it('is stored hashed, and expires', async () => {
    const token = await createOneTimeLogin(t.db, 'admin', new Date(Date.now() - ONE_TIME_LOGIN_TTL_MS - 1000));
    const rows = await t.db.query<{ token_hash: string }>('select token_hash from tokens where token_hash = $1', [sha256(token)]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(await t.db.query('select * from tokens'))).not.toContain(token);
    expect((await spend(token)).statusCode).toBe(401);
  });

  it('is no bearer token, and a bearer token is no link; a disabled user\'s link is refused', async () => {
    const link = await createOneTimeLogin(t.db, 'admin');
    expect((await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${link}` } })).statusCode).toBe(401);
    const api = await createToken(t.db, { user: 'admin' });
    expect((await spend(api)).statusCode).toBe(401);
    expect((await spend('')).statusCode).toBe(401);
    const gone = await createOneTimeLogin(t.db, 'gone');
    await t.db.query(`update users set disabled_at = now() where name = 'gone'`);
    expect((await spend(gone)).statusCode).toBe(401);
    // The unspent admin link still works: refusals above did not consume it.
    expect((await spend(link)).statusCode).toBe(303);
  });

  it('is refused for an unknown user', async () => {
    await expect(createOneTimeLogin(t.db, 'nobody')).rejects.toThrow(/no active user/);
  });
});
