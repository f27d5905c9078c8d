import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { TestDb } from '../../../test/support/test-db.js';
import { CANARY, type Seeded } from '../../../test/support/api-seed.js';
import { startSeededApi, stopSeededApi } from '../../../test/support/seeded-api.js';
import { addUser } from '../auth/accounts.js';

/** Triage, SLA and suppression routes through the real server with real tokens and a real session. */
let t: TestDb;
let app: FastifyInstance;
let seed: Seeded;

beforeAll(async () => { ({ t, app, seed } = await startSeededApi()); });
afterAll(() => stopSeededApi({ t, app }));

type Who = keyof Seeded['tokens'];
const get = (url: string, who: Who = 'analyst') => app.inject({ url, headers: { authorization: `Bearer ${seed.tokens[who]}` } });
const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, body: object | undefined, who: Who = 'analyst') =>
  app.inject({ method, url, headers: { authorization: `Bearer ${seed.tokens[who]}` }, ...(body ? { payload: body } : {}) });
const post = (url: string, body: object, who: Who = 'analyst') => send('POST', url, body, who);
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

interface History { items: { type: string; actor: string | null; details: Record<string, unknown> }[]; triage: Record<string, unknown> }

describe('POST /api/v1/findings/:id/triage', () => {
  it('changes the state, records who and why in the history; the same change again is a no-op', async () => {
    const id = seed.findings.a[1];
    const r = await post(`/api/v1/findings/${id}/triage`, { state: 'in_progress', reason: 'patch scheduled' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ id, changed: true, triage: { state: 'in_progress', reason: 'patch scheduled', by: 'ana', status: 'open' } });
    expect((await post(`/api/v1/findings/${id}/triage`, { state: 'in_progress', reason: 'patch scheduled' })).json()).toMatchObject({ changed: false });
    const h = (await get(`/api/v1/findings/${id}/history`)).json<History>();
    expect(h.items.filter((e) => e.type === 'triaged')).toEqual([
      expect.objectContaining({ actor: 'ana', details: { from: 'none', to: 'in_progress', reason: 'patch scheduled' } })]);
    // The list shows the state too.
    const list = (await get(`/api/v1/findings?owner=team-alpha-web&limit=500`)).json<{ items: { id: number; triage: string }[] }>();
    expect(list.items.find((i) => i.id === id)?.triage).toBe('in_progress');
  });

  it('refuses detection states, unknown states and incomplete acceptances with the reason', async () => {
    const url = `/api/v1/findings/${seed.findings.a[2]}/triage`;
    expect((await post(url, { state: 'resolved' })).json<{ message: string }>().message).toMatch(/detection state kept by scans/);
    expect((await post(url, { state: 'suppressed' })).statusCode).toBe(400);
    expect((await post(url, { state: 'later' })).statusCode).toBe(400);
    expect((await post(url, { state: 'risk_accepted', reason: 'ok' })).json<{ message: string }>().message).toMatch(/needs expires_at/);
    expect((await post(url, { state: 'risk_accepted', expires_at: inDays(10) })).json<{ message: string }>().message).toMatch(/needs a reason/);
    expect((await post(url, { state: 'risk_accepted', reason: 'ok', expires_at: inDays(-1) })).statusCode).toBe(400);
    expect((await post(url, { state: 'risk_accepted', reason: 'ok', expires_at: inDays(400) })).statusCode).toBe(400);
    expect((await post(url, { state: 'false_positive' })).json<{ message: string }>().message).toMatch(/needs a reason/);
    expect((await post(url, { state: 'acknowledged', facts: ['not_in_kev'] })).statusCode).toBe(400);
  });

  it('a risk acceptance records the facts from the store; relying on one that does not hold is a 409', async () => {
    // a[0]: on A's image, which is labelled isPublic, and its CVE is in KEV.
    const url = `/api/v1/findings/${seed.findings.a[0]}/triage`;
    const refused = await post(url, { state: 'risk_accepted', reason: 'compensating WAF', expires_at: inDays(30), facts: ['not_in_kev'] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ message: string }>().message).toMatch(/cannot rely on not_in_kev: advisory is in CISA KEV/);
    const ok = await post(url, { state: 'risk_accepted', reason: 'compensating WAF', expires_at: inDays(30) });
    expect(ok.statusCode).toBe(200);
    const facts = ok.json<{ triage: { facts: { relied_on: string[]; facts: { fact: string; holds: boolean }[] } } }>().triage.facts;
    expect(facts.relied_on).toEqual(['epss_below', 'not_on_attack_path', 'severity_not_higher']);
    expect(facts.facts).toEqual(expect.arrayContaining([expect.objectContaining({ fact: 'not_internet_exposed', holds: false }), expect.objectContaining({ fact: 'not_in_kev', holds: false })]));
    const h = (await get(`/api/v1/findings/${seed.findings.a[0]}/history`)).json<History>();
    expect(h.triage).toMatchObject({ state: 'risk_accepted', reason: 'compensating WAF', sla: 'none' });
    expect(h.items.at(-1)).toMatchObject({ type: 'triaged', actor: 'ana', details: { to: 'risk_accepted', facts: { relied_on: facts.relied_on } } });
  });

  it('roles and tenants: viewers cannot write, members triage only their tenant and need the security team to accept', async () => {
    const mine = `/api/v1/findings/${seed.findings.a[3]}/triage`;
    expect((await post(mine, { state: 'acknowledged' }, 'viewerA')).statusCode).toBe(403);
    expect((await post(mine, { state: 'acknowledged' }, 'memberA')).statusCode).toBe(200);
    const accept = await post(mine, { state: 'risk_accepted', reason: 'x', expires_at: inDays(5) }, 'memberA');
    expect(accept.statusCode).toBe(403);
    expect(accept.json()).toMatchObject({ error: 'FORBIDDEN' });
    expect((await post(mine, { state: 'false_positive', reason: 'x' }, 'memberA')).statusCode).toBe(403);
    const theirs = await post(`/api/v1/findings/${seed.findings.b[0]}/triage`, { state: 'acknowledged' }, 'memberA');
    expect(theirs.statusCode).toBe(404);
    expect(theirs.body).not.toContain(CANARY);
    expect((await post(`/api/v1/findings/${seed.findings.unowned}/triage`, { state: 'acknowledged' }, 'memberA')).statusCode).toBe(404);
    expect((await t.db.query<{ triage: string }>('select triage from findings where id = $1', [seed.findings.b[0]]))[0]!.triage).toBe('none');
    expect((await get(`/api/v1/findings/${seed.findings.b[0]}/history`, 'memberA')).statusCode).toBe(404);
    expect((await get(`/api/v1/findings/${seed.findings.b[0]}/history`, 'memberB')).statusCode).toBe(200);
  });

  it('works with a session cookie only with the CSRF token', async () => {
    await addUser(t.db, { name: 'sam', role: 'member', tenant: 'team-alpha', password: 'correct horse battery staple' });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { name: 'sam', password: 'correct horse battery staple' } });
    const cookie = login.cookies.find((c) => c.name === 'ms_session')!.value;
    const csrf = login.json<{ csrf_token: string }>().csrf_token;
    const url = `/api/v1/findings/${seed.findings.a[4]}/comments`;
    expect((await app.inject({ method: 'POST', url, cookies: { ms_session: cookie }, payload: { text: 'hi' } })).statusCode).toBe(403);
    const ok = await app.inject({ method: 'POST', url, cookies: { ms_session: cookie }, headers: { 'x-csrf-token': csrf }, payload: { text: 'hi' } });
    expect(ok.statusCode).toBe(200);
    const inBody = await app.inject({ method: 'POST', url: `/api/v1/findings/${seed.findings.a[4]}/triage`, cookies: { ms_session: cookie },
      payload: { state: 'acknowledged', csrf } });
    expect(inBody.statusCode).toBe(200);
  });
});

