import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { type TestDb } from '../../../test/support/test-db.js';
import { A_IMAGE, A_WEB, B_BASE, B_BUCKET, CANARY, type Seeded } from '../../../test/support/api-seed.js';
import { startSeededApi, stopSeededApi } from '../../../test/support/seeded-api.js';

let t: TestDb;
let app: FastifyInstance;
let seed: Seeded;

beforeAll(async () => { ({ t, app, seed } = await startSeededApi()); });
afterAll(() => stopSeededApi({ t, app }));

const get = (url: string, token = seed.tokens.analyst) => app.inject({ url, headers: { authorization: `Bearer ${token}` } });
interface Asset { uid: string; kind: string; owner: string | null; labels: string[] }
interface Detail extends Asset {
  relationships: { outgoing: { to_uid: string }[]; incoming: { from_uid: string }[] };
  packages: { total: number; truncated: boolean; items: { name: string }[] };
  findings: { items: { owner: string }[] };
}

describe('GET /api/v1/assets', () => {
  it('keyset pages by uid return every asset once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Asset[]; next_cursor: string | null } = (await get(`/api/v1/assets?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.items.map((a) => a.uid));
      cursor = page.next_cursor;
    } while (cursor);
    const all = (await t.db.query<{ uid: string }>('select uid from assets where gone_at is null order by uid')).map((r) => r.uid);
    expect(seen).toEqual(all);
  });

  it('filters by kind (with wildcard), account, owner, label and text', async () => {
    const uids = async (q: string, token?: string) => (await get(`/api/v1/assets?${q}`, token)).json<{ items: Asset[] }>().items.map((a) => a.uid);
    expect(await uids('kind=container.image')).toEqual([B_BASE, A_IMAGE].sort());
    expect(await uids('kind=aws.*&owner=team-alpha-web')).toEqual([A_WEB]);
    expect(await uids('label=isPublic&account=111111111111')).toEqual(expect.arrayContaining([A_IMAGE, A_WEB]));
    expect(await uids('q=ALPHA%20WEB')).toEqual([A_WEB]);
    expect(await uids('q=%25')).toEqual([]);
    expect(await uids(`q=${CANARY}`, seed.tokens.memberA)).toEqual([]);
    expect(await uids('kind=container.image', seed.tokens.memberA)).toEqual([A_IMAGE]);
  });
});

describe('GET /api/v1/assets/:uid', () => {
  it('has relationships both ways, packages, open findings, labels and owner reason', async () => {
    const r = await get(`/api/v1/assets/${encodeURIComponent(A_IMAGE)}`);
    expect(r.statusCode).toBe(200);
    const a = r.json<Detail>();
    expect(a).toMatchObject({ uid: A_IMAGE, owner: 'team-alpha', owner_reason: 'tag team=team-alpha', labels: ['isPublic'] });
    expect(a.relationships.outgoing.map((x) => x.to_uid).sort()).toEqual([B_BASE, B_BUCKET].sort());
    expect(a.relationships.incoming).toMatchObject([{ from_uid: A_WEB, kind: 'runs', other_name: 'alpha web server' }]);
    expect(a.packages).toMatchObject({ total: 1, truncated: false, items: [{ name: 'lodash', version: '4.17.20' }] });
    // The inherited base-image finding is owned by team-bravo: the analyst sees it here.
    expect(a.findings.items.map((f) => f.owner).sort()).toEqual(['team-alpha', 'team-bravo']);
  });

  it('for tenant A: only its own findings and the relationships whose other end it may see', async () => {
    const a = (await get(`/api/v1/assets/${encodeURIComponent(A_IMAGE)}`, seed.tokens.memberA)).json<Detail>();
    expect(a.findings.items.map((f) => f.owner)).toEqual(['team-alpha']);
    expect(a.relationships.outgoing).toEqual([]);
    expect(a.relationships.incoming).toHaveLength(1);
    expect(JSON.stringify(a)).not.toContain(CANARY);
    expect((await get(`/api/v1/assets/${encodeURIComponent(B_BASE)}`, seed.tokens.memberA)).statusCode).toBe(404);
    expect((await get('/api/v1/assets/nope')).statusCode).toBe(404);
  });
});

describe('owners, rules, runs', () => {
  it('owners come with open findings by severity; a tenant sees its own owners', async () => {
    const all = (await get('/api/v1/owners')).json<{ items: { id: string; open_findings: { total: number; critical: number } }[] }>().items;
    expect(all.map((o) => o.id).sort()).toEqual(['team-alpha', 'team-alpha-web', 'team-bravo']);
    const bravo = all.find((o) => o.id === 'team-bravo')!;
    expect(bravo.open_findings.total).toBe(3);
    const [n] = await t.db.query<{ n: number }>(`select count(*)::int as n from findings where owner = 'team-bravo' and severity = 'critical' and status = 'open'`);
    expect(bravo.open_findings.critical).toBe(n!.n);
    const mine = (await get('/api/v1/owners', seed.tokens.viewerA)).json<{ items: { id: string }[] }>().items;
    expect(mine.map((o) => o.id).sort()).toEqual(['team-alpha', 'team-alpha-web']);
  });

  it('rules list the catalogue', async () => {
    const rules = (await get('/api/v1/rules')).json<{ items: { id: string; sql: string; open_findings: number }[] }>().items;
    expect(rules.length).toBeGreaterThan(5);
    expect(rules.every((r) => r.id.includes('.') && r.sql.length > 0 && r.open_findings >= 0)).toBe(true);
  });

  it('runs: newest first with cursor; a tenant sees its own uploads only', async () => {
    const first = (await get('/api/v1/runs?limit=1')).json<{ items: { id: number }[]; next_cursor: string }>();
    const second = (await get(`/api/v1/runs?limit=1&cursor=${first.next_cursor}`)).json<{ items: { id: number }[]; next_cursor: string | null }>();
    expect(second.items[0]!.id).toBeLessThan(first.items[0]!.id);
    expect(second.next_cursor).toBeNull();
    const mine = (await get('/api/v1/runs', seed.tokens.memberA)).json<{ items: { input: { owner: string } }[] }>().items;
    expect(mine.map((r) => r.input.owner)).toEqual(['team-alpha']);
  });
});
