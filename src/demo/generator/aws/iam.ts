import type { AccountPlan, OrgPlan, ServicePlan } from '../plan.js';
import { rngFor } from '../random.js';
import type { Rng } from '../random.js';
import { awsTime, daysBeforeSnapshot } from '../time.js';
import { ADMIN_POLICY_ARN, arn, awsId, tagList } from './ids.js';
import { AWS_MANAGED, awsManaged, permissions, trust } from './iam-documents.js';
import type { InlinePolicy, ManagedRef, PolicyDocument } from './iam-documents.js';
import { buildPeople } from './iam-people.js';
import { plantRule } from '../manifest.js';
import type { RulePlants } from '../manifest.js';
import { bucketName } from './naming.js';
import type { PathPlan } from '../attack-paths.js';
import { plantedIdentities } from './path-identities.js';

interface CustomerPolicy {
  name: string;
  id: string;
  arn: string;
  /** Oldest first; the last one is the default version. */
  versions: PolicyDocument[];
  createMs: number;
  grantsEverything: boolean;
}

interface RoleBuild {
  name: string;
  path: string;
  id: string;
  arn: string;
  createMs: number;
  trust: PolicyDocument;
  profile: { name: string; id: string; arn: string } | null;
  inline: InlinePolicy[];
  attached: ManagedRef[];
  tags: Record<string, string | undefined>;
  lastUsed: { ms: number; region: string } | null;
}

export interface ProfileRef {
  arn: string;
  id: string;
  roleArn: string;
}

export interface IamResult {
  document: Record<string, unknown>;
  users: number;
  roles: number;
  groups: number;
  policies: number;
  overPrivilegedRoles: string[];
  adminUsers: string[];
  rules: RulePlants;
  /** Every user's `iam list-access-keys` answer, by user name. */
  accessKeys: Map<string, Record<string, unknown>[]>;
}

/** What a planted role or user is made of (attack-path plants). */
export interface IdentitySpec {
  name: string;
  trust?: PolicyDocument;
  inline: InlinePolicy[];
  attached: ManagedRef[];
  tags: Record<string, string | undefined>;
  withProfile?: boolean;
}

/**
 * One account's IAM: a role and instance profile per service it runs, CI and audit roles, service-linked
 * roles, a handful of human and machine users in groups, and customer-managed policies. The EC2 side asks
 * it for instance profiles, so every profile an instance names exists here.
 */
export class AccountIam {
  private readonly rng: Rng;
  private readonly roles: RoleBuild[] = [];
  private readonly policies = new Map<string, CustomerPolicy>();
  private readonly byService = new Map<string, RoleBuild>();
  private adminRole: RoleBuild | null = null;
  /** Functions to write for the services' Lambda roles. */
  readonly functions: { service: ServicePlan; roleArn: string }[] = [];

  constructor(
    private readonly org: OrgPlan,
    private readonly account: AccountPlan,
    private readonly services: readonly ServicePlan[],
    private readonly paths: PathPlan | null = null,
  ) {
    this.rng = rngFor(org.seed, 'iam', account.id);
    this.buildPolicies();
    this.buildRoles();
    // After every other draw, so planting leaves the rest of the account as it was.
    if (paths) for (const spec of plantedIdentities(paths).roles) this.plantRole(spec);
  }

  private plantRole(spec: IdentitySpec): void {
    const role = this.addRole(spec.name, spec.trust ?? trust.service('ec2.amazonaws.com'), spec.tags, spec.withProfile ?? false);
    role.inline.push(...spec.inline);
    role.attached.push(...spec.attached);
    if (spec.withProfile) this.usedRecently(role, 1);
  }

  /** The instance profile of a role planted or built here by name. */
  profileOfRole(name: string): ProfileRef {
    const role = this.roles.find((r) => r.name === name);
    if (!role) throw new Error(`no role ${name}`);
    return this.refOf(role);
  }

  /** The instance profile of a service's EC2 role in this account. */
  profileForService(service: string): ProfileRef | null {
    const role = this.byService.get(service);
    return role ? this.refOf(role) : null;
  }

  /** The planted admin instance role (AdministratorAccess), created on first use. */
  adminProfile(service: ServicePlan): ProfileRef {
    if (!this.adminRole) {
      const name = `legacy-${service.name}-ec2`;
      this.adminRole = this.addRole(name, trust.service('ec2.amazonaws.com'), { team: service.team, service: service.name }, true);
      this.adminRole.attached.push(awsManaged(AWS_MANAGED.admin));
    }
    return this.refOf(this.adminRole);
  }

