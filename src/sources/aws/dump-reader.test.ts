import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetInput, NormalizedRecord, RelationshipInput } from '../../model/index.js';
import { awsDump } from './dump-reader.js';

// Hand-written AWS CLI output, in the response shapes the CLI prints (pagination merged).
const A = '111122223333';
const B = '444455556666';

const webInstance = {
  AmiLaunchIndex: 0, ImageId: 'ami-0abcdef1234567890', InstanceId: 'i-0aaa1111bbbb2222c', InstanceType: 't3.micro',
  LaunchTime: '2025-11-02T10:00:00+00:00', Monitoring: { State: 'disabled' },
  Placement: { AvailabilityZone: 'us-east-1a', GroupName: '', Tenancy: 'default' },
  PrivateDnsName: 'ip-10-0-1-10.ec2.internal', PrivateIpAddress: '10.0.1.10', PublicIpAddress: '54.1.2.3',
  State: { Code: 16, Name: 'running' }, SubnetId: 'subnet-0123456789abcdef0', VpcId: 'vpc-0123456789abcdef0',
  Architecture: 'x86_64',
  BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { AttachTime: '2025-11-02T10:00:01+00:00', DeleteOnTermination: true, Status: 'attached', VolumeId: 'vol-0123456789abcdef0' } }],
  IamInstanceProfile: { Arn: `arn:aws:iam::${A}:instance-profile/web-profile`, Id: 'AIPAEXAMPLEWEBPROFILE1' },
  SecurityGroups: [{ GroupName: 'web', GroupId: 'sg-0123456789abcdef0' }, { GroupName: 'ssh', GroupId: 'sg-0fedcba9876543210' }],
  Tags: [{ Key: 'Name', Value: 'web-1' }, { Key: 'Team', Value: 'payments' }],
  MetadataOptions: { State: 'applied', HttpTokens: 'optional', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled' },
};
const batchInstance = {
  InstanceId: 'i-0bbb1111bbbb2222c', InstanceType: 'm5.large', State: { Code: 16, Name: 'running' },
  SubnetId: 'subnet-0123456789abcdef1', VpcId: 'vpc-0123456789abcdef0', SecurityGroups: [],
  Tags: [{ Key: 'Owner', Value: 'alice@example.com' }],
};
const terminatedInstance = { InstanceId: 'i-0ccc1111bbbb2222c', State: { Code: 48, Name: 'terminated' }, SecurityGroups: [] };
const webSg = {
  Description: 'web servers', GroupName: 'web', GroupId: 'sg-0123456789abcdef0', OwnerId: A, VpcId: 'vpc-0123456789abcdef0',
  IpPermissions: [{ FromPort: 443, IpProtocol: 'tcp', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], ToPort: 443, UserIdGroupPairs: [] }],
  IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
  Tags: [{ Key: 'owner', Value: 'platform' }],
};

const ec2Trust = { Version: '2012-10-17', Statement: [{ Sid: '', Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
const crossTrust = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { AWS: [`arn:aws:iam::${B}:role/ci`, '777788889999'] }, Action: ['sts:AssumeRole', 'sts:TagSession'],
      Condition: { StringEquals: { 'sts:ExternalId': 'abc' } } },
    { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: 'sts:AssumeRole' },
  ],
};
const readBucketsV1 = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };
const readBucketsV2 = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: 'arn:aws:s3:::logs-bucket/*' }] };
const inlineDoc = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' } };
// The raw API form: URL-encoded JSON text (the CLI decodes it, other tools may not).
const encoded = (doc: unknown) => encodeURIComponent(JSON.stringify(doc));

