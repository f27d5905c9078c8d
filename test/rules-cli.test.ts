import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from './support/test-db.js';
import { runCli } from './support/cli.js';
import { openDb } from '../src/store/open.js';
import type { Db } from '../src/store/db.js';
import { syncRun } from '../src/pipeline/sync/run.js';

const dir = mkdtempSync(join(tmpdir(), 'ms-rules-cli-'));
const goodPack = join(dir, 'good');
const failingPack = join(dir, 'failing');
const malformedPack = join(dir, 'malformed');

/** A user's rule: buckets must be versioned. */
const VERSIONING_RULE = `id: acme.s3.versioning-off
title: Bucket versioning is off
severity: low
frameworks: [nist-csf-2:PR.DS-11]
rationale: Without versioning an overwrite or a delete cannot be undone.
remediation: S3 > the bucket > Properties > Bucket Versioning > Enable.
sql: |
  select uid as asset_uid, jsonb_build_object('status', coalesce(properties->'Versioning'->>'Status', 'never enabled')) as evidence
  from v_assets
  where kind = 'aws.s3.bucket' and gone_at is null and coalesce(properties->'Versioning'->>'Status', '') <> 'Enabled'
examples:
  - name: never versioned, suspended
    assets:
      - { uid: 'arn:aws:s3:::a', kind: aws.s3.bucket, properties: {} }
      - { uid: 'arn:aws:s3:::s', kind: aws.s3.bucket, properties: { Versioning: { Status: Suspended } } }
    violations: ['arn:aws:s3:::a', 'arn:aws:s3:::s']
  - name: enabled
    assets: [{ uid: 'arn:aws:s3:::b', kind: aws.s3.bucket, properties: { Versioning: { Status: Enabled } } }]
    violations: []
`;

const SCOPE = 'aws:333333333333:global:s3';
const bucket = (name: string, versioning: string | null) => ({
  type: 'asset' as const, scope: SCOPE,
  asset: { uid: `arn:aws:s3:::${name}`, kind: 'aws.s3.bucket', account: '333333333333', properties: versioning ? { Versioning: { Status: versioning } } : {} },
});

let t: TestDb;

/** PGlite is one process at a time: the test opens the directory only between CLI runs. */
async function withStore<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  if (t.db.backend === 'postgres') return fn(t.db);
  const db = await openDb(t.location);
  try { return await fn(db); } finally { await db.close(); }
}

const json = <T>(args: string[]): T => {
  const r = runCli(args);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as T;
};

