import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { type TestDb } from '../../../test/support/test-db.js';
import { CANARY, type Seeded } from '../../../test/support/api-seed.js';
import { csvCell } from './csv-cells.js';
import { startSeededApi, stopSeededApi } from '../../../test/support/seeded-api.js';

let t: TestDb;
let app: FastifyInstance;
let seed: Seeded;

beforeAll(async () => { ({ t, app, seed } = await startSeededApi({ extraFindings: 40 })); });
afterAll(() => stopSeededApi({ t, app }));

const get = (url: string, token = seed.tokens.analyst) => app.inject({ url, headers: { authorization: `Bearer ${token}` } });

interface Item { id: number; risk_score: number | null; severity: string; owner: string | null; title: string }
interface Page { items: Item[]; next_cursor: string | null }

async function allPages(url: string, token?: string): Promise<Item[]> {
  const out: Item[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const r = await get(`${url}${url.includes('?') ? '&' : '?'}limit=7${cursor ? `&cursor=${cursor}` : ''}`, token);
    expect(r.statusCode).toBe(200);
    const page = r.json<Page>();
    out.push(...page.items);
    cursor = page.next_cursor;
    if (!cursor) return out;
  }
  throw new Error('pagination did not end');
}

const SEV = ['critical', 'high', 'medium', 'low', 'info'];

describe('GET /api/v1/findings', () => {
  it('keyset pages return every finding exactly once, in risk, severity, id order', async () => {
    const items = await allPages('/api/v1/findings');
    const total = (await t.db.query<{ n: number }>(`select count(*)::int as n from findings where status = 'open'`))[0]!.n;
    expect(items.length).toBe(total);
    expect(new Set(items.map((i) => i.id)).size).toBe(total);
    const key = (i: Item) => [i.risk_score === null ? 1 : 0, -(i.risk_score ?? 0), SEV.indexOf(i.severity), i.id];
    const sorted = [...items].sort((a, b) => {
      const ka = key(a); const kb = key(b);
      for (let k = 0; k < ka.length; k++) if (ka[k] !== kb[k]) return ka[k]! - kb[k]!;
      return 0;
    });
    expect(items.map((i) => i.id)).toEqual(sorted.map((i) => i.id));
  });

  it('items carry the CLI contract fields', async () => {
    const [item] = (await get('/api/v1/findings?kev=true&limit=1')).json<{ items: Record<string, unknown>[] }>().items;
    expect(Object.keys(item!)).toEqual(expect.arrayContaining(['id', 'fingerprint', 'kind', 'rule_id', 'advisory_id', 'title', 'severity', 'risk_score', 'status',
      'triage', 'asset_uid', 'package_purl', 'owner', 'evidence', 'sources', 'unverified', 'first_seen', 'last_seen', 'resolved_at', 'epss', 'kev', 'spread']));
    expect(item).toMatchObject({ kev: { ransomware: true }, sources: ['test'], first_seen: '2026-03-01T00:00:00.000Z' });
  });

  it('filters: severity list, owner, kev, risk_min, asset, advisory, status', async () => {
    const bySev = await allPages('/api/v1/findings?severity=critical,high');
    expect(bySev.length).toBeGreaterThan(0);
    expect(bySev.every((i) => i.severity === 'critical' || i.severity === 'high')).toBe(true);
    expect((await allPages('/api/v1/findings?owner=team-alpha-web')).every((i) => i.owner === 'team-alpha-web')).toBe(true);
    const kev = await allPages('/api/v1/findings?kev=true');
    expect(kev.map((i) => i.id).sort()).toEqual([seed.findings.a[0], seed.findings.b[2]].sort());
    expect((await allPages('/api/v1/findings?risk_min=90')).every((i) => (i.risk_score ?? 0) >= 90)).toBe(true);
    expect((await allPages('/api/v1/findings?advisory=CVE-2021-44228')).length).toBe(2);
    expect((await allPages(`/api/v1/findings?asset=${encodeURIComponent('registry.example.com/alpha/api@sha256:aaaa')}`)).length).toBe(2);
    await t.db.query(`update findings set status = 'resolved', resolved_at = now() where id = $1`, [seed.findings.a[1]]);
    expect((await allPages('/api/v1/findings?status=resolved')).map((i) => i.id)).toEqual([seed.findings.a[1]]);
    expect((await allPages('/api/v1/findings')).some((i) => i.id === seed.findings.a[1])).toBe(false);
    await t.db.query(`update findings set status = 'open', resolved_at = null where id = $1`, [seed.findings.a[1]]);
  });

  it('bad parameters and forged cursors are 400s', async () => {
    expect((await get('/api/v1/findings?limit=501')).statusCode).toBe(400);
    expect((await get('/api/v1/findings?status=maybe')).statusCode).toBe(400);
    expect((await get('/api/v1/findings?cursor=nonsense')).statusCode).toBe(400);
    const forged = Buffer.from(JSON.stringify({ risk: 'x', sev: 0, id: 1 })).toString('base64url');
    const bad = (await get(`/api/v1/findings?cursor=${forged}`)).json<{ error: string; message: string }>();
    expect(bad.error).toBe('BAD_INPUT');
    expect(bad.message).toMatch(/^cursor:/);
  });
});