const authorizationDetails = {
  UserDetailList: [{
    Path: '/', UserName: 'alice', UserId: 'AIDAEXAMPLEALICE00001', Arn: `arn:aws:iam::${A}:user/alice`, CreateDate: '2024-01-01T00:00:00Z',
    UserPolicyList: [{ PolicyName: 'describe', PolicyDocument: encoded(inlineDoc) }],
    GroupList: ['devs'],
    AttachedManagedPolicies: [{ PolicyName: 'ReadBuckets', PolicyArn: `arn:aws:iam::${A}:policy/ReadBuckets` }],
    Tags: [{ Key: 'team', Value: 'data' }],
  }],
  GroupDetailList: [{
    Path: '/eng/', GroupName: 'devs', GroupId: 'AGPAEXAMPLEDEVS000001', Arn: `arn:aws:iam::${A}:group/eng/devs`, CreateDate: '2024-01-01T00:00:00Z',
    GroupPolicyList: [], AttachedManagedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
  }],
  RoleDetailList: [
    {
      Path: '/', RoleName: 'web-role', RoleId: 'AROAEXAMPLEWEBROLE001', Arn: `arn:aws:iam::${A}:role/web-role`, CreateDate: '2024-01-01T00:00:00Z',
      AssumeRolePolicyDocument: ec2Trust,
      InstanceProfileList: [{ Path: '/', InstanceProfileName: 'web-profile', InstanceProfileId: 'AIPAEXAMPLEWEBPROFILE1',
        Arn: `arn:aws:iam::${A}:instance-profile/web-profile`, CreateDate: '2024-01-01T00:00:00Z', Roles: [] }],
      RolePolicyList: [], AttachedManagedPolicies: [{ PolicyName: 'ReadBuckets', PolicyArn: `arn:aws:iam::${A}:policy/ReadBuckets` }],
      Tags: [], RoleLastUsed: {},
    },
    {
      Path: '/', RoleName: 'cross', RoleId: 'AROAEXAMPLECROSS00001', Arn: `arn:aws:iam::${A}:role/cross`, CreateDate: '2024-01-01T00:00:00Z',
      AssumeRolePolicyDocument: encoded(crossTrust), InstanceProfileList: [], RolePolicyList: [], AttachedManagedPolicies: [], Tags: [], RoleLastUsed: {},
    },
    {
      Path: '/', RoleName: 'open', RoleId: 'AROAEXAMPLEOPEN000001', Arn: `arn:aws:iam::${A}:role/open`, CreateDate: '2024-01-01T00:00:00Z',
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:*' }] },
      InstanceProfileList: [], RolePolicyList: [], AttachedManagedPolicies: [], Tags: [], RoleLastUsed: {},
    },
  ],
  Policies: [
    {
      PolicyName: 'ReadBuckets', PolicyId: 'ANPAEXAMPLEREADBUCKET', Arn: `arn:aws:iam::${A}:policy/ReadBuckets`, Path: '/', DefaultVersionId: 'v2',
      AttachmentCount: 2, PermissionsBoundaryUsageCount: 0, IsAttachable: true, CreateDate: '2024-01-01T00:00:00Z', UpdateDate: '2024-02-01T00:00:00Z',
      PolicyVersionList: [
        { Document: readBucketsV2, VersionId: 'v2', IsDefaultVersion: true, CreateDate: '2024-02-01T00:00:00Z' },
        { Document: encoded(readBucketsV1), VersionId: 'v1', IsDefaultVersion: false, CreateDate: '2024-01-01T00:00:00Z' },
      ],
    },
    {
      PolicyName: 'ReadOnlyAccess', PolicyId: 'ANPAILL3HVNFSB6DCOWYQ', Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', Path: '/', DefaultVersionId: 'v1',
      AttachmentCount: 1, IsAttachable: true, PolicyVersionList: [{ Document: { Version: '2012-10-17', Statement: [] }, VersionId: 'v1', IsDefaultVersion: true }],
    },
  ],
};