beforeAll(async () => {
  mkdirSync(join(goodPack, 'storage'), { recursive: true });
  writeFileSync(join(goodPack, 'storage', 's3-versioning-off.yaml'), VERSIONING_RULE);
  mkdirSync(failingPack);
  // The violating example forgets the suspended bucket the rule (rightly) flags, and a second rule has no compliant case.
  writeFileSync(join(failingPack, 'wrong.yaml'), VERSIONING_RULE.replace('acme.s3.versioning-off', 'acme.s3.wrong').replace(`violations: ['arn:aws:s3:::a', 'arn:aws:s3:::s']`, `violations: ['arn:aws:s3:::a']`));
  writeFileSync(join(failingPack, 'one-sided.yaml'), VERSIONING_RULE.replace('acme.s3.versioning-off', 'acme.s3.one-sided').replace(/ {2}- name: enabled[\s\S]*$/, ''));
  mkdirSync(malformedPack);
  writeFileSync(join(malformedPack, 'bad-severity.yaml'), VERSIONING_RULE.replace('acme.s3.versioning-off', 'acme.s3.bad').replace('severity: low', 'severity: urgent'));

  t = await createTestDb({ dir: join(dir, 'db') });
  await syncRun(t.db, [
    { type: 'coverage', scope: SCOPE, coverage: 'complete' },
    bucket('unversioned', null),
    bucket('versioned', 'Enabled'),
  ], { source: 'fixture' });
  if (t.db.backend === 'pglite') await t.db.close();
});
afterAll(async () => {
  if (t.db.backend === 'postgres') await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('mothership rules', { timeout: 300_000 }, () => {
  it('lists the built-in rules and the packs with their source (JSON contract)', () => {
    const rows = json<Record<string, unknown>[]>(['rules', '--rules', goodPack, '--format', 'json']);
    expect(rows.filter((r) => r.source === 'built-in').length).toBeGreaterThanOrEqual(3);
    expect(rows.find((r) => r.id === 'aws.s3.bucket-public')).toMatchObject({ severity: 'high', kind: 'config', source: 'built-in' });
    expect(rows.at(-1)).toEqual({ id: 'acme.s3.versioning-off', severity: 'low', kind: 'config', title: 'Bucket versioning is off', frameworks: ['nist-csf-2:PR.DS-11'], source: goodPack });
    const table = runCli(['rules']);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^id\s+severity\s+kind\s+title\s+frameworks\s+source\n/);
  });

  it('rules test passes a pack whose examples hold', () => {
    const r = runCli(['rules', 'test', '--rules', goodPack, 'acme.*']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('pass  acme.s3.versioning-off  never versioned, suspended');
    expect(r.stdout).toContain('rules test: 1 rules, 2 examples, 0 failed');
  });

  it('rules test fails on a wrong example (expected vs actual) and on a rule without a compliant example', () => {
    const r = runCli(['rules', 'test', '--rules', failingPack, 'acme.*']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/FAIL {2}acme\.s3\.wrong {2}never versioned, suspended\n {6}expected: arn:aws:s3:::a\n {6}actual: {3}arn:aws:s3:::a, arn:aws:s3:::s\n/);
    expect(r.stdout).toMatch(/FAIL {2}acme\.s3\.one-sided\n {6}no compliant example/);
    const rows = json<{ rule: string; example: string | null; passed: boolean; expected: string[]; actual: string[] }[]>(['rules', 'test', '--rules', failingPack, 'acme.s3.wrong', '--format', 'json']);
    expect(rows).toEqual([
      { rule: 'acme.s3.wrong', example: 'never versioned, suspended', passed: false, expected: ['arn:aws:s3:::a'], actual: ['arn:aws:s3:::a', 'arn:aws:s3:::s'], error: null },
      { rule: 'acme.s3.wrong', example: 'enabled', passed: true, expected: [], actual: [], error: null },
    ]);
  });

  it('rules test names an unknown rule id', () => {
    const r = runCli(['rules', 'test', 'acme.nope']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('mothership: rule acme.nope: no such rule\n');
  });
});

describe('mothership analyze --rules', { timeout: 300_000 }, () => {
  const openFindings = () => json<{ asset_uid: string; evidence: unknown }[]>(['--db', t.location, 'findings', '--rule', 'acme.s3.versioning-off', '--format', 'json']);

  it('a malformed pack fails naming the file and field, and writes nothing', async () => {
    const before = await withStore((db) => db.query('select count(*)::int as n from runs'));
    const r = runCli(['--db', t.location, 'analyze', '--rules', malformedPack]);
    expect(r.status).toBe(1);
    expect(r.stderr.startsWith(`mothership: ${join(malformedPack, 'bad-severity.yaml')} (rule acme.s3.bad): severity: `), r.stderr).toBe(true);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(await withStore((db) => db.query('select count(*)::int as n from runs'))).toEqual(before);
  });

  it('evaluates a user pack beside the built-in rules, and resolves its finding once the asset is fixed', async () => {
    const r = runCli(['--db', t.location, 'analyze', '--rules', goodPack]);
    expect(r.status, r.stderr).toBe(0);
    expect(openFindings()).toEqual([expect.objectContaining({ asset_uid: 'arn:aws:s3:::unversioned', evidence: { status: 'never enabled' } })]);

    await withStore((db) => syncRun(db, [
      { type: 'coverage', scope: SCOPE, coverage: 'complete' },
      bucket('unversioned', 'Enabled'),
      bucket('versioned', 'Enabled'),
    ], { source: 'fixture' }));
    expect(runCli(['--db', t.location, 'analyze', '--rules', goodPack]).status).toBe(0);
    expect(openFindings()).toEqual([]);
    const resolved = json<{ asset_uid: string; status: string }[]>(['--db', t.location, 'findings', '--rule', 'acme.s3.versioning-off', '--status', 'resolved', '--format', 'json']);
    expect(resolved.map((f) => [f.asset_uid, f.status])).toEqual([['arn:aws:s3:::unversioned', 'resolved']]);
  });
});
