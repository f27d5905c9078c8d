import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { buildServer } from '../app.js';
import { addUser, createToken, ensureInitialAdmin, LOGIN_MAX_FAILURES } from './accounts.js';
import { allows, type Principal } from './principal.js';

let t: TestDb;
let app: FastifyInstance;
const PW = 'correct horse battery';

beforeAll(async () => {
  t = await createTestDb();
  app = await buildServer({ db: t.db });
  await addUser(t.db, { name: 'ana', role: 'analyst', password: PW });
  await addUser(t.db, { name: 'pay', role: 'member', tenant: 'team-payments', password: PW });
  await addUser(t.db, { name: 'robot', role: 'viewer', tenant: 'team-payments' });
});
afterAll(async () => { await app.close(); await t.drop(); });

const cookieOf = (r: LightMyRequestResponse) => r.cookies.find((c) => c.name === 'ms_session');

async function login(name: string, password: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { name, password } });
}

describe('routes', () => {
  it('every route declares a policy, and one without cannot be registered', async () => {
    expect(app.routePolicies.length).toBeGreaterThan(5);
    expect(app.routePolicies.filter((r) => !r.policy)).toEqual([]);
    const other = await buildServer({ db: t.db });
    expect(() => other.get('/api/v1/unguarded', () => ({}))).toThrow(/declares no policy/);
    await other.close();
  });

  it('data routes refuse anonymous requests; a browser is sent to the login page', async () => {
    expect((await app.inject({ url: '/api/v1/me' })).statusCode).toBe(401);
    const page = await app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login');
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('a login sets an HttpOnly SameSite cookie; state changes need the CSRF token; logout ends the session', async () => {
    const r = await login('ana', PW);
    expect(r.statusCode).toBe(200);
    const c = cookieOf(r)!;
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const { csrf_token: csrf } = r.json<{ csrf_token: string }>();
    const me = await app.inject({ url: '/api/v1/me', cookies: { ms_session: c.value } });
    expect(me.json()).toMatchObject({ name: 'ana', role: 'analyst', tenant: null, via: 'session' });

    const noCsrf = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { ms_session: c.value } });
    expect(noCsrf.statusCode).toBe(403);
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { ms_session: c.value }, headers: { 'x-csrf-token': csrf } });
    expect(out.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/me', cookies: { ms_session: c.value } })).statusCode).toBe(401);
  });

  it('an old session is rotated: new cookie, the old id no longer works', async () => {
    const c = cookieOf(await login('pay', PW))!;
    await t.db.query(`update sessions set created_at = created_at - interval '1 hour'`);
    const r = await app.inject({ url: '/api/v1/me', cookies: { ms_session: c.value } });
    expect(r.statusCode).toBe(200);
    const next = cookieOf(r);
    expect(next?.value).toBeTruthy();
    expect(next?.value).not.toBe(c.value);
    expect((await app.inject({ url: '/api/v1/me', cookies: { ms_session: c.value } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/me', cookies: { ms_session: next!.value } })).json()).toMatchObject({ name: 'pay', tenant: 'team-payments' });
  });

  it('repeated failures lock the name, even for the right password; unknown names look the same', async () => {
    await addUser(t.db, { name: 'victim', role: 'analyst', password: PW });
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) expect((await login('victim', 'wrong password!!')).statusCode).toBe(401);
    const locked = await login('victim', PW);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login('nobody', PW)).json()).toEqual((await login('ana', 'wrong password!!')).json());
    // The HTML form answers the same way, escaped.
    const form = await app.inject({ method: 'POST', url: '/login', payload: 'name=%3Cscript%3E&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.statusCode).toBe(401);
    expect(form.body).not.toContain('<script>');
  });

  it('the login form logs in and redirects; a prototype key in the form is harmless', async () => {
    const r = await app.inject({ method: 'POST', url: '/login', payload: `name=ana&password=${encodeURIComponent(PW)}&__proto__=x`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe('/');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    const page = await app.inject({ url: '/', cookies: { ms_session: cookieOf(r)!.value } });
    expect(page.statusCode).toBe(200);
  });
});

describe('tokens', () => {
  it('a token is shown once, stored hashed, acts as its user; revoked or unknown tokens are refused', async () => {
    const token = await createToken(t.db, { user: 'robot', name: 'ci' });
    expect(token).toMatch(/^mst_/);
    expect(await t.db.query('select 1 from tokens where token_hash = $1', [token])).toEqual([]);
    const me = await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json()).toMatchObject({ name: 'robot', role: 'viewer', tenant: 'team-payments', via: 'token' });
    // A bad token never falls back to a cookie.
    expect((await app.inject({ url: '/api/v1/me', headers: { authorization: 'Bearer mst_nope' } })).statusCode).toBe(401);
    await t.db.query('update tokens set revoked_at = now()');
    expect((await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
  });

  it('a token cannot be stronger than its user nor leave its user\'s tenant', async () => {
    await expect(createToken(t.db, { user: 'pay', role: 'admin' })).rejects.toThrow(/cannot act as admin/);
    await expect(createToken(t.db, { user: 'pay', tenant: 'team-other' })).rejects.toThrow(/confined to tenant team-payments/);
    const narrowed = await createToken(t.db, { user: 'ana', role: 'viewer', tenant: 'team-payments' });
    expect((await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${narrowed}` } })).json())
      .toMatchObject({ role: 'viewer', tenant: 'team-payments' });
  });

  it('users are validated; the first admin is created once', async () => {
    await expect(addUser(t.db, { name: 'm', role: 'member' })).rejects.toThrow(/member belongs to a tenant/);
    await expect(addUser(t.db, { name: 'x y', role: 'analyst' })).rejects.toThrow(/user name/);
    await expect(addUser(t.db, { name: 'short', role: 'analyst', password: 'abc' })).rejects.toThrow(/at least 12/);
    await expect(addUser(t.db, { name: 'ana', role: 'analyst' })).rejects.toThrow(/already exists/);
    expect(await ensureInitialAdmin(t.db)).toBeNull();
  });
});

describe('policies', () => {
  const p = (role: Principal['role']): Principal => ({ userId: 1, name: 'x', role, tenant: null, via: 'token' });
  it('viewers read, members and analysts write, only admins administer', () => {
    expect(['admin', 'analyst', 'member', 'viewer'].map((r) => [allows('read', p(r as Principal['role'])), allows('write', p(r as Principal['role'])), allows('admin', p(r as Principal['role']))]))
      .toEqual([[true, true, true], [true, true, false], [true, true, false], [true, false, false]]);
    expect(allows('public', null)).toBe(true);
    expect(allows('read', null)).toBe(false);
  });
});