describe('POST /api/v1/findings/triage (bulk)', () => {
  it('updates the caller\'s findings in one go and reports the rest as not found', async () => {
    const ids = [seed.findings.a[5], seed.findings.a[6], seed.findings.b[1], 999_999];
    const r = await post('/api/v1/findings/triage', { ids, state: 'acknowledged', reason: 'sprint 12' }, 'memberA');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ updated: [seed.findings.a[5], seed.findings.a[6]], unchanged: [], not_found: [seed.findings.b[1], 999_999] });
    const again = (await post('/api/v1/findings/triage', { ids: [seed.findings.a[5]], state: 'acknowledged', reason: 'sprint 12' }, 'memberA')).json<unknown>();
    expect(again).toMatchObject({ updated: [], unchanged: [seed.findings.a[5]] });
    const events = await t.db.query<{ actor: string; details: { bulk: number } }>(`select actor, details from finding_events where type = 'triaged' and finding_id = $1`, [seed.findings.a[6]]);
    expect(events).toEqual([{ actor: 'alice', details: { from: 'none', to: 'acknowledged', reason: 'sprint 12', bulk: 2 } }]);
    expect((await post('/api/v1/findings/triage', { ids: [], state: 'acknowledged' })).statusCode).toBe(400);
    expect((await post('/api/v1/findings/triage', { ids: Array.from({ length: 1001 }, (_, i) => i + 1), state: 'acknowledged' })).statusCode).toBe(400);
  });
});

