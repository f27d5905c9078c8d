import { beforeAll, describe, expect, it } from 'vitest';
import { accessDenied, readDump, type DumpRecords } from './dump-fixture.js';

// Hand-written output of `aws eks list-clusters` and `aws eks describe-cluster --name <name>`.
const A = '111122223333';
const R = `${A}/us-east-1`;
const cluster = (name: string, vpc: Record<string, unknown>) => ({ cluster: {
  name, arn: `arn:aws:eks:us-east-1:${A}:cluster/${name}`, createdAt: '2025-01-01T00:00:00.000000+00:00', version: '1.30',
  endpoint: `https://ABCDEF0123456789.gr7.us-east-1.eks.amazonaws.com`, roleArn: `arn:aws:iam::${A}:role/${name}-cluster-role`,
  resourcesVpcConfig: { subnetIds: ['subnet-0a1b2c3d4e5f60011', 'subnet-0a1b2c3d4e5f60012'], securityGroupIds: ['sg-0a1b2c3d4e5f60055'],
    clusterSecurityGroupId: 'sg-0a1b2c3d4e5f60056', vpcId: 'vpc-0a1b2c3d4e5f60001', ...vpc },
  kubernetesNetworkConfig: { serviceIpv4Cidr: '172.20.0.0/16', ipFamily: 'ipv4' },
  logging: { clusterLogging: [{ types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], enabled: false }] },
  identity: { oidc: { issuer: 'https://oidc.eks.us-east-1.amazonaws.com/id/ABCDEF0123456789' } }, status: 'ACTIVE',
  certificateAuthority: { data: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t' }, platformVersion: 'eks.8', tags: { team: 'platform' },
  accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' },
} });

const files: Record<string, unknown> = {
  [`${R}/eks-list-clusters.json`]: { clusters: ['prod', 'staging', 'dev'] },
  [`${R}/eks-describe-cluster/prod.json`]: cluster('prod', { endpointPublicAccess: true, endpointPrivateAccess: true, publicAccessCidrs: ['0.0.0.0/0'] }),
  [`${R}/eks-describe-cluster/staging.json`]: cluster('staging', { endpointPublicAccess: true, endpointPrivateAccess: true, publicAccessCidrs: ['203.0.113.0/24'] }),
  [`${R}/eks-describe-cluster/dev.json`]: accessDenied('eks:DescribeCluster'),
};

let d: DumpRecords;
beforeAll(async () => {
  d = await readDump(files);
});

describe('aws dump reader: EKS', () => {
  const uid = (name: string) => `arn:aws:eks:us-east-1:${A}:cluster/${name}`;

  it('emits clusters with endpoint access and derives IsPublic from the public CIDRs', () => {
    expect(d.asset(uid('prod'))).toMatchObject({ kind: 'aws.eks.cluster', name: 'prod', owner: 'platform',
      properties: { IsPublic: true, resourcesVpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] } } });
    expect(d.asset(uid('staging'))?.properties).toMatchObject({ IsPublic: false });
    expect(d.scopeOf(uid('prod'))).toBe(`aws:${A}:us-east-1:eks`);
  });

  it('links a cluster to its role, VPC, subnets and both kinds of security group', () => {
    const ec2 = (type: string, id: string) => `arn:aws:ec2:us-east-1:${A}:${type}/${id}`;
    expect(d.edgesOf(uid('prod'))).toEqual([['has_role', `arn:aws:iam::${A}:role/prod-cluster-role`],
      ['in_security_group', ec2('security-group', 'sg-0a1b2c3d4e5f60055')], ['in_security_group', ec2('security-group', 'sg-0a1b2c3d4e5f60056')],
      ['in_subnet', ec2('subnet', 'subnet-0a1b2c3d4e5f60011')], ['in_subnet', ec2('subnet', 'subnet-0a1b2c3d4e5f60012')],
      ['in_vpc', ec2('vpc', 'vpc-0a1b2c3d4e5f60001')]]);
  });

  it('keeps a listed cluster that could not be described, by name, and makes the scope partial', () => {
    expect(d.asset(uid('dev'))).toMatchObject({ name: 'dev', properties: { name: 'dev', CollectionErrors: { 'eks-describe-cluster': expect.stringMatching(/AccessDenied/) as unknown } } });
    expect(d.edgesOf(uid('dev'))).toEqual([]);
    expect(d.coverage(`aws:${A}:us-east-1:eks`)).toMatchObject([{ coverage: 'partial', error: expect.stringMatching(/^eks-describe-cluster\/dev: AccessDenied/) as unknown }]);
  });
});
