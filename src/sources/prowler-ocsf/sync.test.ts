import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedRecord, Parser } from '../../model/index.js';
import { syncRun } from '../../pipeline/sync/run.js';
import type { Db } from '../../store/db.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { prowlerJson } from '../prowler-json/parser.js';
import { DOJO_DIR } from '../prowler/dojo-corpus.js';
import { prowlerOcsfJson } from './parser.js';
import { ingestText, storeSnapshot as snapshot } from '../../../test/support/report-sync.js';

const REAL = join(DOJO_DIR, 'aws_prowler_v3plus', 'many_vuln.ocsf.json');
const A = '111111111111';
const B = '222222222222';
const ROLE = `arn:aws:iam::${A}:role/deploy`;
const BUCKET = 'arn:aws:s3:::payroll';
const INSTANCE = `arn:aws:ec2:eu-west-1:${B}:instance/i-0abc`;
const day = (d: number) => new Date(Date.UTC(2026, 1, d));

interface Result { check: string; account: string; region: string; arn: string; id: string; type: string }
const roleCheck: Result = { check: 'iam_role_administratoraccess_policy', account: A, region: 'us-east-1', arn: ROLE, id: 'deploy', type: 'AwsIamRole' };
const bucketCheck: Result = { check: 's3_bucket_public_access', account: A, region: 'us-east-1', arn: BUCKET, id: 'payroll', type: 'AwsS3Bucket' };
const instanceCheck: Result = { check: 'ec2_instance_imdsv2_enabled', account: B, region: 'eu-west-1', arn: INSTANCE, id: 'i-0abc', type: 'AwsEc2Instance' };

const ocsf = (results: Result[]) => JSON.stringify(results.map((r) => ({
  metadata: { event_code: r.check, product: { name: 'Prowler', vendor_name: 'Prowler', version: '4.2.1' } },
  severity: 'High', status: 'New', status_code: 'FAIL', status_detail: `${r.id} fails ${r.check}`,
  finding_info: { title: `Title of ${r.check}`, uid: `prowler-aws-${r.check}-${r.account}-${r.region}-${r.id}` },
  resources: [{ uid: r.arn, name: r.id, type: r.type, region: r.region }],
  cloud: { provider: 'aws', region: r.region, account: { uid: r.account } },
})));

/** The same results as Prowler 3 writes them: the fingerprints are the same, the source (`prowler`) too. */
const v3 = (results: Result[]) => JSON.stringify(results.map((r) => ({
  FindingUniqueId: `prowler-aws-${r.check}-${r.account}-${r.region}-${r.id}`, Provider: 'aws', CheckID: r.check, CheckTitle: `Title of ${r.check}`,
  Status: 'FAIL', StatusExtended: `${r.id} fails ${r.check}`, Severity: 'high', ResourceType: r.type,
  AccountId: r.account, Region: r.region, ResourceId: r.id, ResourceArn: r.arn,
})));

function ingest(db: Db, parser: Parser, name: string, text: string, now: Date) {
  return ingestText(db, parser, name, text, now);
}

/** What the AWS collector says about the role: a definition the Prowler references must not overwrite. */
function collectorRole(): NormalizedRecord[] {
  const scope = `aws:${A}:global:iam`;
  return [
    { type: 'coverage', scope, coverage: 'complete' },
    { type: 'asset', scope, asset: { uid: ROLE, kind: 'aws.iam.role', name: 'deploy', provider: 'aws', account: A, properties: { RoleName: 'deploy' } } },
  ];
}

const statusOf = async (db: Db, assetUid: string) =>
  (await db.query<{ status: string }>('select status from findings where asset_uid = $1', [assetUid])).map((r) => r.status);

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.drop(); });

describe.skipIf(!existsSync(REAL))(existsSync(REAL) ? 'prowler-ocsf-json: a real report through the scoped sync'
  : 'prowler-ocsf-json real report: skipped, ../shared/corpus/defectdojo not found', () => {
  it('stores it, and changes no row when it is ingested again', async () => {
    const text = readFileSync(REAL, 'utf8');
    const first = await ingest(t.db, prowlerOcsfJson, 'many_vuln.ocsf.json', text, day(1));
    expect(first.status).toBe('succeeded');
    expect(first.counts.findings.new).toBe(2);
    const roles = await t.db.query<{ kind: string; reference: boolean; source: string }>(
      `select kind, reference, source from assets where uid like 'arn:aws:iam::123456789012:role/%'`);
    expect(roles).toEqual([{ kind: 'aws.iam.role', reference: true, source: 'prowler' }, { kind: 'aws.iam.role', reference: true, source: 'prowler' }]);
    const before = await snapshot(t.db);
    const again = await ingest(t.db, prowlerOcsfJson, 'many_vuln.ocsf.json', text, day(2));
    expect(again.counts.assets).toMatchObject({ inserted: 0, updated: 0, gone: 0 });
    expect(again.counts.findings).toMatchObject({ new: 0, updated: 0, reopened: 0, resolved: 0 });
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('prowler reports through the scoped sync', () => {
  it('puts findings on the collector\'s asset without overwriting it', async () => {
    await syncRun(t.db, collectorRole(), { source: 'aws-dump', now: day(3) });
    const r = await ingest(t.db, prowlerOcsfJson, 'run-1.ocsf.json', ocsf([roleCheck, bucketCheck, instanceCheck]), day(3));
    expect(r.counts.scopes).toEqual({ complete: 2, partial: 0, failed: 0 });
    const [role] = await t.db.query<{ kind: string; reference: boolean; source: string; properties: unknown }>(
      'select kind, reference, source, properties from assets where uid = $1', [ROLE]);
    expect(role).toEqual({ kind: 'aws.iam.role', reference: false, source: 'aws-dump', properties: { RoleName: 'deploy' } });
    const [bucket] = await t.db.query<{ reference: boolean; source: string; scope: string }>('select reference, source, scope from assets where uid = $1', [BUCKET]);
    expect(bucket).toEqual({ reference: true, source: 'prowler', scope: `prowler:${A}:us-east-1` });
    expect(await statusOf(t.db, ROLE)).toEqual(['open']);
  });

  it('resolves what a newer report of the account no longer finds, in any Prowler format, and leaves other accounts alone', async () => {
    // Prowler 3 JSON this time, account A only: the bucket was fixed, the role was not.
    const r = await ingest(t.db, prowlerJson, 'run-2.json', v3([roleCheck]), day(4));
    expect(r.counts.findings).toMatchObject({ new: 0, resolved: 1 });
    expect(await statusOf(t.db, BUCKET)).toEqual(['resolved']);
    expect(await statusOf(t.db, ROLE)).toEqual(['open']);
    expect(await statusOf(t.db, INSTANCE)).toEqual(['open']);
    const sources = await t.db.query<{ source: string; original_id: string }>(
      'select s.source, s.original_id from finding_sources s join findings f on f.id = s.finding_id where f.asset_uid = $1', [ROLE]);
    expect(sources).toEqual([{ source: 'prowler', original_id: `prowler-aws-${roleCheck.check}-${A}-us-east-1-deploy` }]);
  });
});
