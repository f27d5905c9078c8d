import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrganization } from './index.js';
import type { GeneratedOrg } from './index.js';
import { readAccounts, readReports } from './read-back.js';
import type { AccountJson, InstanceJson, PolicyDoc, SecurityGroupJson, TrivyJson } from './read-back.js';

/** Every planted list is recomputed from the files with the definitions the manifest documents. */

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const RISKY = [22, 3389, 5432, 9200];
const WORLD = '0.0.0.0/0';

let tmp: string;
let org: GeneratedOrg;
let accounts: AccountJson[];
let reports: Map<string, TrivyJson>;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'mothership-planted-'));
  org = await generateOrganization({ outDir: tmp, scale: 1, seed: 11 });
  accounts = await readAccounts(tmp);
  reports = await readReports(tmp);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const instanceArn = (region: string, account: string, id: string) => `arn:aws:ec2:${region}:${account}:instance/${id}`;
const bucketArn = (name: string) => `arn:aws:s3:::${name}`;
const sorted = <T>(items: T[]) => [...items].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
const list = (v: string | string[]) => (Array.isArray(v) ? v : [v]);
const allowsEverything = (doc: PolicyDoc) => doc.Statement.some((s) => s.Effect === 'Allow' && list(s.Action).includes('*') && list(s.Resource).includes('*'));

function everyInstance(): { arn: string; account: AccountJson; region: string; instance: InstanceJson; groups: SecurityGroupJson[] }[] {
  return accounts.flatMap((account) =>
    account.regions.flatMap((r) =>
      r.instances.map((instance) => ({
        arn: instanceArn(r.name, account.id, instance.InstanceId),
        account,
        region: r.name,
        instance,
        groups: instance.SecurityGroups.map((g) => r.groups.find((x) => x.GroupId === g.GroupId) as SecurityGroupJson),
      })),
    ),
  );
}

function overPrivilegedRoles(account: AccountJson): string[] {
  const everything = new Set(account.iam.Policies.filter((p) => allowsEverything(p.PolicyVersionList.find((v) => v.VersionId === p.DefaultVersionId)?.Document ?? { Statement: [] })).map((p) => p.Arn));
  return account.iam.RoleDetailList.filter(
    (r) => r.AttachedManagedPolicies.some((p) => p.PolicyArn === ADMIN || everything.has(p.PolicyArn)) || r.RolePolicyList.some((p) => allowsEverything(p.PolicyDocument)),
  ).map((r) => r.Arn);
}

const worldOpen = (g: SecurityGroupJson) => g.IpPermissions.some((p) => p.IpRanges.some((r) => r.CidrIp === WORLD));

function roleOfInstance(account: AccountJson, instance: InstanceJson): string | null {
  const profile = instance.IamInstanceProfile?.Arn;
  return account.iam.RoleDetailList.find((r) => r.InstanceProfileList.some((p) => p.Arn === profile))?.Arn ?? null;
}

