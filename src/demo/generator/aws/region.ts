import { plantRule } from '../manifest.js';
import type { PlantedChain, PlantedDecoy, PlantedPort, RulePlants } from '../manifest.js';
import type { OutputTree } from '../output-tree.js';
import type { AccountPlan, OrgPlan, ServicePlan } from '../plan.js';
import { rngFor } from '../random.js';
import type { Rng } from '../random.js';
import { daysBeforeSnapshot } from '../time.js';
import type { PathPlan } from '../attack-paths.js';
import type { AccountIam, ProfileRef } from './iam.js';
import { arn, awsId } from './ids.js';
import { INSTANCE_TYPES, architectureOf, renderInstance } from './instance-object.js';
import type { InstanceSpec, Subnet } from './instance-object.js';
import { writeCompute } from './compute.js';
import { GroupSet, WORLD, allTraffic, fromGroup, tcp } from './security-groups.js';
import type { GroupRef } from './security-groups.js';

export interface RegionInput {
  org: OrgPlan;
  account: AccountPlan;
  region: string;
  regionIndex: number;
  /** Services with instances in this region, the account team's first. */
  services: readonly ServicePlan[];
  iam: AccountIam;
  /** The attack-path plants, in the region they name. */
  paths: PathPlan | null;
}

export interface RegionResult {
  instances: number;
  securityGroups: number;
  open: PlantedPort[];
  web: PlantedPort[];
  privateOnly: string[];
  imdsV1: string[];
  untagged: string[];
  chains: PlantedChain[];
  decoys: PlantedDecoy[];
  rules: RulePlants;
  functions: number;
  eksClusters: number;
}

const OFFICE_CIDRS = ['203.0.113.0/24', '198.51.100.17/32'];
const PUBLIC_FIRST_OCTETS = [3, 18, 34, 35, 44, 52, 54];
const LEGACY_NAMES = ['old-jenkins', 'test-instance', 'tmp-debug', 'legacy-cron', 'nat-instance'];