describe('GET /api/v1/findings/:id', () => {
  it('returns the finding with its sources and events; 404 for an unknown id', async () => {
    const r = await get(`/api/v1/findings/${seed.findings.a[0]}`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ id: seed.findings.a[0], owner: 'team-alpha', source_links: [{ source: 'test', original_id: `orig-${seed.findings.a[0]}` }],
      events: [{ type: 'opened' }] });
    expect((await get('/api/v1/findings/999999')).statusCode).toBe(404);
    expect((await get('/api/v1/findings/abc')).statusCode).toBe(400);
  });

  it('is 404 outside the caller\'s tenant', async () => {
    expect((await get(`/api/v1/findings/${seed.findings.b[0]}`, seed.tokens.memberA)).statusCode).toBe(404);
    expect((await get(`/api/v1/findings/${seed.findings.a[0]}`, seed.tokens.memberA)).statusCode).toBe(200);
    expect((await get(`/api/v1/findings/${seed.findings.a[0]}`, seed.tokens.memberB)).statusCode).toBe(404);
  });
});

describe('GET /api/v1/findings/export', () => {
  it('CSV holds every matching finding, formula cells neutralized', async () => {
    const r = await get('/api/v1/findings/export?format=csv');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/csv/);
    const lines = r.body.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,fingerprint,kind,/);
    const total = (await t.db.query<{ n: number }>(`select count(*)::int as n from findings where status = 'open'`))[0]!.n;
    expect(lines.length).toBe(total + 1);
    expect(r.body).toContain(`"'=HYPERLINK(""http://x"",""alpha lodash"")"`);
    expect(r.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('neutralizes = + - @ tab and CR at the start of a cell', () => {
    expect(['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'ok', 'a=b'].map(csvCell)).toEqual([`'=1+2`, `'+1`, `'-1`, `'@SUM(A1)`, `'\tx`, `"'\rx"`, 'ok', 'a=b']);
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvCell(null)).toBe('');
  });

  it('JSON is an array of the list items, scoped like the list', async () => {
    const all = (await get('/api/v1/findings/export?format=json')).json<Item[]>();
    expect(all.length).toBe((await allPages('/api/v1/findings')).length);
    const mine = (await get('/api/v1/findings/export?format=json&severity=critical', seed.tokens.memberA)).json<Item[]>();
    expect(mine.every((i) => i.owner?.startsWith('team-alpha') && i.severity === 'critical')).toBe(true);
    expect(JSON.stringify(mine)).not.toContain(CANARY);
  });
});