  /** An instance using a profile makes its role "recently used" in that region. */
  noteUse(profileArn: string, region: string): void {
    const role = this.roles.find((r) => r.profile?.arn === profileArn);
    if (role && !role.lastUsed) role.lastUsed = { ms: daysBeforeSnapshot(this.rng.next() * 0.5), region };
  }

  private refOf(role: RoleBuild): ProfileRef {
    if (!role.profile) throw new Error(`role ${role.name} has no instance profile`);
    return { arn: role.profile.arn, id: role.profile.id, roleArn: role.arn };
  }

  private addPolicy(name: string, versions: PolicyDocument[], grantsEverything = false): CustomerPolicy {
    const policy: CustomerPolicy = {
      name,
      id: awsId.policy(this.rng),
      arn: arn.policy(this.account.id, name),
      versions,
      createMs: daysBeforeSnapshot(this.rng.days(200, 1400)),
      grantsEverything,
    };
    this.policies.set(name, policy);
    return policy;
  }

  private customerRef(name: string): ManagedRef {
    const policy = this.policies.get(name);
    if (!policy) throw new Error(`no customer policy ${name}`);
    return { PolicyName: policy.name, PolicyArn: policy.arn };
  }

  private buildPolicies(): void {
    const { id, alias, regions, team } = this.account;
    const artifacts = bucketName(alias, 'artifacts');
    this.addPolicy('cloudwatch-logs-write', [permissions.logsWrite(id, true), permissions.logsWrite(id, false)]);
    this.addPolicy('s3-artifacts-read', [permissions.artifactsRead(artifacts)]);
    this.addPolicy('kms-app-decrypt', [permissions.kmsDecrypt(id, regions[0] ?? 'us-east-1', `${this.rng.hex(8)}-${this.rng.hex(4)}-${this.rng.hex(4)}-${this.rng.hex(4)}-${this.rng.hex(12)}`)]);
    this.addPolicy('ci-deploy', this.rng.chance(0.5) ? [permissions.ciDeploy(id, artifacts)] : [permissions.artifactsRead(artifacts), permissions.ciDeploy(id, artifacts)]);
    this.addPolicy(`secrets-read-${team}`, [permissions.secretsRead(id, team)]);
    if (this.rng.chance(0.1)) this.addPolicy('legacy-full-access', [permissions.ciDeploy(id, artifacts), permissions.everything()], true);
  }

  private addRole(name: string, trustDoc: PolicyDocument, tags: Record<string, string | undefined>, withProfile: boolean, path = '/'): RoleBuild {
    const createMs = daysBeforeSnapshot(this.rng.days(30, 1200));
    const role: RoleBuild = {
      name,
      path,
      id: awsId.role(this.rng),
      arn: arn.role(this.account.id, name, path),
      createMs,
      trust: trustDoc,
      profile: withProfile ? { name, id: awsId.instanceProfile(this.rng), arn: arn.instanceProfile(this.account.id, name) } : null,
      inline: [],
      attached: [],
      tags,
      lastUsed: null,
    };
    this.roles.push(role);
    return role;
  }

  private usedRecently(role: RoleBuild, probability: number): void {
    if (this.rng.chance(probability)) role.lastUsed = { ms: daysBeforeSnapshot(this.rng.next() * 90), region: this.rng.pick(this.account.regions) };
  }