/** One account-region: a VPC, its security groups and its instances, written as the two describe calls. */
export async function writeRegion(out: OutputTree, input: RegionInput): Promise<RegionResult> {
  const { org, account, region, regionIndex, services, iam } = input;
  const paths = input.paths?.region === region ? input.paths : null;
  const rng = rngFor(org.seed, 'region', account.id, region);
  const vpcId = awsId.vpc(rng);
  const prefix = `10.${rng.int(0, 255)}`;
  const vpcCidr = `${prefix}.0.0/16`;
  const azs = ['a', 'b', 'c'].map((s) => `${region}${s}`);
  const publicSubnets: Subnet[] = azs.map((az, i) => ({ id: awsId.subnet(rng), az, prefix, thirdOctets: [i, i], public: true }));
  const privateSubnets: Subnet[] = azs.map((az, i) => ({ id: awsId.subnet(rng), az, prefix, thirdOctets: [16 + 16 * i, 31 + 16 * i], public: false }));
  const first = regionIndex === 0;
  const force = account.forcePlants && first;

  // Security groups: the VPC default(s), a load balancer, monitoring, one per service, shared infrastructure.
  const sgs = new GroupSet(rng, account.id, region);
  const selfRef = (self: string) => [{ IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: self, UserId: account.id }] }];
  // Default groups are emptied (CIS 5.4) except a few left as AWS created them: planted findings. A stream of
  // its own, so posture choices do not shift the organization's other random draws.
  const posture = rngFor(org.seed, 'posture', account.id, region);
  const rules: RulePlants = {};
  const addDefault = (vpc: string, keepAwsRules: boolean) => {
    const ref = keepAwsRules
      ? sgs.add(vpc, 'default', 'default VPC security group', selfRef, null)
      : sgs.add(vpc, 'default', 'default VPC security group', () => [], null, []);
    if (keepAwsRules) plantRule(rules, 'aws.ec2.default-security-group-allows-traffic', sgs.arnOf(ref));
    return ref;
  };
  const defaultGroup = addDefault(vpcId, force || posture.chance(0.1));
  if (rng.chance(0.5)) addDefault(awsId.vpc(rng), posture.chance(0.1));
  const needsEntry = first && account.attackChains + account.attackChainDecoys > 0;
  const alb =
    services.some((s) => s.internetFacing) || needsEntry || rng.chance(0.4)
      ? sgs.add(vpcId, `${account.alias}-alb`, 'Public application load balancer', () => [tcp(80, [WORLD], undefined, ['::/0']), tcp(443, [WORLD], undefined, ['::/0'])], { team: account.team, 'managed-by': 'terraform' })
      : null;
  const monitoring = sgs.add(vpcId, 'monitoring', 'Prometheus node exporter scraping', () => [tcp(9100, [vpcCidr])], { team: 'platform' });
  const serviceGroups = new Map<string, GroupRef>();
  for (const s of services) {
    const ingress = () => (alb && s.internetFacing ? [fromGroup(8080, alb.GroupId, account.id, 'from load balancer')] : [tcp(8080, [vpcCidr])]);
    serviceGroups.set(s.name, sgs.add(vpcId, `${s.name}-sg`, `Security group for ${s.name}`, ingress, { team: s.team, service: s.name }));
  }
  const tags = { team: account.team, env: account.env };
  let bastion: GroupRef | null = null;
  if (first && (force || rng.chance(0.6))) {
    const world = force || rng.chance(0.25);
    bastion = sgs.add(vpcId, 'bastion-ssh', 'SSH to the bastion host', () => [world ? tcp(22, [WORLD]) : tcp(22, OFFICE_CIDRS, 'office VPN')], tags);
  }
  if (force || rng.chance(0.7)) {
    const world = !force && rng.chance(0.06);
    sgs.add(vpcId, 'rds-postgres', 'PostgreSQL clients', () => [tcp(5432, world ? [WORLD] : [vpcCidr])], tags);
  }
  if (rng.chance(0.4)) sgs.add(vpcId, 'elasticsearch', 'Search cluster', () => [tcp(9200, rng.chance(0.15) ? [WORLD] : ['10.0.0.0/8'])], tags);
  if (rng.chance(0.15)) sgs.add(vpcId, 'windows-jump', 'RDP jump host', () => [tcp(3389, rng.chance(0.35) ? [WORLD] : ['172.16.0.0/12'])], tags);
  if (rng.chance(0.1)) sgs.add(vpcId, 'temp-debug-all', 'temporary: remove after incident', () => [allTraffic(rng.chance(0.5) ? [WORLD] : ['192.168.0.0/16'])], null);
  if (rng.chance(0.4)) sgs.add(vpcId, 'redis', 'ElastiCache clients', () => [tcp(6379, [vpcCidr])], tags);
  if (rng.chance(0.4)) sgs.add(vpcId, 'efs-mounts', 'NFS clients of shared file systems', () => [tcp(2049, [vpcCidr])], tags);
  if (rng.chance(0.3)) sgs.add(vpcId, 'kafka-clients', 'MSK brokers', () => [tcp(9092, [vpcCidr]), tcp(9094, [vpcCidr])], { team: 'data' });
  if (rng.chance(0.6)) sgs.add(vpcId, 'vpc-endpoints', 'Interface endpoints', () => [tcp(443, [vpcCidr])], { team: 'platform' });

  // Instances.
  const amis = amiPool(org.seed, region);
  const specs: InstanceSpec[] = [];
  const result: RegionResult = { instances: 0, securityGroups: sgs.groups.length, open: sgs.open, web: sgs.web, privateOnly: sgs.privateOnly, imdsV1: [], untagged: [], chains: [], decoys: [], rules, functions: 0, eksClusters: 0 };
  const make = (fields: Pick<InstanceSpec, 'name' | 'tags' | 'subnet' | 'groups' | 'profile' | 'httpTokens' | 'running'>, isPublic: boolean): InstanceSpec => {
    const instanceType = rng.pick(INSTANCE_TYPES);
    const spec: InstanceSpec = {
      ...fields,
      id: awsId.instance(rng),
      publicIp: isPublic ? `${rng.pick(PUBLIC_FIRST_OCTETS)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}` : null,
      instanceType,
      imageId: architectureOf(instanceType) === 'arm64' ? amis.arm : rng.pick(amis.x86),
      launchMs: 0,
      launchIndex: 0,
      keyName: rng.chance(0.3) ? `${account.alias}-ops` : null,
    };
    specs.push(spec);
    return spec;
  };
  const serviceTags = (s: ServicePlan, name: string) => ({ Name: name, team: s.team, env: account.env, service: s.name, 'managed-by': 'terraform' });
  const entryService = services.find((s) => s.internetFacing) ?? services[0];

  if (bastion) {
    make({ name: 'bastion', tags: { Name: 'bastion', ...tags, service: 'bastion' }, subnet: publicSubnets[0] as Subnet, groups: [bastion], profile: null, httpTokens: rng.chance(0.2) ? 'optional' : 'required', running: true }, true);
  }
  if (first && entryService && alb) {
    const serviceGroup = serviceGroups.get(entryService.name) as GroupRef;
    for (let c = 0; c < account.attackChains; c++) {
      const profile = iam.adminProfile(entryService);
      const spec = make({ name: `${entryService.name}-legacy-${c + 1}`, tags: serviceTags(entryService, `${entryService.name}-legacy-${c + 1}`), subnet: rng.pick(publicSubnets), groups: [alb, serviceGroup], profile, httpTokens: 'optional', running: true }, true);
      result.chains.push({ instance: arn.instance(region, account.id, spec.id), role: profile.roleArn, securityGroup: sgs.arnOf(alb) });
    }
    for (let d = 0; d < account.attackChainDecoys; d++) {
      const missing = d % 2 === 0 ? 'imdsv1' : 'public-ip';
      const profile = iam.adminProfile(entryService);
      const name = `${entryService.name}-canary-${d + 1}`;
      const spec = make(
        { name, tags: serviceTags(entryService, name), subnet: missing === 'public-ip' ? rng.pick(privateSubnets) : rng.pick(publicSubnets), groups: [alb, serviceGroup], profile, httpTokens: missing === 'imdsv1' ? 'required' : 'optional', running: true },
        missing !== 'public-ip',
      );
      result.decoys.push({ instance: arn.instance(region, account.id, spec.id), missing, role: profile.roleArn, securityGroup: sgs.arnOf(alb) });
    }
  }

  const target = Math.max(3, rng.around(32 * account.envFactor, 0.25));
  const weights = services.map((s) => [s, s.team === account.team ? 3 : 1] as const);
  const perService = new Map<string, number>();
  for (let i = 0; i < target; i++) {
    if (rng.chance(0.04) || weights.length === 0) {
      const name = rng.chance(0.8) ? rng.pick(LEGACY_NAMES) : null;
      make({ name, tags: name ? { Name: name } : null, subnet: rng.pick(privateSubnets), groups: [defaultGroup], profile: null, httpTokens: rng.chance(0.3) ? 'optional' : 'required', running: rng.chance(0.8) }, false);
      continue;
    }
    const s = rng.weighted(weights);
    const n = (perService.get(s.name) ?? 0) + 1;
    perService.set(s.name, n);
    const isPublic = s.internetFacing && alb !== null && rng.chance(0.06);
    const groups = [serviceGroups.get(s.name) as GroupRef];
    if (rng.chance(0.7)) groups.push(monitoring);
    if (isPublic && alb) groups.push(alb);
    const profile: ProfileRef | null = rng.chance(0.92) ? iam.profileForService(s.name) : null;
    const name = `${s.name}-${account.env}-${n}`;
    // A public instance with IMDSv1 and its service role (which reads confidential app data) would be an
    // unplanned attack path: the organization is secure by default outside its plants.
    const httpTokens = rng.chance(0.09) && !isPublic ? 'optional' : 'required';
    make({ name, tags: serviceTags(s, name), subnet: rng.pick(isPublic ? publicSubnets : privateSubnets), groups, profile, httpTokens, running: rng.chance(0.95) }, isPublic);
  }
  const nodeGroup = paths && alb ? plantPathInstances(paths, { make, sgs, iam, alb, vpcId, publicSubnets, privateSubnets, account, rng }) : null;

  const reservations = reserve(rng, specs).map((group) => ({
    Groups: [],
    Instances: group.map((spec) => {
      const instanceArn = arn.instance(region, account.id, spec.id);
      if (spec.httpTokens === 'optional') result.imdsV1.push(instanceArn);
      if (!spec.tags?.team) result.untagged.push(instanceArn);
      if (spec.profile && spec.running) iam.noteUse(spec.profile.arn, region);
      return renderInstance(rng, spec, region, account.id, vpcId);
    }),
    OwnerId: account.id,
    ReservationId: awsId.reservation(rng),
  }));
  result.instances = specs.length;
  result.securityGroups = sgs.groups.length;
  const compute = await writeCompute(out, {
    account, region, rng: rngFor(org.seed, 'compute', account.id, region), functions: first ? iam.functions : [], paths, vpcId,
    privateSubnets: privateSubnets.map((s) => s.id), nodeGroup,
  });
  result.functions = compute.functions;
  result.eksClusters = compute.clusters;
  await out.writeAws(`aws/${account.id}/${region}/ec2-describe-instances.json`, { Reservations: reservations });
  await out.writeAws(`aws/${account.id}/${region}/ec2-describe-security-groups.json`, { SecurityGroups: sgs.groups });
  return result;
}

