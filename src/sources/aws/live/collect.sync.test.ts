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

const SERVICES = ['iam', 's3', 'ec2', 'vpc', 'eni', 'ebs', 'ami', 'kms', 'lambda'];
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
    db: live.db, dumpDir: dump, services: SERVICES, concurrency: 4, client: { endpoint: server.url }, log: (m) => log.push(m),
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
      expect.stringMatching(/^aws 111122223333 global: 2 services; errors: .*NoSuchBucketPolicy×1/),
      expect.stringMatching(/^aws 111122223333 us-east-1: 7 services; errors: .*UnauthorizedOperation×1.*AccessDeniedException×1|^aws 111122223333 us-east-1: 7 services; errors: .*AccessDeniedException×1.*UnauthorizedOperation×1/),
      expect.stringMatching(/^aws 111122223333 eu-west-1: 7 services/),
    ]));
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
    expect(byScope.get(`aws:${A}:us-east-1:lambda`)).toMatchObject({ coverage: 'failed', error: expect.stringContaining('lambda-list-functions: AccessDeniedException') });
    expect(byScope.get(`aws:${A}:us-east-1:vpc`)).toMatchObject({ coverage: 'partial', error: expect.stringContaining('ec2-describe-nat-gateways: UnauthorizedOperation') });
    for (const service of ['ec2', 'kms', 'eni', 'ebs', 'ami']) expect(byScope.get(`aws:${A}:us-east-1:${service}`)?.coverage).toBe('complete');
    for (const service of ['iam', 's3', 'account']) expect(byScope.get(`aws:${A}:global:${service}`)?.coverage).toBe('complete');
    // Services left out of the run state nothing: their scopes stay as they were.
    expect([...byScope.keys()].some((s) => s.endsWith(':rds') || s.endsWith(':eks'))).toBe(false);
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
    expect(alice.UserPolicyList).toEqual([expect.objectContaining({ PolicyDocument: expect.objectContaining({ Version: '2012-10-17' }) })]);
    const policy = rows.get(`arn:aws:iam::${A}:policy/web-data`)!.properties;
    expect((policy.PolicyVersionList as unknown[]).length).toBe(2);
    const account = rows.get(`arn:aws:iam::${A}:root`)!;
    expect(account).toMatchObject({ name: 'acme-prod', properties: expect.objectContaining({ OrganizationId: 'o-acme12345', PasswordPolicy: null }) });
    const key = [...rows.values()].find((r) => r.kind === 'aws.kms.key' && r.uid.includes('1111aaaa'))!;
    expect(key.properties).toMatchObject({ KeyManager: 'CUSTOMER', KeyRotationEnabled: true, CreationDate: '2024-01-01T00:00:00.500000+00:00' });
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
    expect(await readdir(join(dump, A, 'us-east-1'))).not.toContain('rds-describe-db-instances.json');
  });

  it('imports its own dump to exactly what the live run synced', async () => {
    const r = await importDump(imported.db, 'aws', dump);
    expect(r.status).toBe('partial');
    expect(await assets(imported.db)).toEqual(await assets(live.db));
    expect(await relationships(imported.db)).toEqual(await relationships(live.db));
    expect(await scopes(imported.db)).toEqual(await scopes(live.db));
    expect(await assets(live.db)).toHaveLength(15);
  });
});
