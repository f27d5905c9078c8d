import { beforeAll, describe, expect, it } from 'vitest';
import { accessDenied, readDump, type DumpRecords } from './dump-fixture.js';

// Hand-written output of `aws rds describe-db-instances`, `describe-db-clusters`, `describe-db-snapshots`, `describe-db-snapshot-attributes`.
const A = '111122223333';
const R = `${A}/us-east-1`;
const rds = (type: string, id: string) => `arn:aws:rds:us-east-1:${A}:${type}:${id}`;
const ec2 = (type: string, id: string) => `arn:aws:ec2:us-east-1:${A}:${type}/${id}`;

const subnetGroup = {
  DBSubnetGroupName: 'prod-db', DBSubnetGroupDescription: 'prod', VpcId: 'vpc-0a1b2c3d4e5f60001', SubnetGroupStatus: 'Complete',
  Subnets: [{ SubnetIdentifier: 'subnet-0a1b2c3d4e5f60012', SubnetAvailabilityZone: { Name: 'us-east-1b' }, SubnetOutpost: {}, SubnetStatus: 'Active' }],
};
const instance = (id: string, extra: Record<string, unknown>) => ({
  DBInstanceIdentifier: id, DBInstanceClass: 'db.t3.micro', Engine: 'postgres', DBInstanceStatus: 'available', MasterUsername: 'admin',
  Endpoint: { Address: `${id}.abcdefghijkl.us-east-1.rds.amazonaws.com`, Port: 5432, HostedZoneId: 'Z2R2ITUGPM61AM' },
  AllocatedStorage: 20, InstanceCreateTime: '2025-01-01T00:00:00.000Z', BackupRetentionPeriod: 7, DBSecurityGroups: [],
  VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0a1b2c3d4e5f60053', Status: 'active' }], DBSubnetGroup: subnetGroup, MultiAZ: false,
  EngineVersion: '16.3', AutoMinorVersionUpgrade: true, PubliclyAccessible: false, StorageType: 'gp2', StorageEncrypted: true,
  DbiResourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXY1', DBInstanceArn: rds('db', id), IAMDatabaseAuthenticationEnabled: false, DeletionProtection: true,
  TagList: [{ Key: 'team', Value: 'payments' }], ...extra,
});

const files: Record<string, unknown> = {
  [`${R}/rds-describe-db-instances.json`]: { DBInstances: [
    instance('orders', {}),
    instance('reporting', { PubliclyAccessible: true, StorageEncrypted: false, TagList: [] }),
    instance('aurora-1', { Engine: 'aurora-postgresql', DBClusterIdentifier: 'aurora', TagList: [] }),
  ] },
  [`${R}/rds-describe-db-clusters.json`]: { DBClusters: [{
    AllocatedStorage: 1, AvailabilityZones: ['us-east-1a', 'us-east-1b'], BackupRetentionPeriod: 7, DBClusterIdentifier: 'aurora', DBSubnetGroup: 'prod-db',
    Status: 'available', Endpoint: 'aurora.cluster-abcdefghijkl.us-east-1.rds.amazonaws.com', Engine: 'aurora-postgresql', EngineVersion: '16.2', Port: 5432,
    MasterUsername: 'admin', DBClusterMembers: [{ DBInstanceIdentifier: 'aurora-1', IsClusterWriter: true, PromotionTier: 1 }],
    VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0a1b2c3d4e5f60053', Status: 'active' }], StorageEncrypted: true, DBClusterArn: rds('cluster', 'aurora'),
    AssociatedRoles: [{ RoleArn: `arn:aws:iam::${A}:role/aurora-s3-import`, Status: 'ACTIVE', FeatureName: 's3Import' }], TagList: [],
  }] },
  [`${R}/rds-describe-db-snapshots.json`]: { DBSnapshots: [
    { DBSnapshotIdentifier: 'orders-before-migration', DBInstanceIdentifier: 'orders', SnapshotCreateTime: '2025-03-01T00:00:00.000Z', Engine: 'postgres',
      AllocatedStorage: 20, Status: 'available', Port: 5432, VpcId: 'vpc-0a1b2c3d4e5f60001', MasterUsername: 'admin', EngineVersion: '16.3',
      SnapshotType: 'manual', Encrypted: false, DBSnapshotArn: rds('snapshot', 'orders-before-migration'), TagList: [] },
    { DBSnapshotIdentifier: 'orders-shared', DBInstanceIdentifier: 'orders', SnapshotType: 'manual', Encrypted: true, DBSnapshotArn: rds('snapshot', 'orders-shared') },
    { DBSnapshotIdentifier: 'rds:orders-2025-03-02-03-10', DBInstanceIdentifier: 'orders', SnapshotType: 'automated', Encrypted: true,
      DBSnapshotArn: rds('snapshot', 'rds:orders-2025-03-02-03-10') },
  ] },
  [`${R}/rds-describe-db-snapshot-attributes/orders-before-migration.json`]: { DBSnapshotAttributesResult: {
    DBSnapshotIdentifier: 'orders-before-migration', DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: ['all'] }] } },
  [`${R}/rds-describe-db-snapshot-attributes/orders-shared.json`]: { DBSnapshotAttributesResult: {
    DBSnapshotIdentifier: 'orders-shared', DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: ['444455556666'] }] } },
  [`${A}/eu-west-1/rds-describe-db-instances.json`]: { DBInstances: [] },
  [`${A}/eu-west-1/rds-describe-db-clusters.json`]: accessDenied('rds:DescribeDBClusters'),
  [`${A}/eu-west-1/rds-describe-db-snapshots.json`]: { DBSnapshots: [{ DBSnapshotIdentifier: 'old', SnapshotType: 'manual', DBSnapshotArn: 'arn:aws:rds:eu-west-1:111122223333:snapshot:old' }] },
};

