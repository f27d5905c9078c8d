import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from './support/test-db.js';
import { A_IMAGE, A_WEB, B_BASE, B_BUCKET, CANARY, CANARY_STRINGS, seedTenants, type Seeded } from './support/api-seed.js';
import { buildServer } from '../src/server/app.js';
import { DEFAULT_SLA_POLICIES } from '../src/findings/sla.js';

/**
 * The authorization matrix (issue 8, part 5): every route × role, the status its policy gives, and for
 * tenant A's member and viewer, no trace of tenant B in any response body. Positive controls (an analyst
 * sees the canaries through the same requests) keep the test able to fail.
 */
type Role = 'admin' | 'analyst' | 'memberA' | 'viewerA' | 'anonymous';
const ROLES: Role[] = ['admin', 'analyst', 'memberA', 'viewerA', 'anonymous'];
const TENANT_A: Role[] = ['memberA', 'viewerA'];

interface Probe {
  /** The route (method and URL pattern as registered) it exercises. */
  route: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: (s: Seeded) => string;
  body?: string | object | ((s: Seeded) => object);
  contentType?: string;
  policy: 'public' | 'read' | 'write' | 'admin';
  /** Status for an allowed caller, when not 200; per role where it differs. */
  ok?: number | Partial<Record<Role, number>>;
  /** True when an all-tenant caller must see a canary in this response (positive control). */
  adminSeesCanary?: boolean;
}

const TRIVY = readFileSync(new URL('../src/sources/trivy/testdata/image-report.json', import.meta.url));
const sql = (q: string) => ({ sql: q });