const publicSitePolicy = { Version: '2012-10-17', Statement: [{ Sid: 'Public', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::public-site/*' }] };
const pab = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
const acl = { Owner: { ID: 'abc123' }, Grants: [{ Grantee: { ID: 'abc123', Type: 'CanonicalUser' }, Permission: 'FULL_CONTROL' }] };
const accessDenied = (op: string) => ({ Error: { Code: 'AccessDenied', Message: `User is not authorized to perform: ${op}` } });

const dump: Record<string, unknown> = {
  [`${A}/meta.json`]: { Alias: 'payments-prod', OrganizationId: 'o-a1b2c3d4e5', Name: 'Payments production' },
  [`${A}/us-east-1/ec2-describe-instances.json`]: { Reservations: [
    { Groups: [], Instances: [webInstance, terminatedInstance], OwnerId: A, ReservationId: 'r-0123456789abcdef0' },
    { Groups: [], Instances: [batchInstance], OwnerId: A, ReservationId: 'r-0123456789abcdef1' },
  ] },
  [`${A}/us-east-1/ec2-describe-security-groups.json`]: { SecurityGroups: [webSg] },
  [`${A}/eu-west-1/ec2-describe-instances.json`]: { Reservations: [{ Instances: [{
    InstanceId: 'i-0ddd1111bbbb2222c', State: { Name: 'running' }, IamInstanceProfile: { Arn: `arn:aws:iam::${A}:instance-profile/orphan`, Id: 'AIPAORPHAN' } }] }] },
  [`${A}/eu-west-1/ec2-describe-security-groups.json`]: accessDenied('ec2:DescribeSecurityGroups'),
  [`${A}/ap-southeast-2/ec2-describe-security-groups.json`]: { SecurityGroups: [] },
  [`${A}/ca-central-1/lambda-list-functions.json`]: { Functions: [] },
  [`${A}/global/iam-get-account-authorization-details.json`]: authorizationDetails,
  [`${A}/global/s3api-list-buckets.json`]: {
    Buckets: [{ Name: 'logs-bucket', CreationDate: '2024-01-01T00:00:00+00:00' }, { Name: 'public-site', CreationDate: '2024-01-02T00:00:00+00:00' },
      { Name: 'secret-data', CreationDate: '2024-01-03T00:00:00+00:00', BucketRegion: 'ap-south-1' }],
    Owner: { DisplayName: 'payments', ID: 'abc123' },
  },
  [`${A}/global/s3control-get-public-access-block.json`]: { PublicAccessBlockConfiguration: pab },
  [`${A}/global/s3api-get-bucket-policy/logs-bucket.json`]: { Error: { Code: 'NoSuchBucketPolicy', Message: 'The bucket policy does not exist' } },
  [`${A}/global/s3api-get-public-access-block/logs-bucket.json`]: { PublicAccessBlockConfiguration: pab },
  [`${A}/global/s3api-get-bucket-encryption/logs-bucket.json`]: { ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }] } },
  [`${A}/global/s3api-get-bucket-location/logs-bucket.json`]: { LocationConstraint: null },
  [`${A}/global/s3api-get-bucket-tagging/logs-bucket.json`]: { Error: { Code: 'NoSuchTagSet', Message: 'The TagSet does not exist' } },
  [`${A}/global/s3api-get-bucket-acl/logs-bucket.json`]: acl,
  [`${A}/global/s3api-get-bucket-versioning/logs-bucket.json`]: '',
  [`${A}/global/s3api-get-bucket-policy/public-site.json`]: { Policy: JSON.stringify(publicSitePolicy) },
  [`${A}/global/s3api-get-public-access-block/public-site.json`]: { Error: { Code: 'NoSuchPublicAccessBlockConfiguration', Message: 'The public access block configuration was not found' } },
  [`${A}/global/s3api-get-bucket-location/public-site.json`]: { LocationConstraint: 'EU' },
  [`${A}/global/s3api-get-bucket-tagging/public-site.json`]: { TagSet: [{ Key: 'TEAM', Value: 'web' }] },
  [`${A}/global/s3api-get-bucket-versioning/public-site.json`]: { Status: 'Enabled', MFADelete: 'Disabled' },
  [`${A}/global/s3api-get-bucket-policy/secret-data.json`]: accessDenied('s3:GetBucketPolicy'),
  [`${B}/global/iam-get-account-authorization-details.json`]: accessDenied('iam:GetAccountAuthorizationDetails'),
  [`${B}/us-west-2/ec2-describe-instances.json`]: { Reservations: [{ Instances: [{
    InstanceId: 'i-0eee1111bbbb2222c', State: { Name: 'stopped' }, IamInstanceProfile: { Arn: `arn:aws:iam::${B}:instance-profile/app` } }] }] },
  [`${B}/us-west-2/ec2-describe-security-groups.json`]: { SecurityGroups: [] },
  'README.txt': 'not an account',
};

async function writeDump(root: string, files: Record<string, unknown>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
}

async function readAll(dir: string, log: string[] = []): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of awsDump.read(dir, { log: (m) => log.push(m) })) out.push(r);
  return out;
}

let root: string;
let records: NormalizedRecord[];
const log: string[] = [];

const assets = () => records.flatMap((r) => (r.type === 'asset' ? [r.asset] : []));
const asset = (uid: string): AssetInput | undefined => assets().find((a) => a.uid === uid);
const edges = () => records.flatMap((r) => (r.type === 'relationship' ? [{ ...r.relationship, scope: r.scope }] : []));
const edgesFrom = (uid: string, kind?: string): (RelationshipInput & { scope: string })[] =>
  edges().filter((e) => e.from === uid && (kind === undefined || e.kind === kind));
const coverage = (scope: string) => records.filter((r) => r.type === 'coverage' && r.scope === scope);
const scopeOf = (uid: string) => records.find((r) => r.type === 'asset' && r.asset.uid === uid)?.scope;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'aws-dump-'));
  await mkdir(join(root, 'not-an-account'));
  await writeDump(root, dump);
  records = await readAll(root, log);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('aws dump reader: EC2', () => {
  const web = `arn:aws:ec2:us-east-1:${A}:instance/i-0aaa1111bbbb2222c`;

  it('emits instances keyed by ARN, named by the Name tag, with the CLI object whole and tags flattened', () => {
    const a = asset(web);
    expect(a).toMatchObject({ kind: 'aws.ec2.instance', name: 'web-1', provider: 'aws', account: A, region: 'us-east-1',
      tags: { Name: 'web-1', Team: 'payments' } });
    expect(a?.properties).toEqual(webInstance);
    expect(scopeOf(web)).toBe(`aws:${A}:us-east-1:ec2`);
  });

  it('takes the owner from a team or owner tag, whatever the key case', () => {
    expect(asset(web)).toMatchObject({ owner: 'payments', ownerReason: 'tag Team=payments' });
    expect(asset(`arn:aws:ec2:us-east-1:${A}:instance/i-0bbb1111bbbb2222c`)).toMatchObject({ owner: 'alice@example.com', ownerReason: 'tag Owner=alice@example.com', name: 'i-0bbb1111bbbb2222c' });
    expect(asset(`arn:aws:ec2:us-east-1:${A}:security-group/sg-0123456789abcdef0`)).toMatchObject({ owner: 'platform', ownerReason: 'tag owner=platform' });
  });

  it('leaves terminated instances out, so the sweep marks them gone', () => {
    expect(asset(`arn:aws:ec2:us-east-1:${A}:instance/i-0ccc1111bbbb2222c`)).toBeUndefined();
  });

  it('links instances to security groups, subnet, VPC and, through the instance profile, the role', () => {
    const to = (kind: string) => edgesFrom(web, kind).map((e) => e.to).sort();
    expect(to('in_security_group')).toEqual([`arn:aws:ec2:us-east-1:${A}:security-group/sg-0123456789abcdef0`, `arn:aws:ec2:us-east-1:${A}:security-group/sg-0fedcba9876543210`]);
    expect(to('in_subnet')).toEqual([`arn:aws:ec2:us-east-1:${A}:subnet/subnet-0123456789abcdef0`]);
    expect(to('in_vpc')).toEqual([`arn:aws:ec2:us-east-1:${A}:vpc/vpc-0123456789abcdef0`]);
    expect(to('has_role')).toEqual([`arn:aws:iam::${A}:role/web-role`]);
    expect(to('has_instance_profile')).toEqual([]);
    expect(edgesFrom(web).every((e) => e.scope === `aws:${A}:us-east-1:ec2`)).toBe(true);
  });

  it('falls back to an edge to the instance profile when IAM does not resolve it', () => {
    // Account A has IAM, but not this profile; account B's IAM call was refused.
    expect(edgesFrom(`arn:aws:ec2:eu-west-1:${A}:instance/i-0ddd1111bbbb2222c`).map((e) => [e.kind, e.to]))
      .toEqual([['has_instance_profile', `arn:aws:iam::${A}:instance-profile/orphan`]]);
    expect(edgesFrom(`arn:aws:ec2:us-west-2:${B}:instance/i-0eee1111bbbb2222c`).map((e) => [e.kind, e.to]))
      .toEqual([['has_instance_profile', `arn:aws:iam::${B}:instance-profile/app`]]);
  });

  it('emits security groups keyed by ARN', () => {
    const sg = asset(`arn:aws:ec2:us-east-1:${A}:security-group/sg-0123456789abcdef0`);
    expect(sg).toMatchObject({ kind: 'aws.ec2.security-group', name: 'web', region: 'us-east-1' });
    expect(sg?.properties).toEqual(webSg);
  });

  it('states complete coverage for a region whose calls all worked, partial when one was refused', () => {
    expect(coverage(`aws:${A}:us-east-1:ec2`)).toEqual([{ type: 'coverage', scope: `aws:${A}:us-east-1:ec2`, coverage: 'complete' }]);
    const eu = coverage(`aws:${A}:eu-west-1:ec2`);
    expect(eu).toMatchObject([{ coverage: 'partial' }]);
    expect(eu[0]?.type === 'coverage' && eu[0].error).toMatch(/ec2-describe-security-groups: AccessDenied: User is not authorized/);
    expect(asset(`arn:aws:ec2:eu-west-1:${A}:instance/i-0ddd1111bbbb2222c`)).toBeDefined();
  });

  it('states a region partial when one of its calls was not collected, and nothing when none was', () => {
    expect(coverage(`aws:${A}:ap-southeast-2:ec2`)).toMatchObject([{ coverage: 'partial', error: 'ec2-describe-instances: not collected' }]);
    expect(coverage(`aws:${A}:ca-central-1:ec2`)).toEqual([]);
  });
});

describe('aws dump reader: S3', () => {
  const bucket = (name: string) => asset(`arn:aws:s3:::${name}`);

  it('records "none" answers as null and properties of calls that worked', () => {
    const logs = bucket('logs-bucket');
    expect(logs).toMatchObject({ kind: 'aws.s3.bucket', name: 'logs-bucket', account: A, region: 'us-east-1', tags: {}, owner: null });
    expect(logs?.properties).toMatchObject({
      Name: 'logs-bucket', Policy: null, Tagging: null, PublicAccessBlock: pab, Versioning: {}, Acl: acl,
      Encryption: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }] },
      AccountPublicAccessBlock: pab,
    });
    expect(scopeOf(`arn:aws:s3:::logs-bucket`)).toBe(`aws:${A}:global:s3`);
  });

  it('parses the policy from its JSON string and reads region and owner from location and tags', () => {
    const site = bucket('public-site');
    expect(site).toMatchObject({ region: 'eu-west-1', tags: { TEAM: 'web' }, owner: 'web', ownerReason: 'tag TEAM=web' });
    expect(site?.properties).toMatchObject({ Policy: publicSitePolicy, PublicAccessBlock: null, Versioning: { Status: 'Enabled', MFADelete: 'Disabled' } });
    // Not collected: no key at all, which is not the same as "none".
    expect(site?.properties).not.toHaveProperty('Encryption');
    expect(site?.properties).not.toHaveProperty('Acl');
  });

  it('keeps a bucket whose policy call was refused, records why, and makes the scope partial', () => {
    const secret = bucket('secret-data');
    expect(secret).toMatchObject({ region: 'ap-south-1' });
    expect(secret?.properties).not.toHaveProperty('Policy');
    expect(secret?.properties?.CollectionErrors).toEqual({ 'get-bucket-policy': 's3api-get-bucket-policy/secret-data: AccessDenied: User is not authorized to perform: s3:GetBucketPolicy' });
    expect(coverage(`aws:${A}:global:s3`)).toEqual([{ type: 'coverage', scope: `aws:${A}:global:s3`, coverage: 'partial',
      error: 's3api-get-bucket-policy/secret-data: AccessDenied: User is not authorized to perform: s3:GetBucketPolicy' }]);
  });

  it('states nothing about S3 in an account where list-buckets was not collected', () => {
    expect(coverage(`aws:${B}:global:s3`)).toEqual([]);
    expect(assets().filter((a) => a.kind === 'aws.s3.bucket' && a.account === B)).toEqual([]);
  });
});

describe('aws dump reader: IAM', () => {
  const user = `arn:aws:iam::${A}:user/alice`;
  const role = (name: string) => `arn:aws:iam::${A}:role/${name}`;

  it('emits users, groups, roles and customer-managed policies, global (no region)', () => {
    expect(asset(user)).toMatchObject({ kind: 'aws.iam.user', name: 'alice', region: null, account: A, owner: 'data', ownerReason: 'tag team=data' });
    expect(asset(`arn:aws:iam::${A}:group/eng/devs`)).toMatchObject({ kind: 'aws.iam.group', name: 'devs' });
    expect(asset(role('web-role'))).toMatchObject({ kind: 'aws.iam.role', name: 'web-role' });
    expect(asset(`arn:aws:iam::${A}:policy/ReadBuckets`)).toMatchObject({ kind: 'aws.iam.policy', name: 'ReadBuckets' });
    expect(asset('arn:aws:iam::aws:policy/ReadOnlyAccess')).toBeUndefined();
    expect(scopeOf(user)).toBe(`aws:${A}:global:iam`);
    expect(coverage(`aws:${A}:global:iam`)).toMatchObject([{ coverage: 'complete' }]);
  });

  it('decodes URL-encoded documents and keeps object ones, for trust, inline and every policy version', () => {
    expect(asset(role('cross'))?.properties?.AssumeRolePolicyDocument).toEqual(crossTrust);
    expect(asset(role('web-role'))?.properties?.AssumeRolePolicyDocument).toEqual(ec2Trust);
    expect(asset(user)?.properties?.UserPolicyList).toEqual([{ PolicyName: 'describe', PolicyDocument: inlineDoc }]);
    const versions = asset(`arn:aws:iam::${A}:policy/ReadBuckets`)?.properties?.PolicyVersionList;
    expect(versions).toEqual([
      { Document: readBucketsV2, VersionId: 'v2', IsDefaultVersion: true, CreateDate: '2024-02-01T00:00:00Z' },
      { Document: readBucketsV1, VersionId: 'v1', IsDefaultVersion: false, CreateDate: '2024-01-01T00:00:00Z' },
    ]);
  });

  it('links users to groups (with the group path) and principals to attached policies', () => {
    expect(edgesFrom(user, 'member_of').map((e) => e.to)).toEqual([`arn:aws:iam::${A}:group/eng/devs`]);
    expect(edgesFrom(user, 'attached_policy').map((e) => e.to)).toEqual([`arn:aws:iam::${A}:policy/ReadBuckets`]);
    expect(edgesFrom(`arn:aws:iam::${A}:group/eng/devs`, 'attached_policy').map((e) => e.to)).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    expect(edgesFrom(role('web-role'), 'attached_policy').map((e) => e.to)).toEqual([`arn:aws:iam::${A}:policy/ReadBuckets`]);
  });

  it('draws can_assume edges from each trusted principal to the role', () => {
    const assume = edges().filter((e) => e.kind === 'can_assume').map((e) => [e.from, e.to]).sort();
    expect(assume).toEqual([
      ['*', role('open')],
      [`arn:aws:iam::${B}:role/ci`, role('cross')],
      ['arn:aws:iam::777788889999:root', role('cross')],
      ['service:ec2.amazonaws.com', role('web-role')],
    ].sort());
    const ci = edges().find((e) => e.kind === 'can_assume' && e.from === `arn:aws:iam::${B}:role/ci`);
    expect(ci?.properties).toEqual({ actions: ['sts:AssumeRole', 'sts:TagSession'], unconditional: false, conditions: [{ StringEquals: { 'sts:ExternalId': 'abc' } }] });
  });

  it('states failed coverage when the IAM call was refused', () => {
    expect(coverage(`aws:${B}:global:iam`)).toEqual([{ type: 'coverage', scope: `aws:${B}:global:iam`, coverage: 'failed',
      error: 'iam-get-account-authorization-details: AccessDenied: User is not authorized to perform: iam:GetAccountAuthorizationDetails' }]);
    expect(assets().filter((a) => a.kind.startsWith('aws.iam.') && a.account === B)).toEqual([]);
  });
});

describe('aws dump reader: accounts and layout', () => {
  it('emits the account named by its alias, with the account-level public access block', () => {
    expect(asset(`arn:aws:iam::${A}:root`)).toMatchObject({ kind: 'aws.account', name: 'payments-prod', account: A, region: null,
      properties: { AccountId: A, Alias: 'payments-prod', OrganizationId: 'o-a1b2c3d4e5', S3PublicAccessBlock: pab } });
    expect(asset(`arn:aws:iam::${B}:root`)).toMatchObject({ kind: 'aws.account', name: null, properties: { AccountId: B } });
    expect(coverage(`aws:${B}:global:account`)).toMatchObject([{ coverage: 'complete' }]);
  });

  it('gives every item a scope with a coverage statement and every asset provider and account', () => {
    const covered = new Set(records.filter((r) => r.type === 'coverage').map((r) => r.scope));
    expect(records.filter((r) => r.type !== 'coverage' && !covered.has(r.scope))).toEqual([]);
    expect(assets().every((a) => a.provider === 'aws' && (a.account === A || a.account === B))).toBe(true);
  });

  it('reports folders it ignores', () => {
    expect(log).toEqual([`${join(root, 'not-an-account')}: ignored, not an account id (12 digits)`]);
  });
});

describe('aws dump reader: bad input', () => {
  async function readBroken(files: Record<string, unknown>): Promise<unknown> {
    const dir = await mkdtemp(join(tmpdir(), 'aws-dump-bad-'));
    try {
      await writeDump(dir, files);
      return await readAll(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('names the file of invalid JSON', async () => {
    await expect(readBroken({ [`${A}/us-east-1/ec2-describe-instances.json`]: '{"Reservations": [' }))
      .rejects.toThrow(/us-east-1\/ec2-describe-instances\.json: invalid JSON/);
  });

  it('names the file and the field of a wrong shape', async () => {
    await expect(readBroken({ [`${A}/us-east-1/ec2-describe-instances.json`]: { Reservations: [{ Instances: [{ InstanceType: 't3.micro' }] }] } }))
      .rejects.toThrow(/ec2-describe-instances\.json: field Reservations\.0\.Instances\.0\.InstanceId/);
    await expect(readBroken({ [`${A}/global/iam-get-account-authorization-details.json`]: { RoleDetailList: [{ RoleName: 'r', Arn: 'arn:aws:iam::111122223333:role/r', AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: 42 }] } }] } }))
      .rejects.toThrow(/iam-get-account-authorization-details\.json: field RoleDetailList\.0\.AssumeRolePolicyDocument\.Statement/);
  });

  it('names the file and field of a bucket policy that is not JSON, and rejects unsafe bucket names', async () => {
    await expect(readBroken({
      [`${A}/global/s3api-list-buckets.json`]: { Buckets: [{ Name: 'b1' }] },
      [`${A}/global/s3api-get-bucket-policy/b1.json`]: { Policy: '{not json' },
    })).rejects.toThrow(/s3api-get-bucket-policy\/b1\.json: field Policy: invalid JSON/);
    await expect(readBroken({ [`${A}/global/s3api-list-buckets.json`]: { Buckets: [{ Name: '../../etc' }] } }))
      .rejects.toThrow(/s3api-list-buckets\.json: field Buckets\.0\.Name: not an S3 bucket name/);
  });

  it('rejects a malformed error document and a directory without accounts', async () => {
    await expect(readBroken({ [`${A}/global/s3api-list-buckets.json`]: { Error: { Message: 'no code' } } }))
      .rejects.toThrow(/s3api-list-buckets\.json: field Error\.Code/);
    await expect(readBroken({ 'notes.txt': 'x' })).rejects.toThrow(/no account folder/);
  });
});