interface PlantContext {
  make: (fields: Pick<InstanceSpec, 'name' | 'tags' | 'subnet' | 'groups' | 'profile' | 'httpTokens' | 'running'>, isPublic: boolean) => InstanceSpec;
  sgs: GroupSet;
  iam: AccountIam;
  alb: GroupRef;
  vpcId: string;
  publicSubnets: Subnet[];
  privateSubnets: Subnet[];
  account: AccountPlan;
  rng: Rng;
}

/**
 * The attack-path instances: one whose role reads sensitive data (a path), one whose role is denied that
 * access by an explicit Deny, one reachable only from a private CIDR (decoys), and the EKS cluster's nodes.
 */
function plantPathInstances(paths: PathPlan, c: PlantContext): string {
  const tagsOf = (name: string, team: string, service: string) => ({ Name: name, team, env: c.account.env, service, 'managed-by': 'terraform' });
  const reader = c.make({ name: 'document-renderer-1', tags: tagsOf('document-renderer-1', 'data', 'document-renderer'), subnet: c.publicSubnets[0] as Subnet, groups: [c.alb], profile: c.iam.profileOfRole(paths.roles.reader), httpTokens: 'optional', running: true }, true);
  const denied = c.make({ name: 'archive-indexer-1', tags: tagsOf('archive-indexer-1', 'data', 'archive-indexer'), subnet: c.publicSubnets[1] as Subnet, groups: [c.alb], profile: c.iam.profileOfRole(paths.roles.denied), httpTokens: 'optional', running: true }, true);
  const internal = c.sgs.add(c.vpcId, 'intranet-http', 'HTTP from the corporate network only', () => [tcp(80, ['10.0.0.0/8'], 'corporate network')], { team: c.account.team });
  const adminProfile = c.iam.adminProfile({ name: 'intranet', team: c.account.team } as ServicePlan);
  const privateOnly = c.make({ name: 'intranet-wiki-1', tags: tagsOf('intranet-wiki-1', c.account.team, 'intranet-wiki'), subnet: c.publicSubnets[2] as Subnet, groups: [internal], profile: adminProfile, httpTokens: 'optional', running: true }, true);
  paths.instances = {
    reader: reader.id, denied: denied.id, privateOnly: privateOnly.id, privateOnlyRole: adminProfile.roleArn,
    privateOnlyGroup: c.sgs.arnOf(internal), webGroup: c.sgs.arnOf(c.alb),
  };
  const nodeGroup = c.sgs.add(c.vpcId, `eks-${paths.cluster}-nodes`, 'EKS worker nodes', (self) => [
    { IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: self, UserId: c.account.id }] },
  ], { team: 'platform', [`kubernetes.io/cluster/${paths.cluster}`]: 'owned' });
  for (let n = 0; n < 2; n++) {
    const node = c.make({
      name: `${paths.cluster}-node-${n + 1}`,
      tags: { Name: `${paths.cluster}-node-${n + 1}`, team: 'platform', env: c.account.env, 'eks:cluster-name': paths.cluster, 'eks:nodegroup-name': 'default', [`kubernetes.io/cluster/${paths.cluster}`]: 'owned' },
      subnet: c.privateSubnets[n % c.privateSubnets.length] as Subnet,
      groups: [nodeGroup],
      profile: c.iam.profileOfRole(paths.roles.node),
      httpTokens: 'required',
      running: true,
    }, false);
    paths.nodes.push({ id: node.id, az: node.subnet.az });
  }
  return nodeGroup.GroupId;
}

