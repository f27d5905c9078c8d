import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../../test/support/test-db.js';
import { collectAws, type AccountCollection } from '../../../pipeline/collect-aws.js';
import { importDump } from '../../../pipeline/import-dump.js';
import type { Db } from '../../../store/db.js';
import { MAIN_ACCOUNT as A, MAIN_KEY, startAwsTestServer, type AwsTestServer } from './testing/aws-test-server.js';

/**
 * The live collector against a local endpoint speaking the AWS wire protocols (testing/aws-test-server.ts):
 * the real SDK clients serialize, sign, page, retry and parse; nothing of the SDK or of ours is mocked.
 */

const arn = (type: string, id: string, region = 'us-east-1') => `arn:aws:ec2:${region}:${A}:${type}/${id}`;

let server: AwsTestServer;
let live: TestDb;
let imported: TestDb;
let dump: string;
let result: AccountCollection;
const log: string[] = [];

async function assets(db: Db) {
  return db.query<{ uid: string; kind: string; name: string | null; account: string; region: string | null; properties: Record<string, unknown>; tags: unknown; owner: string | null }>(
    'select uid, kind, name, provider, account, region, properties, tags, owner, owner_reason from assets order by uid');
}
const relationships = (db: Db) => db.query('select from_uid, kind, to_uid, properties from relationships order by 1, 2, 3');
const scopes = (db: Db) => db.query<{ scope: string; coverage: string; error: string | null }>(
  'select scope, coverage, error from run_scopes order by scope');

beforeAll(async () => {
  server = await startAwsTestServer();
  [live, imported] = await Promise.all([createTestDb(), createTestDb()]);
  dump = await mkdtemp(join(tmpdir(), 'aws-live-dump-'));
  const results = await collectAws([{ account: A, partition: 'aws', homeRegion: 'us-east-1', credentials: { accessKeyId: MAIN_KEY, secretAccessKey: 'test-secret' } }], {
    db: live.db, dumpDir: dump, concurrency: 4, client: { endpoint: server.url }, log: (m) => log.push(m),
  });
  result = results[0]!;
}, 120_000);

afterAll(async () => {
  await server.close();
  await Promise.all([live.drop(), imported.drop()]);
  await rm(dump, { recursive: true, force: true });
});