  private buildRoles(): void {
    const { id, alias, regions, team } = this.account;
    const region = regions[0] ?? 'us-east-1';
    const rng = this.rng;
    for (const service of this.services) {
      const role = this.addRole(`${service.name}-ec2`, trust.service('ec2.amazonaws.com'), { team: service.team, service: service.name, 'managed-by': 'terraform' }, true);
      role.attached.push(awsManaged(AWS_MANAGED.ssmCore), this.customerRef('cloudwatch-logs-write'));
      if (rng.chance(0.5)) role.attached.push(this.customerRef('s3-artifacts-read'));
      if (rng.chance(0.3)) role.attached.push(this.customerRef('kms-app-decrypt'));
      role.inline.push({ PolicyName: 'app-access', PolicyDocument: permissions.serviceApp(id, region, service.name, bucketName(alias, 'app-data')) });
      this.byService.set(service.name, role);
    }
    const lambdas = rng.sample(this.services, rng.int(1, 3));
    for (const service of lambdas) {
      const role = this.addRole(`${service.name}-lambda`, trust.service('lambda.amazonaws.com'), { team: service.team, service: service.name }, false, '/service-role/');
      role.attached.push(awsManaged(AWS_MANAGED.lambdaBasic));
      role.inline.push({ PolicyName: 'app-access', PolicyDocument: permissions.serviceApp(id, region, service.name, bucketName(alias, 'app-data')) });
      this.usedRecently(role, 0.8);
      this.functions.push({ service, roleArn: role.arn });
    }
    const deploy = this.addRole('github-actions-deploy', trust.githubOidc(id, this.org.company, `${team}-deploy`), { team, 'managed-by': 'terraform' }, false);
    deploy.attached.push(this.customerRef('ci-deploy'));
    this.usedRecently(deploy, 0.95);
    const audit = this.addRole('security-audit', trust.account(this.org.accounts[0]?.id ?? id, true), { team: 'platform' }, false);
    audit.attached.push(awsManaged(AWS_MANAGED.securityAudit), awsManaged(AWS_MANAGED.readOnly));
    this.usedRecently(audit, 0.9);
    for (const [name, service, policy] of [
      ['AWSServiceRoleForAutoScaling', 'autoscaling.amazonaws.com', AWS_MANAGED.autoScaling],
      ['AWSServiceRoleForElasticLoadBalancing', 'elasticloadbalancing.amazonaws.com', AWS_MANAGED.elb],
    ] as const) {
      const role = this.addRole(name, trust.service(service), {}, false, `/aws-service-role/${service}/`);
      role.attached.push(awsManaged(policy));
      this.usedRecently(role, 1);
    }
    if (rng.chance(0.5)) {
      const dd = this.addRole('datadog-integration', trust.thirdParty(rng.hex(32)), { team: 'platform', vendor: 'datadog' }, false);
      dd.attached.push(awsManaged(AWS_MANAGED.securityAudit));
      dd.inline.push({ PolicyName: 'datadog-read', PolicyDocument: permissions.integrationRead() });
      this.usedRecently(dd, 1);
    }
    // The over-privileged ones: an inline "*", an admin CI role, a role on a customer policy that grants everything.
    if (this.account.forcePlants || rng.chance(0.35)) {
      const legacy = this.addRole('legacy-automation', trust.account(id, false), { team }, false);
      legacy.inline.push({ PolicyName: 'full-access', PolicyDocument: permissions.everything() });
      this.usedRecently(legacy, 0.3);
    }
    if (rng.chance(0.25)) {
      const ci = this.addRole('ci-admin', trust.githubOidc(id, this.org.company, 'infrastructure'), { team: 'platform' }, false);
      ci.attached.push(awsManaged(AWS_MANAGED.admin));
      this.usedRecently(ci, 0.9);
    }
    // AWS Support access for incident handling (CIS 1.17); one account in three never set it up.
    if (this.account.index % 3 !== 2) {
      const support = this.addRole('aws-support', trust.account(id, true), { team: 'platform', 'managed-by': 'terraform' }, false);
      support.attached.push(awsManaged(AWS_MANAGED.support));
    }
    if (this.policies.has('legacy-full-access')) {
      const ops = this.addRole('ops-break-fix', trust.account(id, true), { team }, false);
      ops.attached.push(this.customerRef('legacy-full-access'));
      this.usedRecently(ops, 0.2);
    }
  }

  private isOverPrivileged(role: RoleBuild): boolean {
    if (role.attached.some((p) => p.PolicyArn === ADMIN_POLICY_ARN)) return true;
    if (role.inline.some((p) => p.PolicyDocument.Statement.some((s) => s.Effect === 'Allow' && s.Action === '*' && s.Resource === '*'))) return true;
    return role.attached.some((p) => [...this.policies.values()].some((c) => c.arn === p.PolicyArn && c.grantsEverything));
  }

