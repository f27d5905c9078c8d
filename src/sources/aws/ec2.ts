import { z } from 'zod';
import type { NormalizedRecord } from '../../model/index.js';
import { scopeCoverage, validated, type CallResult } from './call-result.js';
import { awsScope, ec2Arn, regionalArn } from './identifiers.js';
import type { InstanceProfileRoles } from './iam.js';
import { awsAsset, edge } from './records.js';
import { tagMap } from './tags.js';

// Only the fields we read are declared; looseObject keeps every other field the CLI printed.
const Tag = z.looseObject({ Key: z.string(), Value: z.string() });

const Instance = z.looseObject({
  InstanceId: z.string().min(1),
  State: z.looseObject({ Name: z.string() }).optional(),
  SubnetId: z.string().optional(),
  VpcId: z.string().optional(),
  SecurityGroups: z.array(z.looseObject({ GroupId: z.string().min(1) })).optional(),
  IamInstanceProfile: z.looseObject({ Arn: z.string().min(1), Id: z.string().optional() }).optional(),
  Tags: z.array(Tag).optional(),
});

export const DescribeInstances = z.looseObject({
  Reservations: z.array(z.looseObject({ Instances: z.array(Instance) })),
});

const SecurityGroup = z.looseObject({
  GroupId: z.string().min(1),
  GroupName: z.string().optional(),
  VpcId: z.string().optional(),
  Tags: z.array(Tag).optional(),
});

export const DescribeSecurityGroups = z.looseObject({ SecurityGroups: z.array(SecurityGroup) });

/** The calls that enumerate the `ec2` scope of one region; each is a file `<region>/<call>.json` in a dump. */
export const EC2_LIST_CALLS = ['ec2-describe-instances', 'ec2-describe-security-groups'] as const;

export interface Ec2RegionInput {
  account: string;
  region: string;
  instances: CallResult<unknown>;
  securityGroups: CallResult<unknown>;
  /** Instance profile ARN or id → role ARNs from the account's IAM; null when IAM was not collected. */
  instanceProfiles: InstanceProfileRoles | null;
}

type Instance = z.output<typeof Instance>;

const CLUSTER_TAG = /^kubernetes\.io\/cluster\/(.+)$/;

/**
 * The EKS cluster a worker instance belongs to: the `eks:cluster-name` tag managed node groups set, else the
 * `kubernetes.io/cluster/<name>` tag (value `owned` or `shared`) self-managed nodes and Karpenter set.
 */
export function eksClusterOf(tags: Readonly<Record<string, string>>): { name: string; tag: string } | null {
  const managed = tags['eks:cluster-name']?.trim();
  if (managed) return { name: managed, tag: 'eks:cluster-name' };
  for (const [key, value] of Object.entries(tags)) {
    const m = CLUSTER_TAG.exec(key);
    if (m?.[1] && (value === 'owned' || value === 'shared')) return { name: m[1], tag: key };
  }
  return null;
}

function instanceRecords(scope: string, input: Ec2RegionInput, instance: Instance): NormalizedRecord[] {
  const { account, region } = input;
  const uid = ec2Arn(region, account, 'instance', instance.InstanceId);
  const tags = tagMap(instance.Tags);
  const out: NormalizedRecord[] = [awsAsset(scope, {
    uid, kind: 'aws.ec2.instance', name: tags.Name ?? instance.InstanceId, account, region, properties: instance, tags,
  })];
  for (const sg of instance.SecurityGroups ?? []) out.push(edge(scope, uid, 'in_security_group', ec2Arn(region, account, 'security-group', sg.GroupId)));
  if (instance.SubnetId) out.push(edge(scope, uid, 'in_subnet', ec2Arn(region, account, 'subnet', instance.SubnetId)));
  if (instance.VpcId) out.push(edge(scope, uid, 'in_vpc', ec2Arn(region, account, 'vpc', instance.VpcId)));
  const profile = instance.IamInstanceProfile;
  if (profile) {
    const roles = input.instanceProfiles?.get(profile.Arn) ?? (profile.Id ? input.instanceProfiles?.get(profile.Id) : undefined) ?? [];
    // Without the role (IAM not collected, or a profile holding no role) the profile itself is the lead.
    if (roles.length === 0) out.push(edge(scope, uid, 'has_instance_profile', profile.Arn));
    for (const role of roles) out.push(edge(scope, uid, 'has_role', role, { instanceProfile: profile.Arn }));
  }
  const cluster = eksClusterOf(tags);
  if (cluster) out.push(edge(scope, uid, 'member_of', regionalArn(region, account, 'eks', `cluster/${cluster.name}`), { via: `tag ${cluster.tag}` }));
  return out;
}

/**
 * Normalizes one region's EC2 calls into instances, security groups and their edges, with the coverage of
 * scope `aws:<account>:<region>:ec2`. Terminated instances are left out: they linger in describe-instances
 * for an hour but no longer exist, so the sweep marks them gone.
 */
export function normalizeEc2Region(input: Ec2RegionInput): NormalizedRecord[] {
  const { account, region } = input;
  const scope = awsScope(account, region, 'ec2');
  const instances = validated(DescribeInstances, input.instances);
  const groups = validated(DescribeSecurityGroups, input.securityGroups);
  const out: NormalizedRecord[] = [];
  const coverage = scopeCoverage(scope, [instances, groups]);
  if (coverage) out.push(coverage);
  if (instances.status === 'ok') {
    for (const reservation of instances.data.Reservations) {
      for (const instance of reservation.Instances) {
        if (instance.State?.Name !== 'terminated') out.push(...instanceRecords(scope, input, instance));
      }
    }
  }
  if (groups.status === 'ok') {
    for (const sg of groups.data.SecurityGroups) {
      const uid = ec2Arn(region, account, 'security-group', sg.GroupId);
      const tags = tagMap(sg.Tags);
      out.push(awsAsset(scope, { uid, kind: 'aws.ec2.security-group', name: sg.GroupName ?? sg.GroupId, account, region, properties: sg, tags }));
      if (sg.VpcId) out.push(edge(scope, uid, 'in_vpc', ec2Arn(region, account, 'vpc', sg.VpcId)));
    }
  }
  return out;
}
