import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleFingerprint } from '../src/findings/fingerprint.js';
import { createTestDb, type TestDb } from './support/test-db.js';
import { runCli } from './support/cli.js';

/** `mothership ingest <file> --asset <uid>` as users run it (the built CLI: `npm run build` first). */

const dir = mkdtempSync(join(tmpdir(), 'ms-cli-asset-'));
const SUBJECT = 'repo:github.com/acme/infra';
let t: TestDb;
let db: string;

const CHECKOV = [{
  check_type: 'terraform',
  results: { passed_checks: [], skipped_checks: [], parsing_errors: [], failed_checks: [{
    check_id: 'CKV_AWS_20', check_name: 'S3 Bucket has an ACL defined which allows public READ access.', check_result: { result: 'FAILED' },
    file_path: '/main.tf', file_line_range: [1, 8], resource: 'aws_s3_bucket.logs', severity: 'HIGH',
  }] },
  summary: { passed: 0, failed: 1, skipped: 0, parsing_errors: 0, checkov_version: '3.2.0' },
}];

const TFSEC = { results: [{
  rule_id: 'AVD-AWS-0086', long_id: 'aws-s3-block-public-acls', rule_description: 'S3 Access block should block public ACL',
  rule_provider: 'aws', rule_service: 's3', impact: 'PUT calls with public ACLs specified can make objects public',
  resolution: 'Enable blocking any PUT calls with a public ACL specified', links: [], description: 'No public access block so not blocking public acls',
  severity: 'HIGH', warning: false, status: 0, resource: 'aws_s3_bucket.logs',
  location: { filename: '/main.tf', start_line: 1, end_line: 8 },
}] };

beforeAll(async () => {
  writeFileSync(join(dir, 'results_json.json'), JSON.stringify(CHECKOV));
  writeFileSync(join(dir, 'tfsec.json'), JSON.stringify(TFSEC));
  writeFileSync(join(dir, 'findings.asff.json'), JSON.stringify({ Findings: [] }));
  t = await createTestDb({ dir: join(dir, 'db') });
  db = t.location;
  // The CLI opens the store itself; PGlite allows one process at a time.
  if (t.db.backend === 'pglite') await t.db.close();
});
afterAll(async () => {
  if (t.db.backend === 'postgres') await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

const query = (sql: string): unknown => JSON.parse(runCli(['--db', db, 'query', sql, '--format', 'json']).stdout);

describe('mothership ingest --asset', () => {
  it('puts reports that name no repository on the one given, and their findings on it', () => {
    const r = runCli(['--db', db, 'ingest', join(dir, 'results_json.json'), join(dir, 'tfsec.json'), '--asset', SUBJECT, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)).toMatchObject([
      { type: 'checkov-json', assets: 1, findings: 1, new: 1, errors: [] },
      { type: 'tfsec-json', assets: 1, findings: 1, new: 1, errors: [] },
    ]);
    expect(query('select uid, kind, name from assets')).toEqual([{ uid: SUBJECT, kind: 'code.repository', name: 'github.com/acme/infra' }]);
    expect(query('select asset_uid, fingerprint, rule_id from findings order by rule_id')).toEqual([
      { asset_uid: SUBJECT, rule_id: 'AVD-AWS-0086', fingerprint: ruleFingerprint('config', 'AVD-AWS-0086', SUBJECT, '/main.tf#resource:aws_s3_bucket.logs') },
      { asset_uid: SUBJECT, rule_id: 'CKV_AWS_20', fingerprint: ruleFingerprint('config', 'CKV_AWS_20', SUBJECT, '/main.tf#resource:aws_s3_bucket.logs') },
    ]);
  });

  it('ingesting the same file again with the same --asset is a no-op', () => {
    const r = runCli(['--db', db, 'ingest', join(dir, 'results_json.json'), '--asset', SUBJECT, '--format', 'json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ findings: 1, new: 0, resolved: 0 });
    expect(query('select count(*)::int as n from findings')).toEqual([{ n: 2 }]);
  });

  it('refuses --asset for a cloud report, naming its type, and writes nothing', () => {
    const r = runCli(['--db', db, 'ingest', join(dir, 'findings.asff.json'), '--type', 'asff-json', '--asset', SUBJECT]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--asset does not apply to asff-json reports');
    expect(r.stderr).not.toMatch(/\n\s+at /); // one line, no stack
    expect(query('select count(*)::int as n from assets')).toEqual([{ n: 1 }]);
  });

  it('refuses an empty uid once, before reading any file', () => {
    const r = runCli(['--db', db, 'ingest', join(dir, 'results_json.json'), join(dir, 'tfsec.json'), '--asset', ' ']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['mothership: ingest: --asset: an asset uid is needed, got an empty one']);
  });
});
