import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { buildServer } from '../app.js';
import { addUser, createToken } from '../auth/accounts.js';

const dir = mkdtempSync(join(tmpdir(), 'ms-web-'));
const INDEX = '<!doctype html><html><head><script type="module" src="/static/index-abc123.js"></script></head><body><div id="root"></div></body></html>';
let t: TestDb;
let app: FastifyInstance;
let auth: { authorization: string };

beforeAll(async () => {
  mkdirSync(join(dir, 'static'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'static', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not served');
  t = await createTestDb();
  app = await buildServer({ db: t.db, webDir: dir });
  await addUser(t.db, { name: 'ana', role: 'analyst' });
  auth = { authorization: `Bearer ${await createToken(t.db, { user: 'ana' })}` };
});
afterAll(async () => {
  await app.close();
  await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the dashboard\'s files', () => {
  it('serves index.html for every page path, with the strict CSP and no caching', async () => {
    for (const url of ['/', '/alerts', `/assets/${encodeURIComponent('arn:aws:s3:::b')}`, '/findings/12?x=1']) {
      const r = await app.inject({ url, headers: auth });
      expect(r.statusCode, url).toBe(200);
      expect(r.body).toBe(INDEX);
      expect(r.headers['content-type']).toMatch(/^text\/html/);
      expect(r.headers['cache-control']).toBe('no-cache');
      const csp = String(r.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/unsafe-eval/);
      expect(csp).toContain("object-src 'none'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('sends a browser without a session to the login form; API paths stay JSON', async () => {
    const page = await app.inject({ url: '/alerts', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login');
    const api = await app.inject({ url: '/api/v1/no-such-thing', headers: auth });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: 'NOT_FOUND' });
  });

  it('hashed files are public and cached for a year; nothing outside static/ is reachable', async () => {
    const js = await app.inject({ url: '/static/index-abc123.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/static/missing.js', '/static/..%2fsecret.txt', '/static/../secret.txt', '/static/%2e%2e/secret.txt', '/static/']) {
      const r = await app.inject({ url });
      expect(r.statusCode, url).not.toBe(200);
      expect(r.body).not.toContain('not served');
    }
  });
});
