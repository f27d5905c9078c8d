import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSeededApi, stopSeededApi, type SeededApi } from '../../../test/support/seeded-api.js';
import { CANARY_STRINGS } from '../../../test/support/api-seed.js';
import { scoreRisk } from '../../pipeline/score-risk.js';
import { scorePosture } from '../../pipeline/score-posture.js';
import type { CurrentPosture } from '../../store/queries/posture.js';
import type { FixPlan } from '../../engines/fixplans/fix-plans.js';

let api: SeededApi;
beforeAll(async () => {
  api = await startSeededApi();
  // Every seeded finding gets a fix, so every image/asset and package has an upgrade plan.
  await api.t.db.exec(`update findings set properties = '{"packageName": "openssl", "ecosystem": "Debian", "fixedVersions": ["3.0.13"]}'`);
  await scoreRisk(api.t.db);
  await scorePosture(api.t.db, { now: new Date('2026-03-01T00:00:00Z') });
});
afterAll(async () => { await stopSeededApi(api); });

const get = (url: string, role: 'admin' | 'memberA') => api.app.inject({ url, headers: { authorization: `Bearer ${api.seed.tokens[role]}` } });
const leaks = (body: string) => CANARY_STRINGS.filter((c) => body.includes(c));

describe('posture and fix-plan routes', () => {
  it('an analyst sees the organization, every owner and account; a member its own owners only', async () => {
    const admin = (await get('/api/v1/posture', 'admin')).json<CurrentPosture>();
    expect(admin.day).toBe('2026-03-01');
    expect(admin.overall!.score).toBeGreaterThan(0);
    expect(admin.owners.map((o) => o.owner).sort()).toEqual(['team-alpha', 'team-alpha-web', 'team-bravo']);
    expect(admin.accounts.map((a) => a.account)).toEqual(['111111111111']);
    expect(Object.keys(admin.overall!.domains).sort()).toEqual(['configuration', 'coverage', 'data', 'iam', 'vulnerability']);

    const r = await get('/api/v1/posture', 'memberA');
    expect(leaks(r.body)).toEqual([]);
    const member = r.json<CurrentPosture>();
    expect(member.overall).toBeNull();
    expect(member.accounts).toEqual([]);
    expect(member.owners.map((o) => o.owner).sort()).toEqual(['team-alpha', 'team-alpha-web']);
    expect(member.owners.find((o) => o.owner === 'team-alpha')).toEqual(admin.owners.find((o) => o.owner === 'team-alpha'));
  });

  it('history: a member reads its own owners\' scores, and another scope is not found', async () => {
    const own = await get('/api/v1/posture/history?scope=owner:team-alpha&days=7', 'memberA');
    expect(own.statusCode).toBe(200);
    expect(own.json<{ items: { day: string }[] }>().items.map((i) => i.day)).toEqual(['2026-03-01']);
    for (const scope of ['owner:team-bravo', 'org', 'account:111111111111']) {
      const r = await get(`/api/v1/posture/history?scope=${scope}`, 'memberA');
      expect(r.statusCode, scope).toBe(404);
      expect(leaks(r.body)).toEqual([]);
    }
    expect((await get('/api/v1/posture/history?scope=org', 'admin')).json<{ items: unknown[] }>().items).toHaveLength(1);
    expect((await get('/api/v1/posture/history?scope=nonsense', 'admin')).statusCode).toBe(400);
  });

  it('the finding detail shows the stored risk factors', async () => {
    const id = api.seed.findings.a[0]!;
    const f = (await get(`/api/v1/findings/${id}`, 'memberA')).json<{ risk_score: number; risk_factors: { score: number; factors: { factor: string }[]; summary: string } }>();
    expect(f.risk_factors.score).toBe(f.risk_score);
    expect(f.risk_factors.factors.map((x) => x.factor)).toEqual(expect.arrayContaining(['severity', 'kev']));
    expect(f.risk_factors.summary).toMatch(/in CISA KEV/);
  });

  it('fix plans: ranked by risk removed; a member\'s plans hold only its findings', async () => {
    const admin = (await get('/api/v1/fix-plans', 'admin')).json<{ items: FixPlan[] }>().items;
    expect(admin.length).toBeGreaterThan(1);
    expect(leaks(JSON.stringify(admin)).length).toBeGreaterThan(0);
    for (let i = 1; i < admin.length; i++) expect(admin[i - 1]!.risk_removed).toBeGreaterThanOrEqual(admin[i]!.risk_removed);
    const r = await get('/api/v1/fix-plans?limit=500', 'memberA');
    expect(leaks(r.body)).toEqual([]);
    const ids = r.json<{ items: FixPlan[] }>().items.flatMap((p) => p.findings).sort((a, b) => a - b);
    expect(ids).toEqual([...api.seed.findings.a].sort((a, b) => a - b));
  });
});
