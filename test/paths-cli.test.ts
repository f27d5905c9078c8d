import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from './support/test-db.js';
import { runCli } from './support/cli.js';
import { syncRun } from '../src/pipeline/sync/run.js';
import { analyze } from '../src/pipeline/analyze.js';
import { iamEngine } from '../src/engines/iam/engine.js';
import { labelsEngine } from '../src/engines/labels/engine.js';
import { pathsEngine } from '../src/engines/paths/engine.js';
import { arn } from '../src/engines/iam/fixtures.js';
import { ec2, ssrfEstate } from '../src/engines/paths/fixtures.js';

/**
 * `mothership paths --format json` as a user runs it (the built CLI, a child process) over a store holding one
 * SSRF chain: the JSON contract of docs/paths.md, object by object, and the filters.
 */
const dir = mkdtempSync(join(tmpdir(), 'ms-paths-cli-'));
let t: TestDb;
let db: string;
let findingId: number;

const SSRF = ec2('instance', 'i-ssrf');
const SG = ec2('security-group', 'sg-web');
const ADMIN = arn('role/app-admin');

beforeAll(async () => {
  t = await createTestDb({ dir: join(dir, 'db') });
  await syncRun(t.db, ssrfEstate(), { source: 'aws-dump' });
  await analyze(t.db, { engines: [iamEngine(), labelsEngine(), pathsEngine()] });
  const [row] = await t.db.query<{ id: number }>(`select id::int as id from findings where kind = 'path'`);
  findingId = row!.id;
  db = t.location;
  // The CLI opens the store itself; PGlite allows one process at a time.
  if (t.db.backend === 'pglite') await t.db.close();
}, 120_000);
afterAll(async () => {
  if (t.db.backend === 'postgres') await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

function paths(...args: string[]): Record<string, unknown>[] {
  const r = runCli(['--db', db, 'paths', '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>[];
}

const TEXT: unknown = expect.any(String);

describe('mothership paths --format json', () => {
  it('prints the contract: {id, title, risk_score, status, nodes: [{uid, kind, name}], edges: [{from, to, kind, evidence}]}', () => {
    const all = paths();
    expect(all).toHaveLength(1);
    const [p] = all as [Record<string, unknown>];
    expect(Object.keys(p).sort()).toEqual(['edges', 'id', 'nodes', 'owner', 'risk_score', 'severity', 'status', 'target', 'target_kinds', 'technique', 'title'].sort());
    expect(p).toMatchObject({ id: findingId, status: 'open', severity: 'critical', technique: 'ssrf-imds-credentials', target: ADMIN, target_kinds: ['admin'] });
    expect(p.title).toMatch(/^SSRF to instance credentials: internet → i-ssrf → app-admin/);
    expect(typeof p.risk_score).toBe('number');
    expect(p.risk_score).toBeGreaterThan(0);
    expect(p.nodes).toEqual([
      { uid: 'internet', kind: 'internet', name: 'the internet' },
      { uid: SG, kind: 'exposure', name: 'sg-web' },
      { uid: SSRF, kind: 'compute', name: 'i-ssrf' },
      { uid: ADMIN, kind: 'identity', name: 'app-admin' },
    ]);
    const edges = p.edges as { from: string; to: string; kind: string; evidence: Record<string, unknown> }[];
    expect(edges.map((e) => [e.from, e.kind, e.to])).toEqual([['internet', 'exposes', SG], [SG, 'forwards', SSRF], [SSRF, 'imds', ADMIN]]);
    for (const e of edges) expect(Object.keys(e).sort()).toEqual(['evidence', 'from', 'kind', 'to']);
    for (const e of edges) expect(e.evidence).toMatchObject({ text: TEXT });
    expect(edges[0]!.evidence).toMatchObject({ label: 'isPublic', text: expect.stringContaining('tcp/443') as unknown });
    expect(edges[2]!.evidence.text).toMatch(/IMDSv1/);
  }, 120_000);

  // Each run opens the store in a new process (seconds on PGlite): few runs, each asserting what it can.
  it('--asset keeps the paths through that asset, whatever its place on the path', () => {
    expect(paths('--asset', ADMIN).map((p) => p.id)).toEqual([findingId]);
    // The decoy with IMDSv2 required carries the same role but is on no path.
    expect(paths('--asset', ec2('instance', 'i-v2'))).toEqual([]);
  }, 180_000);

  it('--technique and --status filter; the table names the hops', () => {
    expect(paths('--technique', 'identity-chain', '--status', 'all')).toEqual([]);
    expect(paths('--status', 'resolved', '--asset', SSRF)).toEqual([]);
    const table = runCli(['--db', db, 'paths', '--technique', 'ssrf-imds-credentials']);
    expect(table.stdout).toContain('internet → sg-web → i-ssrf → app-admin');
  }, 180_000);
});
