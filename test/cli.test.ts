import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from './support/test-db.js';
import { runCli, startCli } from './support/cli.js';
import { syncRun } from '../src/pipeline/sync/run.js';
import { createServer, type AddressInfo } from 'node:net';

const dir = mkdtempSync(join(tmpdir(), 'ms-cli-'));
let t: TestDb;
let db: string;

beforeAll(async () => {
  t = await createTestDb({ dir: join(dir, 'db') });
  await syncRun(t.db, [
    { type: 'coverage', scope: 's', coverage: 'complete' },
    { type: 'asset', scope: 's', asset: { uid: 'arn:aws:s3:::bucket-a', kind: 'aws.s3.bucket', name: 'bucket-a', owner: 'team-a', ownerReason: 'tag team=team-a' } },
    { type: 'asset', scope: 's', asset: { uid: 'arn:aws:s3:::bucket-b', kind: 'aws.s3.bucket', name: '=cmd|evil', owner: 'team-b' } },
    { type: 'finding', scope: 's', finding: { fingerprint: 'f1', kind: 'config', ruleId: 'aws.s3.bucket-public', title: 'Bucket is public', severity: 'high', assetUid: 'arn:aws:s3:::bucket-a', evidence: { policy: 'Principal *' } } },
    { type: 'finding', scope: 's', finding: { fingerprint: 'f2', kind: 'config', ruleId: 'aws.s3.unencrypted', title: 'Bucket is unencrypted', severity: 'low', assetUid: 'arn:aws:s3:::bucket-b' } },
  ], { source: 'fixture' });
  db = t.location;
  // The CLI opens the store itself; PGlite allows one process at a time.
  if (t.db.backend === 'pglite') await t.db.close();
});
afterAll(async () => {
  if (t.db.backend === 'postgres') await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('mothership CLI', () => {
  it('query --format json prints a JSON array of objects', () => {
    const r = runCli(['--db', db, 'query', 'select uid, owner from assets order by uid', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([{ uid: 'arn:aws:s3:::bucket-a', owner: 'team-a' }, { uid: 'arn:aws:s3:::bucket-b', owner: 'team-b' }]);
  });

  it('query is read-only: writes fail with one line and a non-zero exit', () => {
    const r = runCli(['--db', db, 'query', `delete from assets`]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/read-only transaction/);
    expect(JSON.parse(runCli(['--db', db, 'query', 'select count(*)::int as n from assets', '--format', 'json']).stdout)).toEqual([{ n: 2 }]);
  });

  it('query rejects a second statement smuggled after the first', () => {
    const r = runCli(['--db', db, 'query', `select 1; commit; delete from assets`]);
    expect(r.status).toBe(1);
    expect(JSON.parse(runCli(['--db', db, 'query', 'select count(*)::int as n from assets', '--format', 'json']).stdout)).toEqual([{ n: 2 }]);
  });

  it('bad SQL is one clear line, no stack trace', () => {
    const r = runCli(['--db', db, 'query', 'select nope from assets']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^mothership: query: column "nope" does not exist\n$/);
  });

  it('assets --format json follows the contract', () => {
    const rows = JSON.parse(runCli(['--db', db, 'assets', '--format', 'json', '--owner', 'team-a']).stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ uid: 'arn:aws:s3:::bucket-a', kind: 'aws.s3.bucket', name: 'bucket-a', owner: 'team-a', owner_reason: 'tag team=team-a', labels: [] });
  });

  it('findings --format json follows the contract and filters', () => {
    const all = JSON.parse(runCli(['--db', db, 'findings', '--format', 'json']).stdout) as Record<string, unknown>[];
    expect(all.map((f) => f.title)).toEqual(['Bucket is public', 'Bucket is unencrypted']);
    for (const key of ['id', 'fingerprint', 'kind', 'rule_id', 'title', 'severity', 'risk_score', 'status', 'asset_uid', 'owner', 'evidence']) {
      expect(all[0]).toHaveProperty(key);
    }
    expect(all[0]).toMatchObject({ owner: 'team-a', status: 'open', evidence: { policy: 'Principal *' } });
    const high = JSON.parse(runCli(['--db', db, 'findings', '--format', 'json', '--severity', 'high']).stdout) as unknown[];
    expect(high).toHaveLength(1);
    expect(JSON.parse(runCli(['--db', db, 'findings', '--format', 'json', '--limit', '1']).stdout)).toHaveLength(1);
    expect(JSON.parse(runCli(['--db', db, 'findings', '--format', 'json', '--status', 'resolved']).stdout)).toEqual([]);
  });

  it('table output pages; csv neutralizes formula cells', () => {
    const table = runCli(['--db', db, 'assets', '--limit', '1']);
    expect(table.stdout).toMatch(/1-1 of 2; next: --page 2/);
    const csv = runCli(['--db', db, 'assets', '--format', 'csv']).stdout;
    expect(csv).toContain(`'=cmd|evil`);
  });

  it('a bad option value names the flag', () => {
    const r = runCli(['--db', db, 'findings', '--severity', 'urgent']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--severity urgent: expected critical, high, medium, low, info/);
  });

  it('ingest of a file no parser reads fails clearly and writes nothing', () => {
    const f = join(dir, 'notes.txt');
    writeFileSync(f, 'hello');
    const r = runCli(['--db', db, 'ingest', f]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${f}: not a report format Mothership reads`);
  });

  it('runs lists the runs with status', () => {
    const rows = JSON.parse(runCli(['--db', db, 'runs', '--format', 'json']).stdout) as { source: string; status: string }[];
    expect(rows.some((r) => r.source === 'fixture' && r.status === 'succeeded')).toBe(true);
  });

  it('serve on a port already taken fails in one line, without a stack', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    try {
      const port = (taken.address() as AddressInfo).port;
      const r = runCli(['--db', db, 'serve', '--port', String(port)]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('EADDRINUSE');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await new Promise((r) => taken.close(r));
    }
  });

  it('serve answers health and version, creates the first admin, and serves the dashboard after login', async () => {
    const server = await startCli(['--db', db, 'serve', '--port', '0'], /at (http:\/\/\S+)\n.*one-time password (\S+)/);
    try {
      const base = server.match[1]!;
      const health = await fetch(`${base}/healthz`);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      const version = (await (await fetch(`${base}/api/v1/version`)).json()) as { name: string; schema_version: number };
      expect(version.name).toBe('mothership');
      expect(version.schema_version).toBeGreaterThanOrEqual(2);
      // The first run created an admin with a one-time password; the dashboard needs a login.
      expect((await fetch(`${base}/`, { redirect: 'manual', headers: { accept: 'text/html' } })).status).toBe(303);
      const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'admin', password: server.match[2] }) });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const res = await fetch(`${base}/`, { headers: { cookie } });
      const page = await res.text();
      // The built dashboard: its script comes from our own origin only, never inline.
      expect(page).toMatch(/<script type="module" crossorigin src="\/static\/[^"]+\.js"><\/script>/);
      expect(page).toContain('<div id="root">');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      // The data it shows comes from the API, with the same session.
      const assets = (await (await fetch(`${base}/api/v1/assets?kind=aws.s3.bucket`, { headers: { cookie } })).json()) as { items: { kind: string }[] };
      expect(assets.items.length).toBeGreaterThan(0);
      expect(assets.items.every((a) => a.kind === 'aws.s3.bucket')).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