describe('comments and assignment', () => {
  it('land in the history with the actor; other tenants get 404', async () => {
    const id = seed.findings.a[7];
    expect((await post(`/api/v1/findings/${id}/comments`, { text: '  <b>looking</b>  ' }, 'memberA')).statusCode).toBe(200);
    expect((await post(`/api/v1/findings/${id}/comments`, { text: '' }, 'memberA')).statusCode).toBe(400);
    expect((await post(`/api/v1/findings/${seed.findings.b[0]}/comments`, { text: 'x' }, 'memberA')).statusCode).toBe(404);
    expect((await post(`/api/v1/findings/${id}/comments`, { text: 'x' }, 'viewerA')).statusCode).toBe(403);
    const a = await post(`/api/v1/findings/${id}/assign`, { assignee: 'alice' }, 'memberA');
    expect(a.json()).toEqual({ id, assignee: 'alice', changed: true });
    expect((await post(`/api/v1/findings/${id}/assign`, { assignee: 'alice' }, 'memberA')).json()).toMatchObject({ changed: false });
    expect((await post(`/api/v1/findings/${seed.findings.b[0]}/assign`, { assignee: 'alice' }, 'memberA')).statusCode).toBe(404);
    await post(`/api/v1/findings/${id}/assign`, { assignee: null });
    const h = (await get(`/api/v1/findings/${id}/history`, 'viewerA')).json<History>();
    expect(h.items.slice(1).map((e) => [e.type, e.actor, e.details])).toEqual([
      ['commented', 'alice', { text: '<b>looking</b>' }],
      ['assigned', 'alice', { assignee: 'alice', previous: null }],
      ['assigned', 'ana', { assignee: null, previous: 'alice' }],
    ]);
    expect(h.triage).toMatchObject({ assignee: null, state: 'none' });
  });
});