/** Instances launched together share a reservation, a launch time, a type and an image: a service's instances in runs of 1-3. */
function reserve(rng: Rng, specs: InstanceSpec[]): InstanceSpec[][] {
  const byKey = new Map<string, InstanceSpec[]>();
  for (const spec of specs) {
    const key = spec.tags?.service ?? spec.id;
    byKey.set(key, [...(byKey.get(key) ?? []), spec]);
  }
  const groups: InstanceSpec[][] = [];
  for (const list of byKey.values()) {
    for (let i = 0; i < list.length; ) {
      const size = Math.min(list.length - i, rng.int(1, 3));
      const group = list.slice(i, i + size);
      const launchMs = daysBeforeSnapshot(rng.next() * 700);
      const leader = group[0] as InstanceSpec;
      group.forEach((spec, index) => {
        spec.launchMs = launchMs;
        spec.launchIndex = index;
        spec.instanceType = leader.instanceType;
        spec.imageId = leader.imageId;
      });
      groups.push(group);
      i += size;
    }
  }
  return groups;
}

/** A region's golden AMIs: two x86 builds and one arm64 build, shared by every account. */
function amiPool(seed: number, region: string): { x86: string[]; arm: string } {
  const rng = rngFor(seed, 'ami', region);
  return { x86: [awsId.image(rng), awsId.image(rng)], arm: awsId.image(rng) };
}