describe('planted problems are in the files', () => {
  it('plants one of each required kind', () => {
    const p = org.planted;
    for (const [name, items] of Object.entries({
      publicBuckets: p.publicBuckets,
      openSecurityGroups: p.openSecurityGroups,
      imdsV1Instances: p.imdsV1Instances,
      overPrivilegedRoles: p.overPrivilegedRoles,
      attackChains: p.attackChains,
      attackChainDecoys: p.attackChainDecoys,
      publicBucketDecoys: p.publicBucketDecoys,
      webSecurityGroups: p.webSecurityGroups,
      privateOnlySecurityGroups: p.privateOnlySecurityGroups,
      log4shellImages: p.log4shellImages,
      widespreadCves: p.widespreadCves,
    })) {
      expect(items.length, name).toBeGreaterThan(0);
    }
  });

  it('lists exactly the instances with IMDSv1, about a tenth of them', () => {
    const all = everyInstance();
    const v1 = all.filter((i) => i.instance.MetadataOptions.HttpTokens === 'optional').map((i) => i.arn);
    expect(sorted(org.planted.imdsV1Instances)).toEqual(sorted(v1));
    expect(v1.length / all.length).toBeGreaterThan(0.04);
    expect(v1.length / all.length).toBeLessThan(0.2);
  });

  it('lists exactly the risky ports open to the world, a few percent of groups', () => {
    const groups = accounts.flatMap((a) => a.regions.flatMap((r) => r.groups));
    const open = groups.flatMap((g) =>
      g.IpPermissions.filter((p) => p.IpRanges.some((r) => r.CidrIp === WORLD)).flatMap((p) =>
        p.IpProtocol === '-1' ? [{ arn: g.SecurityGroupArn, port: -1, cidr: WORLD }] : RISKY.filter((port) => port >= (p.FromPort ?? 0) && port <= (p.ToPort ?? 65535)).map((port) => ({ arn: g.SecurityGroupArn, port, cidr: WORLD })),
      ),
    );
    expect(sorted(org.planted.openSecurityGroups)).toEqual(sorted(open));
    expect(new Set(open.map((o) => o.arn)).size / groups.length).toBeLessThan(0.1);
    for (const web of org.planted.webSecurityGroups) {
      const group = groups.find((g) => g.SecurityGroupArn === web.arn);
      expect(group?.IpPermissions.some((p) => p.FromPort === web.port && p.IpRanges.some((r) => r.CidrIp === WORLD))).toBe(true);
      expect([80, 443]).toContain(web.port);
    }
    for (const arn of org.planted.privateOnlySecurityGroups) {
      const group = groups.find((g) => g.SecurityGroupArn === arn) as SecurityGroupJson;
      const cidrs = group.IpPermissions.flatMap((p) => p.IpRanges.map((r) => r.CidrIp));
      expect(cidrs.length).toBeGreaterThan(0);
      expect(cidrs.every((c) => /^(10\.|172\.(1[6-9]|2\d|3[01])\.|192\.168\.)/.test(c))).toBe(true);
    }
  });

  it('lists exactly the public buckets and the decoys Block Public Access neutralizes', () => {
    const pub: string[] = [];
    const decoys: string[] = [];
    let total = 0;
    for (const account of accounts) {
      const accountRestricts = account.accountPublicAccessBlock.PublicAccessBlockConfiguration?.RestrictPublicBuckets === true;
      for (const bucket of account.buckets) {
        total++;
        if (!bucket.policy?.Policy) continue;
        const doc = JSON.parse(bucket.policy.Policy) as PolicyDoc;
        const starAllows = doc.Statement.filter((s) => s.Effect === 'Allow' && (s.Principal === '*' || (s.Principal as { AWS?: string } | undefined)?.AWS === '*'));
        if (starAllows.length === 0) continue;
        const restricted = accountRestricts || bucket.publicAccessBlock.PublicAccessBlockConfiguration?.RestrictPublicBuckets === true;
        if (starAllows.some((s) => !s.Condition) && !restricted) pub.push(bucketArn(bucket.name));
        else decoys.push(bucketArn(bucket.name));
      }
    }
    expect(sorted(org.planted.publicBuckets)).toEqual(sorted(pub));
    expect(sorted(org.planted.publicBucketDecoys)).toEqual(sorted(decoys));
    expect(pub.length / total).toBeLessThan(0.12);
  });

  it('lists exactly the over-privileged roles and admin users', () => {
    expect(sorted(org.planted.overPrivilegedRoles)).toEqual(sorted(accounts.flatMap(overPrivilegedRoles)));
    const admins = accounts.flatMap((a) => {
      const adminGroups = new Set(a.iam.GroupDetailList.filter((g) => g.AttachedManagedPolicies.some((p) => p.PolicyArn === ADMIN)).map((g) => g.GroupName));
      return a.iam.UserDetailList.filter((u) => u.AttachedManagedPolicies.some((p) => p.PolicyArn === ADMIN) || u.GroupList.some((g) => adminGroups.has(g))).map((u) => u.Arn);
    });
    expect(sorted(org.planted.adminUsers)).toEqual(sorted(admins));
  });

  it('plants attack chains exactly where internet exposure, IMDSv1 and an admin role meet', () => {
    const chains = everyInstance().filter(({ account, instance, groups }) => {
      const role = roleOfInstance(account, instance);
      return instance.PublicIpAddress !== undefined && groups.some(worldOpen) && instance.MetadataOptions.HttpTokens === 'optional' && role !== null && overPrivilegedRoles(account).includes(role);
    });
    expect(sorted(org.planted.attackChains.map((c) => c.instance))).toEqual(sorted(chains.map((c) => c.arn)));
    for (const chain of org.planted.attackChains) {
      const found = chains.find((c) => c.arn === chain.instance);
      expect(found && roleOfInstance(found.account, found.instance)).toBe(chain.role);
      expect(found?.groups.some((g) => g.SecurityGroupArn === chain.securityGroup && worldOpen(g))).toBe(true);
    }
  });

  it('plants decoys that miss exactly the condition they name', () => {
    const all = everyInstance();
    for (const decoy of org.planted.attackChainDecoys) {
      const found = all.find((i) => i.arn === decoy.instance);
      expect(found).toBeDefined();
      if (!found) continue;
      const role = roleOfInstance(found.account, found.instance);
      expect(role !== null && overPrivilegedRoles(found.account).includes(role)).toBe(true);
      expect(found.groups.some(worldOpen)).toBe(true);
      expect(found.instance.MetadataOptions.HttpTokens === 'optional').toBe(decoy.missing !== 'imdsv1');
      expect(found.instance.PublicIpAddress !== undefined).toBe(decoy.missing !== 'public-ip');
    }
  });

  it('lists exactly the instances and buckets without a team tag, a few of them', () => {
    const instances = everyInstance().filter((i) => !(i.instance.Tags ?? []).some((t) => t.Key === 'team')).map((i) => i.arn);
    const buckets = accounts.flatMap((a) => a.buckets).filter((b) => !(b.tagging.TagSet ?? []).some((t) => t.Key === 'team')).map((b) => bucketArn(b.name));
    expect(sorted(org.planted.untaggedResources)).toEqual(sorted([...instances, ...buckets]));
    expect(instances.length / everyInstance().length).toBeLessThan(0.1);
  });

  it('tags most resources of an account with the account team', () => {
    for (const account of accounts) {
      const team = account.meta.Alias.split('-')[1] ?? '';
      const tags = account.regions.flatMap((r) => r.instances).map((i) => (i.Tags ?? []).find((t) => t.Key === 'team')?.Value);
      expect(tags.filter((t) => t !== undefined && account.meta.Alias.includes(`-${t}-`)).length / tags.length, team).toBeGreaterThan(0.5);
    }
  });

  it('lists the images shipping Log4Shell and the CVEs found in a quarter of images', () => {
    const byImage = [...reports.values()].map((r) => ({ image: r.ArtifactName, cves: new Set(r.Results.flatMap((x) => (x.Vulnerabilities ?? []).map((v) => v.VulnerabilityID))) }));
    expect(sorted(org.planted.log4shellImages)).toEqual(sorted(byImage.filter((i) => i.cves.has('CVE-2021-44228')).map((i) => i.image)));
    const counts = new Map<string, number>();
    for (const i of byImage) for (const cve of i.cves) counts.set(cve, (counts.get(cve) ?? 0) + 1);
    expect(org.planted.widespreadCves).toEqual([...counts].filter(([, n]) => n >= byImage.length / 4).map(([c]) => c).sort());
  });
});
