import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { syncRun } from '../../pipeline/sync/run.js';
import { memoryReportFile } from '../report-file.js';
import { trivyJson } from '../trivy/parser.js';
import { TEST_SECRETS, writeDump } from './dump-fixture.js';
import { awsDump } from './dump-reader.js';

// One account, two regions, every service the reader knows, in the shapes the AWS CLI prints (trimmed).
const A = '111122223333';
const E = `${A}/us-east-1`;
const W = `${A}/eu-west-1`;
const G = `${A}/global`;
const HOST = `${A}.dkr.ecr.us-east-1.amazonaws.com`;
const DIGEST = `sha256:${'d4'.repeat(32)}`;
const fnArn = (name: string) => `arn:aws:lambda:us-east-1:${A}:function:${name}`;
const lambda = (name: string, variables: Record<string, string>) => ({ FunctionName: name, FunctionArn: fnArn(name), Runtime: 'nodejs20.x',
  Role: `arn:aws:iam::${A}:role/${name}`, Handler: 'index.handler', Environment: { Variables: variables }, PackageType: 'Zip' });
const csv = ['user,arn,user_creation_time,password_enabled,password_last_used,mfa_active,access_key_1_active,access_key_1_last_rotated',
  `<root_account>,arn:aws:iam::${A}:root,2020-01-01T00:00:00+00:00,not_supported,no_information,true,false,N/A`,
  `alice,arn:aws:iam::${A}:user/alice,2024-01-01T00:00:00+00:00,true,2025-03-01T00:00:00+00:00,true,true,2024-01-01T00:00:00+00:00`].join('\n');
const notFound = { Error: { Code: 'ResourceNotFoundException', Message: 'The resource you requested does not exist.' } };