describe('GET /api/v1/sla and the policies', () => {
  it('counts per owner within the tenant; an admin edit moves due dates', async () => {
    await t.db.query(`update findings set first_seen = now() - interval '40 days', due_at = null where owner = 'team-alpha-web'`);
    // The seeded rows were written without a run: fill their due dates the way a run does.
    await t.db.transaction(async (tx) => { await (await import('../../pipeline/sla.js')).fillDueDates(tx); });
    const mine = (await get('/api/v1/sla', 'memberA')).json<{ items: { owner: string; open: number; breached: number; at_risk: number }[]; at_risk_days: number }>();
    expect(mine.items.map((i) => i.owner).sort()).toEqual(['team-alpha', 'team-alpha-web']);
    expect(mine.at_risk_days).toBe(7);
    const web = mine.items.find((i) => i.owner === 'team-alpha-web')!;
    // 40 days old: critical (15) and high (30) are past due, medium (90) and low (180) not.
    const [want] = await t.db.query<{ n: number }>(`select count(*)::int as n from findings where owner = 'team-alpha-web' and status = 'open'
      and triage in ('none', 'acknowledged', 'in_progress') and severity in ('critical', 'high')`);
    expect(web.breached).toBe(want!.n);
    expect(web.breached).toBeGreaterThan(0);
    expect(JSON.stringify(mine)).not.toContain('team-bravo');
    expect((await get('/api/v1/sla')).json<{ items: { owner: string | null }[] }>().items.map((i) => i.owner)).toContain('team-bravo');

    const policies = (await get('/api/v1/sla/policies', 'viewerA')).json<{ items: { severity: string; criticality: string; days: number | null }[] }>().items;
    const edited = policies.map(({ severity, criticality, days }) => ({ severity, criticality, days: severity === 'medium' && criticality === '*' ? 30 : days }));
    expect((await send('PUT', '/api/v1/sla/policies', { policies: edited }, 'analyst')).statusCode).toBe(403);
    expect((await send('PUT', '/api/v1/sla/policies', { policies: edited.filter((p) => p.severity !== 'low') }, 'admin')).json<{ message: string }>().message).toMatch(/missing: low/);
    const put = await send('PUT', '/api/v1/sla/policies', { policies: edited }, 'admin');
    expect(put.statusCode).toBe(200);
    expect(put.json<{ findings_updated: number }>().findings_updated).toBeGreaterThan(0);
    const after = (await get('/api/v1/sla', 'memberA')).json<{ items: { owner: string; breached: number }[] }>().items.find((i) => i.owner === 'team-alpha-web')!;
    expect(after.breached).toBeGreaterThan(web.breached);
  });
});

describe('/api/v1/suppressions', () => {
  it('analysts create and delete rules; members see only their owners\' rules and cannot write', async () => {
    const forB = await post('/api/v1/suppressions', { owner: 'team-bravo', reason: `${CANARY} decommissioning`, expires_at: inDays(30) });
    expect(forB.statusCode).toBe(200);
    expect(forB.json()).toMatchObject({ suppressed: 3, suppression: { owner: 'team-bravo', active: true, findings: 3, created_by: 'ana' } });
    const forA = await post('/api/v1/suppressions', { rule_id: 'CVE-2021-44228', owner: 'team-alpha', reason: 'vendor fix pending' });
    // a[0] was accepted above: manual triage wins, nothing to suppress.
    expect(forA.json()).toMatchObject({ suppressed: 0 });
    expect((await post('/api/v1/suppressions', { reason: 'everything' })).statusCode).toBe(400);
    expect((await post('/api/v1/suppressions', { asset_pattern: '*', reason: 'everything' })).statusCode).toBe(400);
    expect((await post('/api/v1/suppressions', { owner: 'team-alpha', reason: 'mine' }, 'memberA')).statusCode).toBe(403);
    const listA = await get('/api/v1/suppressions', 'memberA');
    expect(listA.json<{ items: { owner: string }[] }>().items.map((i) => i.owner)).toEqual(['team-alpha']);
    expect(listA.body).not.toContain(CANARY);
    const idB = forB.json<{ suppression: { id: number } }>().suppression.id;
    expect((await send('DELETE', `/api/v1/suppressions/${idB}`, undefined, 'memberA')).statusCode).toBe(403);
    const bHistory = (await get(`/api/v1/findings/${seed.findings.b[1]}/history`, 'memberB')).json<History>();
    expect(bHistory.triage).toMatchObject({ state: 'suppressed', suppression_id: idB, reason: `${CANARY} decommissioning` });
    const del = await send('DELETE', `/api/v1/suppressions/${idB}`, undefined);
    expect(del.json()).toEqual({ unsuppressed: 3 });
    expect((await send('DELETE', `/api/v1/suppressions/${idB}`, undefined)).statusCode).toBe(404);
    expect((await get(`/api/v1/findings/${seed.findings.b[1]}/history`, 'memberB')).json<History>().triage).toMatchObject({ state: 'none' });
  });
});