let d: DumpRecords;
beforeAll(async () => {
  d = await readDump(files);
});

describe('aws dump reader: RDS', () => {
  it('emits DB instances with PubliclyAccessible and StorageEncrypted as printed, tags from TagList', () => {
    expect(d.asset(rds('db', 'orders'))).toMatchObject({ kind: 'aws.rds.db-instance', name: 'orders', owner: 'payments',
      properties: { PubliclyAccessible: false, StorageEncrypted: true } });
    expect(d.asset(rds('db', 'reporting'))?.properties).toMatchObject({ PubliclyAccessible: true, StorageEncrypted: false });
    expect(d.scopeOf(rds('db', 'orders'))).toBe(`aws:${A}:us-east-1:rds`);
  });

  it('links instances to their network and cluster, clusters to their groups and roles', () => {
    expect(d.edgesOf(rds('db', 'orders'))).toEqual([['in_security_group', ec2('security-group', 'sg-0a1b2c3d4e5f60053')],
      ['in_subnet', ec2('subnet', 'subnet-0a1b2c3d4e5f60012')], ['in_vpc', ec2('vpc', 'vpc-0a1b2c3d4e5f60001')]]);
    expect(d.edges(rds('db', 'aurora-1'), 'member_of').map((e) => e.to)).toEqual([rds('cluster', 'aurora')]);
    expect(d.asset(rds('cluster', 'aurora'))).toMatchObject({ kind: 'aws.rds.db-cluster', name: 'aurora' });
    expect(d.edgesOf(rds('cluster', 'aurora'))).toEqual([['has_role', `arn:aws:iam::${A}:role/aurora-s3-import`],
      ['in_security_group', ec2('security-group', 'sg-0a1b2c3d4e5f60053')]]);
  });

  it('makes a manual snapshot restorable by all public and keeps its attributes', () => {
    expect(d.asset(rds('snapshot', 'orders-before-migration'))).toMatchObject({ kind: 'aws.rds.db-snapshot',
      properties: { IsPublic: true, Attributes: [{ AttributeName: 'restore', AttributeValues: ['all'] }] } });
    expect(d.asset(rds('snapshot', 'orders-shared'))?.properties).toMatchObject({ IsPublic: false });
    // Automated snapshots cannot be shared: no attribute file is expected, and none is missing.
    expect(d.asset(rds('snapshot', 'rds:orders-2025-03-02-03-10'))?.properties).toMatchObject({ IsPublic: false });
    expect(d.edgesOf(rds('snapshot', 'orders-shared'))).toEqual([['snapshot_of', rds('db', 'orders')]]);
    expect(d.coverage(`aws:${A}:us-east-1:rds`)).toMatchObject([{ coverage: 'complete' }]);
  });

  it('leaves IsPublic out when the attributes were not collected, and states a refused list call', () => {
    expect(d.asset('arn:aws:rds:eu-west-1:111122223333:snapshot:old')?.properties).not.toHaveProperty('IsPublic');
    expect(d.coverage(`aws:${A}:eu-west-1:rds`)).toMatchObject([{ coverage: 'partial', error: expect.stringMatching(/^rds-describe-db-clusters: AccessDenied/) as unknown }]);
  });
});