  /** Users and groups, then the whole get-account-authorization-details document. */
  render(): IamResult {
    const rng = this.rng;
    const attachments = new Map<string, number>();
    const count = (refs: ManagedRef[]) => {
      for (const r of refs) attachments.set(r.PolicyArn, (attachments.get(r.PolicyArn) ?? 0) + 1);
      return refs;
    };

    const people = buildPeople(rng, this.account, this.customerRef(`secrets-read-${this.account.team}`), count);
    // People sign in through SSO and machine users' bootstrap keys were deleted: only planted users hold keys.
    const accessKeys = new Map<string, Record<string, unknown>[]>(people.users.map((u) => [u.UserName as string, []]));
    if (this.paths) {
      const identities = plantedIdentities(this.paths);
      for (const spec of identities.users) {
        const { name } = spec;
        people.users.push({
          Path: '/',
          UserName: name,
          UserId: awsId.user(rng),
          Arn: arn.user(this.account.id, name),
          CreateDate: awsTime(daysBeforeSnapshot(rng.days(200, 900))),
          UserPolicyList: spec.inline,
          GroupList: [],
          AttachedManagedPolicies: count(spec.attached),
          Tags: tagList(spec.tags),
        });
        accessKeys.set(name, identities.keys.filter((k) => k.user === name).map((k) => ({
          UserName: name, AccessKeyId: k.id, Status: 'Active', CreateDate: awsTime(daysBeforeSnapshot(rng.days(20, 80))),
        })));
      }
    }

    const roles = this.roles.map((role) => {
      count(role.attached);
      const base = {
        Path: role.path,
        RoleName: role.name,
        RoleId: role.id,
        Arn: role.arn,
        CreateDate: awsTime(role.createMs),
        AssumeRolePolicyDocument: role.trust,
      };
      return {
        ...base,
        InstanceProfileList: role.profile
          ? [{ Path: '/', InstanceProfileName: role.profile.name, InstanceProfileId: role.profile.id, Arn: role.profile.arn, CreateDate: awsTime(role.createMs), Roles: [base] }]
          : [],
        RolePolicyList: role.inline,
        AttachedManagedPolicies: role.attached,
        Tags: tagList(role.tags),
        RoleLastUsed: role.lastUsed ? { LastUsedDate: awsTime(role.lastUsed.ms), Region: role.lastUsed.region } : {},
      };
    });

    const policies = [...this.policies.values()].map((p) => {
      const last = p.versions.length;
      const span = daysBeforeSnapshot(1) - p.createMs;
      const versionMs = (i: number) => p.createMs + Math.round((span * i) / last);
      return {
        PolicyName: p.name,
        PolicyId: p.id,
        Arn: p.arn,
        Path: '/',
        DefaultVersionId: `v${last}`,
        AttachmentCount: attachments.get(p.arn) ?? 0,
        PermissionsBoundaryUsageCount: 0,
        IsAttachable: true,
        CreateDate: awsTime(p.createMs),
        UpdateDate: awsTime(versionMs(last - 1)),
        PolicyVersionList: p.versions
          .map((doc, i) => ({ Document: doc, VersionId: `v${i + 1}`, IsDefaultVersion: i === last - 1, CreateDate: awsTime(versionMs(i)) }))
          .reverse(),
      };
    });

    const rules: RulePlants = {};
    if (this.account.index % 3 === 2) plantRule(rules, 'aws.iam.no-support-role', arn.accountRoot(this.account.id));
    const allowsAll = (p: InlinePolicy) => p.PolicyDocument.Statement.some((s) => s.Effect === 'Allow' && s.Action === '*' && s.Resource === '*');
    plantRule(rules, 'aws.iam.inline-policy-full-admin', ...this.roles.filter((r) => r.inline.some(allowsAll)).map((r) => r.arn));
    // Machine users (terraform, backup-uploader, smtp-relay) hold their policies directly; people get theirs from groups.
    plantRule(rules, 'aws.iam.user-policies-not-via-groups',
      ...people.users.filter((u) => (u.AttachedManagedPolicies as unknown[]).length > 0 || (u.UserPolicyList as unknown[]).length > 0).map((u) => u.Arn as string));

    plantRule(rules, 'aws.iam.access-key-not-rotated-90-days',
      ...[...accessKeys].filter(([, keys]) => keys.some((k) => k.Status === 'Active')).map(([name]) => arn.user(this.account.id, name)));

    return {
      rules,
      accessKeys,
      document: { UserDetailList: people.users, GroupDetailList: people.groups, RoleDetailList: roles, Policies: policies },
      users: people.users.length,
      roles: roles.length,
      groups: people.groups.length,
      policies: policies.length,
      overPrivilegedRoles: this.roles.filter((r) => this.isOverPrivileged(r)).map((r) => r.arn),
      adminUsers: people.adminUsers,
    };
  }

}