const PROBES: Probe[] = [
  { route: 'GET /api/v1/findings', url: () => '/api/v1/findings?limit=500&status=all', policy: 'read', adminSeesCanary: true },
  { route: 'GET /api/v1/findings', url: () => `/api/v1/findings?owner=team-bravo`, policy: 'read', adminSeesCanary: true },
  { route: 'GET /api/v1/findings', url: () => `/api/v1/findings?asset=${encodeURIComponent(A_IMAGE)}`, policy: 'read', adminSeesCanary: true },
  { route: 'GET /api/v1/findings', url: () => '/api/v1/findings?kev=true&severity=critical,high,medium,low,info', policy: 'read', adminSeesCanary: true },
  { route: 'GET /api/v1/findings/export', url: () => '/api/v1/findings/export?format=csv&status=all', policy: 'read', adminSeesCanary: true },
  { route: 'GET /api/v1/findings/export', url: () => '/api/v1/findings/export?format=json', policy: 'read', adminSeesCanary: true },
  { route: 'GET /api/v1/findings/:id', url: (s) => `/api/v1/findings/${s.findings.b[0]}`, policy: 'read', ok: { memberA: 404, viewerA: 404 }, adminSeesCanary: true },
  { route: 'GET /api/v1/findings/:id', url: (s) => `/api/v1/findings/${s.findings.unowned}`, policy: 'read', ok: { memberA: 404, viewerA: 404 }, adminSeesCanary: true },
  { route: 'GET /api/v1/findings/:id', url: (s) => `/api/v1/findings/${s.findings.a[0]}`, policy: 'read' },
  { route: 'GET /api/v1/paths', url: () => '/api/v1/paths?status=all&limit=500', policy: 'read', adminSeesCanary: true },
  // B's path runs through A's web server: asking by that asset must not bring it to tenant A.
  { route: 'GET /api/v1/paths', url: () => `/api/v1/paths?asset=${encodeURIComponent(A_WEB)}`, policy: 'read', adminSeesCanary: true },
  { route: 'GET /api/v1/paths', url: () => `/api/v1/paths?asset=${encodeURIComponent(B_BUCKET)}&status=all`, policy: 'read', adminSeesCanary: true },
  { route: 'GET /api/v1/paths', url: () => '/api/v1/paths?technique=exposed-vulnerable-workload', policy: 'read', adminSeesCanary: true },
  { route: 'GET /api/v1/paths/:id', url: (s) => `/api/v1/paths/${s.paths!.b}`, policy: 'read', ok: { memberA: 404, viewerA: 404 }, adminSeesCanary: true },
  { route: 'GET /api/v1/paths/:id', url: (s) => `/api/v1/paths/${s.paths!.a}`, policy: 'read' },
  // A finding that is not a path is no path: 404 for everyone, like another tenant's path.
  { route: 'GET /api/v1/paths/:id', url: (s) => `/api/v1/paths/${s.findings.b[0]}`, policy: 'read', ok: 404 },
  { route: 'GET /api/v1/assets', url: () => '/api/v1/assets?limit=500&include_gone=true', policy: 'read', adminSeesCanary: true },
  { route: 'GET /api/v1/assets', url: () => `/api/v1/assets?q=${CANARY}`, policy: 'read', adminSeesCanary: true },
  { route: 'GET /api/v1/assets/:uid', url: () => `/api/v1/assets/${encodeURIComponent(A_IMAGE)}`, policy: 'read', adminSeesCanary: true },
  { route: 'GET /api/v1/assets/:uid', url: () => `/api/v1/assets/${encodeURIComponent(B_BASE)}`, policy: 'read', ok: { memberA: 404, viewerA: 404 }, adminSeesCanary: true },
  { route: 'GET /api/v1/owners', url: () => '/api/v1/owners', policy: 'read', adminSeesCanary: true },
  { route: 'GET /api/v1/rules', url: () => '/api/v1/rules', policy: 'read' },
  { route: 'GET /api/v1/posture', url: () => '/api/v1/posture', policy: 'read' },
  { route: 'GET /api/v1/posture/history', url: () => '/api/v1/posture/history?scope=owner:team-alpha', policy: 'read' },
  { route: 'GET /api/v1/posture/history', url: () => '/api/v1/posture/history?scope=owner:team-bravo', policy: 'read', ok: { memberA: 404, viewerA: 404 } },
  { route: 'GET /api/v1/posture/history', url: () => '/api/v1/posture/history?scope=org', policy: 'read', ok: { memberA: 404, viewerA: 404 } },
  { route: 'GET /api/v1/fix-plans', url: () => '/api/v1/fix-plans?limit=500', policy: 'read' },
  { route: 'GET /api/v1/runs', url: () => '/api/v1/runs?limit=500', policy: 'read', adminSeesCanary: true },
  { route: 'POST /api/v1/query', method: 'POST', url: () => '/api/v1/query', body: sql('select * from v_findings'), policy: 'read', adminSeesCanary: true },
  { route: 'POST /api/v1/query', method: 'POST', url: () => '/api/v1/query', body: sql('select * from v_assets'), policy: 'read', adminSeesCanary: true },
  { route: 'POST /api/v1/query', method: 'POST', url: () => '/api/v1/query', body: sql('select * from v_packages'), policy: 'read', adminSeesCanary: true },
  { route: 'POST /api/v1/query', method: 'POST', url: () => '/api/v1/query', body: sql('select owner, count(*) from v_findings group by owner'), policy: 'read', adminSeesCanary: true },
  ...[
    'select * from findings',
    'select * from public.findings',
    'select * from public.v_findings',
    'select title from public.findings union all select title from v_findings',
    'with x as (select * from public.assets) select * from x',
    'select * from v_findings f, lateral (select title from public.findings) x',
    `select query_to_xml('select * from public.findings', true, true, '')`,
    `select (select set_config('role', session_user, false)) as r, query_to_xml('select * from public.findings', true, true, '') as x`,
    `select set_config('search_path', 'public', true) as s, (select count(*) from findings) as n`,
    'select * from v_findings where title::int = 1',
    `select attname, most_common_vals::text, histogram_bounds::text from pg_stats where tablename in ('findings', 'assets', 'packages')`,
    'select * from pg_statistic',
    `select pg_read_file('/proc/self/environ')`,
    'select * from runs',
    'select * from users',
    'select * from packages',
    'select * from relationships',
    'select 1) t; select * from public.findings --',
    'select * from pg_temp.v_findings',
  ].map((q): Probe => ({ route: 'POST /api/v1/query', method: 'POST', url: () => '/api/v1/query', body: sql(q), policy: 'read', ok: -1 })),
  // A cast that fails quotes the value: without security_barrier views, a tenant's WHERE clause could run on
  // other tenants' rows and the error would quote them. An all-tenant caller does see the canary this way.
  { route: 'POST /api/v1/query', method: 'POST', url: () => '/api/v1/query', body: sql(`select * from v_findings where (evidence->>'bucket')::int = 1`),
    policy: 'read', ok: { admin: 400, analyst: 400, memberA: 200, viewerA: 200 }, adminSeesCanary: true },
  { route: 'POST /api/v1/ingest', method: 'POST', url: () => '/api/v1/ingest?filename=image-report.json', body: TRIVY.toString('utf8'), contentType: 'application/octet-stream', policy: 'write' },
  { route: 'POST /api/v1/deployments', method: 'POST', url: () => '/api/v1/deployments', policy: 'write',
    body: { service: 'alpha-api', environment: 'production', image: `registry.example.com/alpha/api@sha256:${'a'.repeat(64)}` } },
  // Triage (docs/triage.md): members write only in their tenant (404 elsewhere); suppressions and SLA policies are the security team's.
  { route: 'POST /api/v1/findings/:id/triage', method: 'POST', url: (s) => `/api/v1/findings/${s.findings.a[0]}/triage`, body: { state: 'acknowledged' }, policy: 'write' },
  { route: 'POST /api/v1/findings/:id/triage', method: 'POST', url: (s) => `/api/v1/findings/${s.findings.b[0]}/triage`, body: { state: 'acknowledged' }, policy: 'write', ok: { memberA: 404 } },
  { route: 'POST /api/v1/findings/:id/triage', method: 'POST', url: (s) => `/api/v1/findings/${s.findings.unowned}/triage`, body: { state: 'in_progress' }, policy: 'write', ok: { memberA: 404 } },
  { route: 'POST /api/v1/findings/triage', method: 'POST', url: () => '/api/v1/findings/triage', body: (s) => ({ ids: [s.findings.a[0], s.findings.b[0]], state: 'in_progress' }), policy: 'write' },
  { route: 'POST /api/v1/findings/:id/comments', method: 'POST', url: (s) => `/api/v1/findings/${s.findings.b[1]}/comments`, body: { text: 'probe' }, policy: 'write', ok: { memberA: 404 } },
  { route: 'POST /api/v1/findings/:id/comments', method: 'POST', url: (s) => `/api/v1/findings/${s.findings.a[1]}/comments`, body: { text: 'probe' }, policy: 'write' },
  { route: 'POST /api/v1/findings/:id/assign', method: 'POST', url: (s) => `/api/v1/findings/${s.findings.b[2]}/assign`, body: { assignee: 'probe' }, policy: 'write', ok: { memberA: 404 } },
  { route: 'GET /api/v1/findings/:id/history', url: (s) => `/api/v1/findings/${s.findings.b[0]}/history`, policy: 'read', ok: { memberA: 404, viewerA: 404 }, adminSeesCanary: true },
  { route: 'GET /api/v1/findings/:id/history', url: (s) => `/api/v1/findings/${s.findings.a[0]}/history`, policy: 'read' },
  { route: 'GET /api/v1/sla', url: () => '/api/v1/sla', policy: 'read', adminSeesCanary: true },
  { route: 'GET /api/v1/sla/policies', url: () => '/api/v1/sla/policies', policy: 'read' },
  { route: 'PUT /api/v1/sla/policies', method: 'PUT', url: () => '/api/v1/sla/policies', body: { policies: DEFAULT_SLA_POLICIES }, policy: 'admin' },
  { route: 'POST /api/v1/suppressions', method: 'POST', url: () => '/api/v1/suppressions', body: { owner: 'team-bravo', rule_id: 'CVE-1999-0001', reason: `${CANARY} probe` },
    policy: 'write', ok: { memberA: 403 }, adminSeesCanary: true },
  { route: 'GET /api/v1/suppressions', url: () => '/api/v1/suppressions', policy: 'read', adminSeesCanary: true },
  { route: 'DELETE /api/v1/suppressions/:id', method: 'DELETE', url: () => '/api/v1/suppressions/999999', policy: 'write', ok: { admin: 404, analyst: 404, memberA: 403 } },
  { route: 'GET /api/openapi.json', url: () => '/api/openapi.json', policy: 'public' },
  { route: 'GET /api/docs', url: () => '/api/docs', policy: 'public' },
  { route: 'GET /api/v1/me', url: () => '/api/v1/me', policy: 'read' },
  { route: 'GET /api/v1/version', url: () => '/api/v1/version', policy: 'public' },
  { route: 'POST /api/v1/auth/login', method: 'POST', url: () => '/api/v1/auth/login', body: { name: 'alice', password: 'not the password' }, policy: 'public', ok: -1 },
  { route: 'GET /', url: () => '/', policy: 'read' },
  { route: 'GET /*', url: () => `/assets/${encodeURIComponent(B_BASE)}`, policy: 'read' },
  { route: 'GET /static/*', url: () => '/static/missing.js', policy: 'public', ok: 404 },
  { route: 'GET /auth/once', url: () => '/auth/once?token=mso_not-a-link', policy: 'public', ok: 401 },
  { route: 'GET /healthz', url: () => '/healthz', policy: 'public' },
  { route: 'GET /login', url: () => '/login', policy: 'public' },
  { route: 'POST /login', method: 'POST', url: () => '/login', body: 'name=alice&password=wrong', contentType: 'application/x-www-form-urlencoded', policy: 'public', ok: -1 },
  // Last: ends the session-less token's... nothing; logout with a bearer token is a no-op that answers 200.
  { route: 'POST /api/v1/auth/logout', method: 'POST', url: () => '/api/v1/auth/logout', policy: 'read' },
  { route: 'POST /logout', method: 'POST', url: () => '/logout', policy: 'read', ok: 303 },
];

