import { plantRule } from '../manifest.js';
import type { Planted, RulePlants } from '../manifest.js';
import type { OutputTree } from '../output-tree.js';
import type { AccountPlan, OrgPlan, ServicePlan } from '../plan.js';
import { rngFor } from '../random.js';
import type { PathPlan } from '../attack-paths.js';
import { AccountIam } from './iam.js';
import { writeRegion } from './region.js';
import { writeBuckets } from './s3.js';

export interface AccountCounts {
  regions: number;
  instances: number;
  securityGroups: number;
  buckets: number;
  users: number;
  roles: number;
  groups: number;
  policies: number;
  functions: number;
  eksClusters: number;
}

function mergeRules(planted: Planted, rules: RulePlants): void {
  for (const [id, uids] of Object.entries(rules)) plantRule(planted.rules, id, ...uids);
}

/** Which of the account's regions each service runs in: a primary region, sometimes more; no region left empty. */
function placeServices(org: OrgPlan, account: AccountPlan, services: readonly ServicePlan[]): ServicePlan[][] {
  const byRegion: ServicePlan[][] = account.regions.map(() => []);
  for (const service of services) {
    const rng = rngFor(org.seed, 'placement', account.id, service.name);
    const primary = rng.int(0, account.regions.length - 1);
    byRegion.forEach((list, i) => {
      if (i === primary || rng.chance(0.4)) list.push(service);
    });
  }
  const fallback = services[0];
  for (const list of byRegion) if (list.length === 0 && fallback) list.push(fallback);
  return byRegion;
}

/**
 * Writes one account folder (meta.json, every region, IAM, S3) and adds what it planted to `planted`.
 * Nothing of the account is kept once it returns, so memory stays flat however many accounts there are.
 */
export async function writeAccount(out: OutputTree, org: OrgPlan, account: AccountPlan, planted: Planted, paths: PathPlan | null = null): Promise<AccountCounts> {
  const services = org.servicesByAccount[account.index] ?? [];
  const iam = new AccountIam(org, account, services, paths);
  const counts: AccountCounts = { regions: 0, instances: 0, securityGroups: 0, buckets: 0, users: 0, roles: 0, groups: 0, policies: 0, functions: 0, eksClusters: 0 };

  const placement = placeServices(org, account, services);
  for (const [regionIndex, region] of account.regions.entries()) {
    const r = await writeRegion(out, { org, account, region, regionIndex, services: placement[regionIndex] ?? [], iam, paths });
    counts.regions++;
    counts.functions += r.functions;
    counts.eksClusters += r.eksClusters;
    counts.instances += r.instances;
    counts.securityGroups += r.securityGroups;
    planted.openSecurityGroups.push(...r.open);
    planted.webSecurityGroups.push(...r.web);
    planted.privateOnlySecurityGroups.push(...r.privateOnly);
    planted.imdsV1Instances.push(...r.imdsV1);
    planted.untaggedResources.push(...r.untagged);
    planted.attackChains.push(...r.chains);
    planted.attackChainDecoys.push(...r.decoys);
    mergeRules(planted, r.rules);
  }

  const identity = iam.render();
  await out.writeAws(`aws/${account.id}/global/iam-get-account-authorization-details.json`, identity.document);
  for (const [user, keys] of identity.accessKeys) await out.writeAws(`aws/${account.id}/global/iam-list-access-keys/${user}.json`, { AccessKeyMetadata: keys });
  counts.users = identity.users;
  counts.roles = identity.roles;
  counts.groups = identity.groups;
  counts.policies = identity.policies;
  planted.overPrivilegedRoles.push(...identity.overPrivilegedRoles);
  planted.adminUsers.push(...identity.adminUsers);
  mergeRules(planted, identity.rules);

  const s3 = await writeBuckets(out, org, account, services);
  counts.buckets = s3.buckets;
  planted.publicBuckets.push(...s3.publicBuckets);
  planted.publicBucketDecoys.push(...s3.publicBucketDecoys);
  planted.untaggedResources.push(...s3.untagged);
  mergeRules(planted, s3.rules);

  await out.writeAws(`aws/${account.id}/meta.json`, { Alias: account.alias, OrganizationId: org.organizationId, Name: account.name });
  return counts;
}
