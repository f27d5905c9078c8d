import type { NormalizedRecord } from '../../model/index.js';
import { allow, arn, role, trustService, user, withCoverage } from '../iam/fixtures.js';

/** Hand-made inventories for attack-path tests: records shaped like the AWS dump reader's and the k8s normalizer's. */
export const ACC = '111111111111';
export const R = 'us-east-1';
export const EC2 = `aws:${ACC}:${R}:ec2`;
export const ec2 = (type: string, id: string): string => `arn:aws:ec2:${R}:${ACC}:${type}/${id}`;
export const k8s = (ns: string | null, kind: string, name: string): string => `k8s:prod/${ns ?? '_cluster'}/${kind}/${name}`;
export const K8S = 'k8s:prod:fixture';

export const asset = (scope: string, uid: string, kind: string, properties: Record<string, unknown>, tags: Record<string, string> = {}, provider = 'aws'): NormalizedRecord =>
  ({ type: 'asset', scope, asset: { uid, kind, name: uid.split(/[/:]/).pop() ?? uid, provider, account: provider === 'aws' ? ACC : 'prod', region: provider === 'aws' ? R : null, properties, tags } });
export const edge = (scope: string, from: string, kind: string, to: string, properties: Record<string, unknown> = {}): NormalizedRecord =>
  ({ type: 'relationship', scope, relationship: { from, kind, to, properties } });
export const tcp = (port: number, cidr: string) => ({ IpProtocol: 'tcp', FromPort: port, ToPort: port, IpRanges: [{ CidrIp: cidr }] });

/** An instance in the public subnet with a public IP, its groups and its role; `tokens` is MetadataOptions.HttpTokens. */
export function instance(id: string, groups: string[], roleName: string, tokens: 'optional' | 'required'): NormalizedRecord[] {
  const uid = ec2('instance', id);
  return [
    asset(EC2, uid, 'aws.ec2.instance', { InstanceId: id, State: { Name: 'running' }, SubnetId: 'subnet-pub', VpcId: 'vpc-1', PublicIpAddress: `54.0.0.${id.length}`,
      MetadataOptions: { HttpTokens: tokens, HttpEndpoint: 'enabled' } }),
    ...groups.map((g) => edge(EC2, uid, 'in_security_group', ec2('security-group', g))),
    edge(EC2, uid, 'has_role', arn(`role/${roleName}`), { instanceProfile: arn(`instance-profile/${roleName}`) }),
  ];
}

/** A user with one access key (what the credential calls add to its properties). */
export function userWithKey(name: string, key: string, statements: Record<string, unknown>[]): NormalizedRecord[] {
  return user(name, { policies: statements }).map((r) => (r.type === 'asset'
    ? { ...r, asset: { ...r.asset, properties: { ...r.asset.properties, AccessKeys: [{ AccessKeyId: key, Status: 'Active' }] } } } : r));
}

export const EC2_ROLE = [trustService('ec2.amazonaws.com')];

/** The public subnet's route table (0.0.0.0/0 to an internet gateway) and a security group open to the internet on 443. */
export function publicSubnet(): NormalizedRecord[] {
  return [
    asset(EC2, ec2('route-table', 'rtb-pub'), 'aws.ec2.route-table', { RouteTableId: 'rtb-pub', VpcId: 'vpc-1',
      Routes: [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' }], Associations: [{ Main: true }, { SubnetId: 'subnet-pub' }] }),
    asset(EC2, ec2('security-group', 'sg-web'), 'aws.ec2.security-group', { GroupId: 'sg-web', IpPermissions: [tcp(443, '0.0.0.0/0')] }),
  ];
}

/**
 * The smallest inventory with one attack path: internet → sg-web → i-ssrf (IMDSv1, web port) → role app-admin
 * (admin), plus an instance with IMDSv2 required carrying the same role (no path).
 */
export function ssrfEstate(): NormalizedRecord[] {
  return withCoverage([
    ...publicSubnet(),
    ...instance('i-ssrf', ['sg-web'], 'app-admin', 'optional'),
    ...instance('i-v2', ['sg-web'], 'app-admin', 'required'),
    ...role('app-admin', { trust: EC2_ROLE, policies: [allow('*')], instanceProfile: true }),
  ]);
}