let t: TestDb;
let app: FastifyInstance;
let seed: Seeded;

beforeAll(async () => {
  t = await createTestDb();
  seed = await seedTenants(t.db, { paths: true });
  // Statistics make pg_stats hold sample values: the console must not reveal them to a tenant.
  await t.db.exec('analyze');
  app = await buildServer({ db: t.db });
});
afterAll(async () => { await app.close(); await t.drop(); });

function expected(p: Probe, role: Role): number {
  if (p.policy !== 'public' && role === 'anonymous') return 401;
  if (p.policy === 'write' && role === 'viewerA') return 403;
  if (p.policy === 'admin' && role !== 'admin') return 403;
  if (typeof p.ok === 'number') return p.ok;
  return p.ok?.[role] ?? 200;
}

async function call(p: Probe, role: Role) {
  const token = role === 'anonymous' ? undefined : seed.tokens[role];
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (p.contentType) headers['content-type'] = p.contentType;
  const body: string | object | undefined = typeof p.body === 'function' ? (p.body as (s: Seeded) => object)(seed) : p.body;
  return app.inject({ method: p.method ?? 'GET', url: p.url(seed), headers, ...(body === undefined ? {} : { payload: body }) });
}

const leaks = (body: string) => CANARY_STRINGS.filter((c) => body.toLowerCase().includes(c));