describe('collect aws against the AWS wire protocols', () => {
  it('collects every enabled region and reports progress per account and region', () => {
    expect(result.regions).toBe(2); // DescribeRegions: us-east-1 and eu-west-1
    expect(log).toEqual(expect.arrayContaining([
      'aws 111122223333 global: 2 services; errors: NoSuchEntity×1, NoSuchPublicAccessBlockConfiguration×2, NoSuchBucketPolicy×1, NoSuchTagSet×1',
      'aws 111122223333 us-east-1: 13 services; errors: UnauthorizedOperation×1, AccessDeniedException×1, RepositoryPolicyNotFoundException×1, InvalidAccessException×1',
      'aws 111122223333 eu-west-1: 13 services; errors: UnauthorizedOperation×1, AccessDeniedException×1, InvalidAccessException×1',
    ]));
    expect(log).toHaveLength(3);
  });

  it('merges the pages of paginated calls (EC2 NextToken, IAM Marker, KMS NextMarker)', async () => {
    const rows = await assets(live.db);
    const uids = rows.map((r) => r.uid);
    expect(uids).toEqual(expect.arrayContaining([arn('instance', 'i-0001'), arn('instance', 'i-0002'), arn('instance', 'i-0003')]));
    expect(uids).toEqual(expect.arrayContaining([`arn:aws:iam::${A}:user/alice`, `arn:aws:iam::${A}:role/web`, `arn:aws:iam::${A}:policy/web-data`]));
    expect(rows.filter((r) => r.kind === 'aws.kms.key')).toHaveLength(2);
    expect(server.requests.filter((r) => r.operation === 'DescribeInstances' && r.region === 'us-east-1')).toHaveLength(2);
  });

  it('retries a throttled call (adaptive retry mode) and keeps its result', async () => {
    const calls = server.requests.filter((r) => r.operation === 'DescribeSecurityGroups' && r.region === 'us-east-1');
    expect(calls.map((c) => c.status)).toEqual([503, 200]);
    const sg = (await assets(live.db)).find((r) => r.uid === arn('security-group', 'sg-0web'));
    expect(sg?.properties.IpPermissions).toEqual([expect.objectContaining({ FromPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] })]);
  });

  it('records AccessDenied on its scope and syncs the rest', async () => {
    expect(result.sync?.status).toBe('partial');
    const byScope = new Map((await scopes(live.db)).map((s) => [s.scope, s]));
    expect(byScope.get(`aws:${A}:us-east-1:lambda`)?.coverage).toBe('failed');
    expect(byScope.get(`aws:${A}:us-east-1:lambda`)?.error).toMatch(/^lambda-list-functions: AccessDeniedException: User: .* lambda:ListFunctions/);
    expect(byScope.get(`aws:${A}:us-east-1:vpc`)?.coverage).toBe('partial');
    expect(byScope.get(`aws:${A}:us-east-1:vpc`)?.error).toBe('ec2-describe-nat-gateways: UnauthorizedOperation: You are not authorized to perform this operation.');
    // Every other scope is complete: "no policy", "Security Hub off" are answers, not failures.
    const others = [...byScope.values()].filter((s) => !/:(lambda|vpc)$/.test(s.scope));
    expect(others.filter((s) => s.coverage !== 'complete')).toEqual([]);
    expect(others).toHaveLength(2 * 15 + 3); // 17 scopes per region (the detective plan states 5), lambda and vpc apart; iam, s3, account
    const uids = (await assets(live.db)).map((r) => r.uid);
    expect(uids).toEqual(expect.arrayContaining([arn('vpc', 'vpc-0a1'), arn('subnet', 'subnet-0a1')]));
  });

  it('reads the configuration the posture checks need, as the CLI prints it', async () => {
    const rows = new Map((await assets(live.db)).map((r) => [r.uid, r]));
    const web1 = rows.get(arn('instance', 'i-0001'))!;
    expect(web1.properties).toMatchObject({ PublicIpAddress: '54.0.0.1', LaunchTime: '2024-03-01T10:00:00+00:00', MetadataOptions: { HttpTokens: 'optional' } });
    expect(web1.owner).toBe('payments');
    const edges = await relationships(live.db);
    expect(edges).toContainEqual(expect.objectContaining({ from_uid: arn('instance', 'i-0001'), kind: 'has_role', to_uid: `arn:aws:iam::${A}:role/web` }));
    expect(edges).toContainEqual(expect.objectContaining({ from_uid: `arn:aws:iam::${A}:user/alice`, kind: 'member_of', to_uid: `arn:aws:iam::${A}:group/admins` }));
    expect(edges).toContainEqual(expect.objectContaining({ from_uid: 'service:ec2.amazonaws.com', kind: 'can_assume', to_uid: `arn:aws:iam::${A}:role/web` }));
    const logs = rows.get('arn:aws:s3:::acme-logs')!.properties;
    expect(logs.Policy).toMatchObject({ Statement: [expect.objectContaining({ Sid: 'TLS' })] });
    expect(logs).toMatchObject({ Versioning: { Status: 'Enabled' }, Encryption: { Rules: [expect.objectContaining({ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } })] } });
    const pub = rows.get('arn:aws:s3:::acme-public')!;
    expect(pub.properties).toMatchObject({ Policy: null, PublicAccessBlock: null, Tagging: null, AccountPublicAccessBlock: null });
    expect(pub.region).toBe('eu-west-1');
    const alice = rows.get(`arn:aws:iam::${A}:user/alice`)!.properties;
    expect(alice).toMatchObject({ AccessKeys: [{ AccessKeyId: 'AKIAALICEKEY00000001', LastUsed: { ServiceName: 's3', LastUsedDate: '2024-02-02T08:30:00+00:00' } }], MFADevices: [] });
    expect(alice.CredentialReport).toMatchObject({ password_enabled: true, mfa_active: false });
    expect(alice.UserPolicyList).toEqual([{ PolicyName: 'read-logs',
      PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-logs/*' }] } }]);
    const policy = rows.get(`arn:aws:iam::${A}:policy/web-data`)!.properties;
    expect((policy.PolicyVersionList as unknown[]).length).toBe(2);
    const account = rows.get(`arn:aws:iam::${A}:root`)!;
    expect(account.name).toBe('acme-prod');
    expect(account.properties).toMatchObject({ OrganizationId: 'o-acme12345', PasswordPolicy: null });
    const key = [...rows.values()].find((r) => r.kind === 'aws.kms.key' && r.uid.includes('1111aaaa'))!;
    expect(key.properties).toMatchObject({ KeyManager: 'CUSTOMER', KeyRotationEnabled: true, CreationDate: '2024-01-01T00:00:00.500000+00:00' });
  });

  it('reads every service over its own protocol: ELB, RDS, EKS, ECR, CloudTrail, GuardDuty, Config, Security Hub', async () => {
    const rows = new Map((await assets(live.db)).map((r) => [r.uid, r]));
    const byKind = (kind: string) => [...rows.values()].filter((r) => r.kind === kind);
    const edges = await relationships(live.db);
    const alb = byKind('aws.elbv2.load-balancer')[0]!;
    expect(alb.properties).toMatchObject({ Scheme: 'internet-facing', Listeners: [{ Port: 443, Protocol: 'HTTPS' }] });
    expect(edges).toContainEqual(expect.objectContaining({ from_uid: alb.uid, kind: 'targets', to_uid: arn('instance', 'i-0001') }));
    expect(rows.get(`arn:aws:rds:us-east-1:${A}:db:orders`)).toMatchObject({ owner: 'orders', properties: { PubliclyAccessible: true, StorageEncrypted: false } });
    expect(rows.get(`arn:aws:eks:us-east-1:${A}:cluster/prod`)?.properties).toMatchObject({ IsPublic: true, createdAt: '2023-11-14T22:13:20+00:00' });
    expect(byKind('aws.ecr.repository')[0]?.properties).toMatchObject({ repositoryName: 'team/app', Policy: null, ImageCount: 1 });
    expect(rows.get(`arn:aws:cloudtrail:us-east-1:${A}:trail/main-trail`)?.properties).toMatchObject({ IsLogging: true });
    expect(rows.get(`arn:aws::us-east-1:${A}`)?.properties).toMatchObject({ CloudTrail: 'enabled', GuardDuty: 'enabled', Config: 'enabled', SecurityHub: 'disabled' });
    expect(rows.get(`arn:aws::eu-west-1:${A}`)?.properties).toMatchObject({ CloudTrail: 'enabled', GuardDuty: 'disabled', Config: 'disabled' });
  });

  it('writes the dump layout: the CLI output per call, errors as the CLI error document', async () => {
    const read = async (path: string) => JSON.parse(await readFile(join(dump, A, path), 'utf8')) as Record<string, unknown>;
    expect(((await read('us-east-1/ec2-describe-instances.json')).Reservations as unknown[]).length).toBe(2);
    expect(await read('us-east-1/ec2-describe-instances.json')).not.toHaveProperty('NextToken');
    expect(await read('global/s3api-get-bucket-policy/acme-public.json')).toEqual({ Error: { Code: 'NoSuchBucketPolicy', Message: 'The bucket policy does not exist' } });
    expect(await read('us-east-1/lambda-list-functions.json')).toMatchObject({ Error: { Code: 'AccessDeniedException' } });
    expect(await read('meta.json')).toEqual({ Alias: 'acme-prod', OrganizationId: 'o-acme12345' });
    expect(await readFile(join(dump, A, 'global/s3api-get-bucket-versioning/acme-public.json'), 'utf8')).toBe('');
    expect((await readdir(join(dump, A))).sort()).toEqual(['eu-west-1', 'global', 'meta.json', 'us-east-1']);
    // Per-resource calls: named by resource name (the SDK call took the ARN), `/` in a name makes sub-folders.
    expect(await read('us-east-1/elbv2-describe-listeners/web-alb.json')).toMatchObject({ Listeners: [{ Port: 443 }] });
    expect(await read('us-east-1/cloudtrail-get-trail-status/main-trail.json')).toMatchObject({ IsLogging: true });
    expect(await read('us-east-1/ecr-describe-images/team/app.json')).toMatchObject({ imageDetails: [{ imageTags: ['v1'] }] });
  });

  it('imports its own dump to exactly what the live run synced', async () => {
    const r = await importDump(imported.db, 'aws', dump);
    expect(r.status).toBe('partial');
    expect(await assets(imported.db)).toEqual(await assets(live.db));
    expect(await relationships(imported.db)).toEqual(await relationships(live.db));
    expect(await scopes(imported.db)).toEqual(await scopes(live.db));
    expect(await assets(live.db)).toHaveLength(27);
  });
});