const dump: Record<string, unknown> = {
  [`${A}/meta.json`]: { Alias: 'shop-prod' },
  [`${G}/iam-get-account-authorization-details.json`]: { UserDetailList: [{ UserName: 'alice', Arn: `arn:aws:iam::${A}:user/alice`, UserId: 'AIDAALICE', GroupList: [] }],
    GroupDetailList: [], RoleDetailList: [], Policies: [] },
  [`${G}/iam-get-credential-report.json`]: { Content: Buffer.from(csv).toString('base64'), ReportFormat: 'text/csv', GeneratedTime: '2025-03-02T00:00:00+00:00' },
  [`${G}/iam-get-account-password-policy.json`]: { Error: { Code: 'NoSuchEntity', Message: 'The Password Policy cannot be found.' } },
  [`${G}/iam-list-access-keys/alice.json`]: { AccessKeyMetadata: [{ UserName: 'alice', AccessKeyId: 'AKIAALICE0000000KEY1', Status: 'Active', CreateDate: '2024-01-01T00:00:00+00:00' }] },
  [`${G}/iam-get-access-key-last-used/AKIAALICE0000000KEY1.json`]: { UserName: 'alice', AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } },
  [`${G}/iam-list-mfa-devices/alice.json`]: { MFADevices: [] },
  [`${G}/s3api-list-buckets.json`]: { Buckets: [{ Name: 'shop-assets', CreationDate: '2024-01-01T00:00:00+00:00' }] },
  [`${E}/ec2-describe-instances.json`]: { Reservations: [{ Instances: [{ InstanceId: 'i-0a1b2c3d4e5f60041', State: { Name: 'running' }, SubnetId: 'subnet-01', VpcId: 'vpc-01', SecurityGroups: [] }] }] },
  [`${E}/ec2-describe-security-groups.json`]: { SecurityGroups: [{ GroupId: 'sg-01', GroupName: 'web', VpcId: 'vpc-01' }] },
  [`${E}/ec2-describe-vpcs.json`]: { Vpcs: [{ VpcId: 'vpc-01', CidrBlock: '10.0.0.0/16', IsDefault: false }] },
  [`${E}/ec2-describe-subnets.json`]: { Subnets: [{ SubnetId: 'subnet-01', VpcId: 'vpc-01', MapPublicIpOnLaunch: true }] },
  [`${E}/ec2-describe-route-tables.json`]: { RouteTables: [{ RouteTableId: 'rtb-01', VpcId: 'vpc-01', Associations: [{ Main: true }],
    Routes: [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-01', State: 'active' }] }] },
  [`${E}/ec2-describe-internet-gateways.json`]: { InternetGateways: [{ InternetGatewayId: 'igw-01', Attachments: [{ State: 'available', VpcId: 'vpc-01' }] }] },
  [`${E}/ec2-describe-nat-gateways.json`]: { NatGateways: [] },
  [`${E}/ec2-describe-network-interfaces.json`]: { NetworkInterfaces: [{ NetworkInterfaceId: 'eni-01', SubnetId: 'subnet-01', VpcId: 'vpc-01', Groups: [{ GroupId: 'sg-01' }],
    Attachment: { InstanceId: 'i-0a1b2c3d4e5f60041' }, TagSet: [] }] },
  [`${E}/ec2-describe-volumes.json`]: { Volumes: [{ VolumeId: 'vol-01', Encrypted: false, Attachments: [{ InstanceId: 'i-0a1b2c3d4e5f60041' }] }] },
  [`${E}/ec2-describe-snapshots.json`]: { Snapshots: [{ SnapshotId: 'snap-01', VolumeId: 'vol-01', Encrypted: false }] },
  [`${E}/ec2-describe-snapshot-attribute/snap-01.json`]: { SnapshotId: 'snap-01', CreateVolumePermissions: [{ Group: 'all' }] },
  [`${E}/ec2-describe-images.json`]: { Images: [{ ImageId: 'ami-01', Name: 'golden', Public: false, BlockDeviceMappings: [] }] },
  [`${E}/ec2-describe-image-attribute/ami-01.json`]: { ImageId: 'ami-01', LaunchPermissions: [] },
  [`${E}/elbv2-describe-load-balancers.json`]: { LoadBalancers: [{ LoadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:${A}:loadbalancer/app/web/1`,
    LoadBalancerName: 'web', Scheme: 'internet-facing', VpcId: 'vpc-01', SecurityGroups: ['sg-01'], AvailabilityZones: [{ SubnetId: 'subnet-01' }] }] },
  [`${E}/elbv2-describe-listeners/web.json`]: { Listeners: [{ Port: 80, Protocol: 'HTTP' }] },
  [`${E}/elbv2-describe-target-groups.json`]: { TargetGroups: [{ TargetGroupArn: `arn:aws:elasticloadbalancing:us-east-1:${A}:targetgroup/web/2`, TargetGroupName: 'web',
    TargetType: 'instance', LoadBalancerArns: [`arn:aws:elasticloadbalancing:us-east-1:${A}:loadbalancer/app/web/1`] }] },
  [`${E}/elbv2-describe-target-health/web.json`]: { TargetHealthDescriptions: [{ Target: { Id: 'i-0a1b2c3d4e5f60041', Port: 80 }, TargetHealth: { State: 'healthy' } }] },
  [`${E}/elb-describe-load-balancers.json`]: { LoadBalancerDescriptions: [] },
  [`${E}/rds-describe-db-instances.json`]: { DBInstances: [{ DBInstanceIdentifier: 'orders', DBInstanceArn: `arn:aws:rds:us-east-1:${A}:db:orders`,
    PubliclyAccessible: true, StorageEncrypted: false, VpcSecurityGroups: [] }] },
  [`${E}/rds-describe-db-clusters.json`]: { DBClusters: [] },
  [`${E}/rds-describe-db-snapshots.json`]: { DBSnapshots: [{ DBSnapshotIdentifier: 'orders-1', DBSnapshotArn: `arn:aws:rds:us-east-1:${A}:snapshot:orders-1`, SnapshotType: 'manual' }] },
  [`${E}/rds-describe-db-snapshot-attributes/orders-1.json`]: { DBSnapshotAttributesResult: { DBSnapshotIdentifier: 'orders-1', DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: [] }] } },
  [`${E}/lambda-list-functions.json`]: { Functions: [lambda('webhook', { GITHUB_TOKEN: TEST_SECRETS.github, AWS_KEY: TEST_SECRETS.keyId }), lambda('cron', { STAGE: 'prod' })] },
  [`${E}/lambda-get-function-url-config/webhook.json`]: { FunctionUrl: 'https://x.lambda-url.us-east-1.on.aws/', AuthType: 'NONE' },
  [`${E}/lambda-get-function-url-config/cron.json`]: notFound,
  [`${E}/lambda-get-policy/webhook.json`]: notFound,
  [`${E}/lambda-get-policy/cron.json`]: notFound,
  [`${E}/eks-list-clusters.json`]: { clusters: ['prod'] },
  [`${E}/eks-describe-cluster/prod.json`]: { cluster: { name: 'prod', arn: `arn:aws:eks:us-east-1:${A}:cluster/prod`, roleArn: `arn:aws:iam::${A}:role/eks`,
    resourcesVpcConfig: { subnetIds: ['subnet-01'], securityGroupIds: [], vpcId: 'vpc-01', endpointPublicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] }, tags: {} } },
  [`${E}/ecr-describe-repositories.json`]: { repositories: [{ repositoryName: 'shop/api', repositoryArn: `arn:aws:ecr:us-east-1:${A}:repository/shop/api`, registryId: A }] },
  [`${E}/ecr-describe-images/shop/api.json`]: { imageDetails: [{ imageDigest: DIGEST, imageTags: ['1.0.0'], imagePushedAt: '2025-03-01T00:00:00+00:00' }] },
  [`${E}/ecr-get-repository-policy/shop/api.json`]: { Error: { Code: 'RepositoryPolicyNotFoundException', Message: 'none' } },
  [`${E}/kms-list-keys.json`]: { Keys: [{ KeyId: 'k-01', KeyArn: `arn:aws:kms:us-east-1:${A}:key/k-01` }] },
  [`${E}/kms-describe-key/k-01.json`]: { KeyMetadata: { KeyId: 'k-01', KeyManager: 'CUSTOMER', KeyState: 'Enabled' } },
  [`${E}/kms-get-key-rotation-status/k-01.json`]: { KeyRotationEnabled: false },
  [`${E}/cloudtrail-describe-trails.json`]: { trailList: [{ Name: 'main', TrailARN: `arn:aws:cloudtrail:us-east-1:${A}:trail/main`, HomeRegion: 'us-east-1', IsMultiRegionTrail: true }] },
  [`${E}/cloudtrail-get-trail-status/main.json`]: { IsLogging: true },
  [`${E}/guardduty-list-detectors.json`]: { DetectorIds: ['det01'] },
  [`${E}/guardduty-get-detector/det01.json`]: { Status: 'ENABLED', Tags: {} },
  [`${E}/configservice-describe-configuration-recorders.json`]: { ConfigurationRecorders: [{ name: 'default', roleARN: `arn:aws:iam::${A}:role/config` }] },
  [`${E}/configservice-describe-configuration-recorder-status.json`]: { ConfigurationRecordersStatus: [{ name: 'default', recording: true }] },
  [`${E}/securityhub-describe-hub.json`]: { HubArn: `arn:aws:securityhub:us-east-1:${A}:hub/default` },
  [`${W}/cloudtrail-describe-trails.json`]: { trailList: [{ Name: 'main', TrailARN: `arn:aws:cloudtrail:us-east-1:${A}:trail/main`, HomeRegion: 'us-east-1', IsMultiRegionTrail: true }] },
  [`${W}/cloudtrail-get-trail-status/main.json`]: { IsLogging: true },
  [`${W}/guardduty-list-detectors.json`]: { DetectorIds: [] },
  [`${W}/configservice-describe-configuration-recorders.json`]: { ConfigurationRecorders: [] },
  [`${W}/securityhub-describe-hub.json`]: { Error: { Code: 'InvalidAccessException', Message: 'not subscribed' } },
};

let t: TestDb;
let dir: string;
const sync = (day: number) => syncRun(t.db, awsDump.read(dir, { log: () => undefined }), { source: awsDump.id, where: dir, now: new Date(Date.UTC(2026, 1, day)) });
const snapshot = () => Promise.all(['assets', 'relationships', 'findings', 'finding_sources'].map((tbl) => t.db.query(`select * from ${tbl} order by 1, 2, 3`)));

beforeAll(async () => {
  t = await createTestDb();
  dir = await mkdtemp(join(tmpdir(), 'aws-dump-all-'));
  await writeDump(dir, dump);
});
afterAll(async () => {
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('aws dump with every service through the scoped sync', () => {
  it('stores every kind, with every scope complete', async () => {
    const r = await sync(1);
    expect(r.status).toBe('succeeded');
    expect(r.counts.scopes).toMatchObject({ partial: 0, failed: 0 });
    const kinds = await t.db.query<{ kind: string }>('select distinct kind from assets order by kind');
    expect(kinds.map((k) => k.kind)).toEqual(['aws.account', 'aws.cloudtrail.trail', 'aws.config.recorder', 'aws.ec2.image', 'aws.ec2.instance',
      'aws.ec2.internet-gateway', 'aws.ec2.network-interface', 'aws.ec2.route-table', 'aws.ec2.security-group', 'aws.ec2.snapshot', 'aws.ec2.subnet',
      'aws.ec2.volume', 'aws.ec2.vpc', 'aws.ecr.repository', 'aws.eks.cluster', 'aws.elbv2.load-balancer', 'aws.elbv2.target-group',
      'aws.guardduty.detector', 'aws.iam.user', 'aws.kms.key', 'aws.lambda.function', 'aws.rds.db-instance', 'aws.rds.db-snapshot', 'aws.region',
      'aws.s3.bucket', 'aws.securityhub.hub', 'container.image']);
    expect(r.counts.findings.new).toBe(2);
  });

  it('re-reading the same dump changes no row', async () => {
    const before = await snapshot();
    const r = await sync(2);
    expect(r.counts.assets).toMatchObject({ inserted: 0, updated: 0, gone: 0, unverified: 0 });
    expect(r.counts.relationships).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect(r.counts.findings).toMatchObject({ new: 0, updated: 0, reopened: 0, resolved: 0, unverified: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('answers "regions where GuardDuty is off" and "public subnets" with one SQL filter', async () => {
    const off = await t.db.query<{ region: string }>(`select region from assets where kind = 'aws.region' and gone_at is null
      and properties->>'GuardDuty' = 'disabled' order by region`);
    expect(off.map((r) => r.region)).toEqual(['eu-west-1']);
    const hubOff = await t.db.query<{ region: string }>(`select region from assets where kind = 'aws.region' and properties->>'SecurityHub' <> 'enabled'`);
    expect(hubOff.map((r) => r.region)).toEqual(['eu-west-1']);
    const publicSubnets = await t.db.query<{ name: string }>(`select name from assets where kind = 'aws.ec2.subnet' and (properties->>'IsPublic')::boolean`);
    expect(publicSubnets.map((r) => r.name)).toEqual(['subnet-01']);
  });

  it('stores no secret value anywhere in the database', async () => {
    for (const table of ['assets', 'relationships', 'findings', 'finding_events', 'finding_sources', 'runs', 'run_scopes', 'outbox']) {
      const rows = await t.db.query<{ row: string }>(`select t::text as row from ${table} t`);
      const text = rows.map((r) => r.row).join('\n');
      expect(text).not.toContain(TEST_SECRETS.github);
      expect(text).not.toContain(TEST_SECRETS.keyId);
    }
  });

  it('an ECR image and its Trivy report are one asset: the report defines it, the dump never overwrites it', async () => {
    const uid = `${HOST}/shop/api@${DIGEST}`;
    const report = { SchemaVersion: 2, ArtifactName: `${HOST}/shop/api:1.0.0`, ArtifactType: 'container_image',
      Metadata: { OS: { Family: 'alpine', Name: '3.20.3' }, ImageID: `sha256:${'e5'.repeat(32)}`, DiffIDs: [], RepoTags: [`${HOST}/shop/api:1.0.0`],
        RepoDigests: [`${HOST}/shop/api@${DIGEST}`], ImageConfig: { architecture: 'amd64', os: 'linux', config: {} } }, Results: [] };
    await syncRun(t.db, trivyJson.parse(memoryReportFile('api.json', JSON.stringify(report))), { source: trivyJson.id, now: new Date(Date.UTC(2026, 1, 3)) });
    const r = await sync(4);
    expect(r.counts.assets).toMatchObject({ inserted: 0, updated: 0, gone: 0 });
    const rows = await t.db.query<{ source: string; reference: boolean; os: string }>(`select source, reference, properties->'os'->>'family' as os from assets where uid = $1`, [uid]);
    expect(rows).toEqual([{ source: 'trivy-json', reference: false, os: 'alpine' }]);
    const contains = await t.db.query('select 1 from relationships where kind = $1 and to_uid = $2', ['contains', uid]);
    expect(contains).toHaveLength(1);
  });

  it('a function removed from the dump is gone and its secret findings resolved', async () => {
    await writeDump(dir, { [`${E}/lambda-list-functions.json`]: { Functions: [lambda('cron', { STAGE: 'prod' })] } });
    const r = await sync(5);
    expect(r.counts.assets.gone).toBe(1);
    expect(r.counts.findings.resolved).toBe(2);
    const left = await t.db.query<{ status: string }>(`select status from findings where kind = 'secret' and asset_uid = $1`, [fnArn('webhook')]);
    expect(left.map((f) => f.status)).toEqual(['resolved', 'resolved']);
  });

  it('an AccessDenied on a list call keeps that service\'s items, flagged unverified, and touches no other scope', async () => {
    await writeDump(dir, { [`${E}/rds-describe-db-instances.json`]: { Error: { Code: 'AccessDenied', Message: 'not authorized to perform: rds:DescribeDBInstances' } } });
    const r = await sync(6);
    expect(r.status).toBe('partial');
    expect(r.counts.assets).toMatchObject({ gone: 0, unverified: 1 });
    const db = await t.db.query<{ unverified: boolean; gone_at: Date | null }>('select unverified, gone_at from assets where uid = $1', [`arn:aws:rds:us-east-1:${A}:db:orders`]);
    expect(db).toEqual([{ unverified: true, gone_at: null }]);
  });
});