describe('authorization matrix', () => {
  it('every registered route is probed', () => {
    const routes = new Set(app.routePolicies.filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`));
    const probed = new Set(PROBES.map((p) => p.route));
    expect([...routes].filter((r) => !probed.has(r))).toEqual([]);
    // And each probe's declared policy is the route's.
    for (const p of PROBES) {
      const [method, url] = p.route.split(' ');
      expect(app.routePolicies.find((r) => r.method === method && r.url === url)?.policy, p.route).toBe(p.policy);
    }
  });

  for (const role of ROLES) {
    it(`${role}: statuses follow the policies${TENANT_A.includes(role) ? '; no trace of tenant B in any response' : ''}`, async () => {
      const problems: string[] = [];
      for (const p of PROBES) {
        const r = await call(p, role);
        const want = expected(p, role);
        const label = `${p.method ?? 'GET'} ${p.url(seed)}${p.body && typeof p.body === 'object' ? ` ${JSON.stringify(p.body)}` : ''}`;
        // -1: any answer but a server error (a tenant's attack on the console is refused as bad SQL or denied;
        // failed logins turn into a lockout).
        if (want === -1 ? r.statusCode >= 500 : r.statusCode !== want) problems.push(`${label}: ${r.statusCode}, expected ${want}: ${r.body.slice(0, 300)}`);
        if (TENANT_A.includes(role)) {
          const found = leaks(r.body + JSON.stringify(r.headers));
          if (found.length) problems.push(`${label}: LEAK ${found.join(', ')}: ${r.body.slice(0, 300)}`);
        }
        if ((role === 'admin' || role === 'analyst') && p.adminSeesCanary && leaks(r.body).length === 0) {
          problems.push(`${label}: positive control: an all-tenant caller should see tenant B`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('tenant A sees exactly its own findings, in lists and in the console', async () => {
    const auth = { authorization: `Bearer ${seed.tokens.memberA}` };
    const list = (await app.inject({ url: '/api/v1/findings?limit=500&status=all', headers: auth })).json<{ items: { id: number }[] }>();
    // The matrix's uploads added team-alpha findings: the store says what tenant A owns.
    const own = (await t.db.query<{ id: number }>(`select id from findings where owner in ('team-alpha', 'team-alpha-web') order by id`)).map((r) => r.id);
    expect(own).toEqual(expect.arrayContaining(seed.findings.a));
    expect(list.items.map((i) => i.id).sort((a, b) => a - b)).toEqual(own);
    const q = await app.inject({ method: 'POST', url: '/api/v1/query', headers: auth, payload: { sql: 'select id from v_findings order by id' } });
    expect(q.json<{ items: { id: number }[] }>().items.map((r) => r.id)).toEqual(own);
  });

  it('paths: a member of tenant A sees only A\'s path (list, ?asset=, ?technique=, detail); analyst and admin see both', async () => {
    const { a, b } = seed.paths!;
    const ids = async (role: Exclude<Role, 'anonymous'>, query: string) => {
      const r = await app.inject({ url: `/api/v1/paths${query}`, headers: { authorization: `Bearer ${seed.tokens[role]}` } });
      expect(r.statusCode, `${role} ${query}`).toBe(200);
      return r.json<{ items: { id: number; nodes: { uid: string }[] }[] }>().items.map((i) => i.id).sort((x, y) => x - y);
    };
    const web = `?asset=${encodeURIComponent(A_WEB)}`;
    for (const role of ['admin', 'analyst'] as const) {
      expect(await ids(role, ''), role).toEqual([a, b]);
      expect(await ids(role, web), role).toEqual([a, b]);
      expect(await ids(role, `?asset=${encodeURIComponent(B_BUCKET)}`), role).toEqual([b]);
      expect(await ids(role, '?technique=exposed-vulnerable-workload'), role).toEqual([b]);
      expect((await app.inject({ url: `/api/v1/paths/${b}`, headers: { authorization: `Bearer ${seed.tokens[role]}` } })).statusCode).toBe(200);
    }
    for (const role of ['memberA', 'viewerA'] as const) {
      expect(await ids(role, ''), role).toEqual([a]);
      expect(await ids(role, web), role).toEqual([a]);
      expect(await ids(role, `?asset=${encodeURIComponent(B_BUCKET)}`), role).toEqual([]);
      expect(await ids(role, '?technique=exposed-vulnerable-workload'), role).toEqual([]);
      expect((await app.inject({ url: `/api/v1/paths/${b}`, headers: { authorization: `Bearer ${seed.tokens[role]}` } })).statusCode).toBe(404);
    }
    // The asset filter is an exact node uid: a prefix of A's server, or an asset on no path, matches nothing.
    expect(await ids('admin', `?asset=${encodeURIComponent(A_WEB.slice(0, -1))}`)).toEqual([]);
    expect(await ids('admin', `?asset=${encodeURIComponent(A_IMAGE)}`)).toEqual([]);
    expect(await ids('admin', `${web}&status=resolved`)).toEqual([]);
  });

  it('a tenant cannot read base tables from the console, and says why', async () => {
    const auth = { authorization: `Bearer ${seed.tokens.memberA}` };
    const denied = await app.inject({ method: 'POST', url: '/api/v1/query', headers: auth, payload: sql('select * from public.findings') });
    expect(denied.statusCode).toBe(400);
    expect(denied.json<{ message: string }>().message).toMatch(/permission denied/);
    const role = await app.inject({ method: 'POST', url: '/api/v1/query', headers: auth, payload: sql(`select set_config('role', session_user, true)`) });
    expect(role.json<{ message: string }>().message).toMatch(/security-definer/);
    // The console leaves nothing behind: an analyst's next query sees the real views.
    const after = await app.inject({ method: 'POST', url: '/api/v1/query', headers: { authorization: `Bearer ${seed.tokens.analyst}` }, payload: sql('select count(*)::int as n from v_findings') });
    const [all] = await t.db.query<{ n: number }>('select count(*)::int as n from findings');
    expect(after.json<{ items: { n: number }[] }>().items[0]!.n).toBe(all!.n);
  });

  it('a viewer cannot POST what changes data; a member\'s upload is owned by its tenant, and no other', async () => {
    const viewer = await app.inject({ method: 'POST', url: '/api/v1/ingest?filename=r.json', headers: { authorization: `Bearer ${seed.tokens.viewerA}`, 'content-type': 'application/octet-stream' }, payload: TRIVY });
    expect(viewer.statusCode).toBe(403);
    const elsewhere = await app.inject({ method: 'POST', url: '/api/v1/ingest?filename=r.json&owner=team-bravo', headers: { authorization: `Bearer ${seed.tokens.memberA}`, 'content-type': 'application/octet-stream' }, payload: TRIVY });
    expect(elsewhere.statusCode).toBe(403);
    const [run] = await t.db.query<{ owner: string }>(`select input->>'owner' as owner from runs where source = 'trivy-json' and input->>'file' like '%image-report.json' order by id desc limit 1`);
    expect(run?.owner).toBe('team-alpha');
  });
});
