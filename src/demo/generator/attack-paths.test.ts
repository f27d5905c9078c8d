import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrganization } from './index.js';
import type { GeneratedOrg, PlantedPath } from './index.js';
import { readAccounts } from './read-back.js';
import type { AccountJson, PolicyDoc } from './read-back.js';

/** The planted paths' hops are in the files with the properties that make them (or their decoys) what they are. */

let tmp: string;
let org: GeneratedOrg;
let accounts: AccountJson[];
type K8sItem = { kind: string; metadata: { name: string; namespace?: string; annotations?: Record<string, string> }; spec?: Record<string, unknown>; subjects?: unknown[] };
let k8s: K8sItem[];

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'mothership-paths-'));
  org = await generateOrganization({ outDir: tmp, scale: 0.5, seed: 5 });
  accounts = await readAccounts(tmp);
  const cluster = org.k8s[0];
  k8s = cluster ? (JSON.parse(await readFile(join(tmp, cluster.file), 'utf8')) as { items: K8sItem[] }).items : [];
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const byTechnique = (list: PlantedPath[], technique: string) => list.filter((p) => p.technique === technique);
const instanceOf = (uid: string) => {
  const [, , , region, account, rest] = uid.split(':');
  const a = accounts.find((x) => x.id === account);
  const r = a?.regions.find((x) => x.name === region);
  return { account: a, region: r, instance: r?.instances.find((i) => `instance/${i.InstanceId}` === rest) };
};
const roleOf = (uid: string) => accounts.flatMap((a) => a.iam.RoleDetailList).find((r) => r.Arn === uid);
const k8sItem = (uid: string) => {
  const [, path] = uid.split(':');
  const [, ns, kind, name] = (path ?? '').split('/');
  return k8s.find((i) => i.kind.toLowerCase() === kind && i.metadata.name === name && (ns === '_cluster' || i.metadata.namespace === ns));
};

describe('planted attack paths', () => {
  it('writes each path from its entry to its target, and one decoy per condition', () => {
    for (const p of [...org.planted.paths, ...org.decoys.paths]) {
      expect(p.nodes[0]).toBe(p.entry);
      expect(p.nodes[p.nodes.length - 1]).toBe(p.target);
      expect(new Set(p.nodes).size).toBe(p.nodes.length);
    }
    expect(byTechnique(org.decoys.paths, 'path.ssrf-imds-credentials').length).toBeGreaterThanOrEqual(4);
  });

  it('exposes the SSRF instances with IMDSv1 and a world-open web port; the decoys miss exactly one condition', () => {
    for (const p of byTechnique(org.planted.paths, 'path.ssrf-imds-credentials')) {
      const { instance, region } = instanceOf(p.nodes[2] as string);
      expect(instance?.MetadataOptions.HttpTokens).toBe('optional');
      expect(instance?.PublicIpAddress).toBeDefined();
      const group = region?.groups.find((g) => g.SecurityGroupArn === p.nodes[1]);
      expect(group?.IpPermissions.some((x) => x.FromPort === 80 && x.IpRanges.some((r) => r.CidrIp === '0.0.0.0/0'))).toBe(true);
      expect(roleOf(p.nodes[3] as string)?.InstanceProfileList.some((ip) => ip.Arn === instance?.IamInstanceProfile?.Arn)).toBe(true);
    }
    const decoys = byTechnique(org.decoys.paths, 'path.ssrf-imds-credentials').map((d) => ({ d, ...instanceOf(d.nodes[2] as string) }));
    const missing = decoys.map(({ d, instance, region }) => {
      const group = region?.groups.find((g) => g.SecurityGroupArn === d.nodes[1]);
      const world = group?.IpPermissions.some((x) => x.IpRanges.some((r) => r.CidrIp === '0.0.0.0/0')) ?? false;
      const role = roleOf(d.nodes[3] as string);
      const denied = role?.RolePolicyList.some((x) => x.PolicyDocument.Statement.some((s) => s.Effect === 'Deny')) ?? false;
      return [instance?.MetadataOptions.HttpTokens === 'required' && 'imdsv2', instance?.PublicIpAddress === undefined && 'no-public-ip', !world && 'private-cidr', denied && 'explicit-deny']
        .filter(Boolean).join(',');
    });
    expect(new Set(missing)).toEqual(new Set(['imdsv2', 'no-public-ip', 'private-cidr', 'explicit-deny']));
  });

  it('trusts foreign accounts without an ExternalId, and leaks an access key of the user the path continues as', async () => {
    const members = new Set(org.accounts);
    for (const p of [...byTechnique(org.planted.paths, 'path.external-trust'), ...byTechnique(org.decoys.paths, 'path.external-trust')]) {
      const foreign = (p.entry.split(':')[4]) as string;
      expect(members.has(foreign)).toBe(false);
      const trust = JSON.stringify((roleOf(p.nodes[1] as string) as unknown as { AssumeRolePolicyDocument: PolicyDoc }).AssumeRolePolicyDocument);
      expect(trust).toContain(`arn:aws:iam::${foreign}:root`);
      expect(trust).not.toContain('ExternalId');
    }
    const [leak] = byTechnique(org.planted.paths, 'path.exposed-credentials');
    const [, , , region, account, , fnName] = (leak?.nodes[1] ?? '').split(':');
    const fns = JSON.parse(await readFile(join(tmp, 'aws', account ?? '', region ?? '', 'lambda-list-functions.json'), 'utf8')) as { Functions: { FunctionName: string; Environment: { Variables: Record<string, string> } }[] };
    const env = fns.Functions.find((f) => f.FunctionName === fnName)?.Environment.Variables ?? {};
    const owner = (leak?.nodes[2] ?? '').split('/').pop() ?? '';
    const keys = JSON.parse(await readFile(join(tmp, 'aws', account ?? '', 'global', 'iam-list-access-keys', `${owner}.json`), 'utf8')) as { AccessKeyMetadata: { AccessKeyId: string; Status: string }[] };
    expect(keys.AccessKeyMetadata.map((k) => k.AccessKeyId)).toContain(env.AWS_ACCESS_KEY_ID);
    expect(env.AWS_SECRET_ACCESS_KEY).toMatch(/^[A-Za-z0-9]{40}$/);
  });

  it('exposes the planted pods through LoadBalancer services and keeps the decoys inside the cluster', () => {
    const serviceType = (p: PlantedPath) => (k8sItem(p.nodes[1] as string)?.spec as { type?: string } | undefined)?.type;
    for (const p of org.planted.paths.filter((x) => x.nodes[1]?.startsWith('k8s:'))) expect(serviceType(p), p.nodes[1]).toBe('LoadBalancer');
    for (const d of org.decoys.paths.filter((x) => x.nodes[1]?.startsWith('k8s:'))) expect(serviceType(d), d.nodes[1]).toBe('ClusterIP');
    const privileged = (uid: string) => JSON.stringify(k8sItem(uid)?.spec).includes('"privileged":true');
    const k8sPaths = byTechnique(org.planted.paths, 'path.k8s-exposed-privileged');
    expect(k8sPaths.filter((p) => privileged(p.nodes[2] as string))).toHaveLength(1);
    const admin = k8sPaths.find((p) => p.nodes.length === 4);
    const binding = k8s.find((i) => i.kind === 'ClusterRoleBinding');
    expect(JSON.stringify(binding)).toContain(`"name":"${admin?.nodes[3]?.split('/').pop()}"`);
    const [vulnerable] = byTechnique(org.planted.paths, 'path.exposed-vulnerable-workload');
    expect(k8sItem(vulnerable?.nodes[3] as string)?.metadata.annotations?.['eks.amazonaws.com/role-arn']).toBe(vulnerable?.nodes[4]);
    expect(org.planted.log4shellImages.length).toBeGreaterThan(0);
  });

  it('writes the catalogue and the KEV catalog the demo imports', async () => {
    const catalog = await readFile(join(tmp, org.catalogDir, 'catalog-info.yaml'), 'utf8');
    expect(catalog.split('\n---\n')).toHaveLength(org.teams.length + org.trivyReports.filter((r) => r.service).length);
    expect(catalog).toMatch(/^apiVersion: "backstage\.io\/v1alpha1"\nkind: "Group"/);
    const owners = await readFile(join(tmp, org.catalogDir, 'owners.yaml'), 'utf8');
    for (const id of org.accounts) expect(owners).toContain(`account: "${id}"`);
    expect(owners).toMatch(/^default: "platform"$/m);
    const kev = JSON.parse(await readFile(join(tmp, org.intel.kevFile), 'utf8')) as { count: number; vulnerabilities: { cveID: string }[] };
    expect(kev.vulnerabilities.map((v) => v.cveID)).toContain('CVE-2021-44228');
    expect(kev.count).toBe(kev.vulnerabilities.length);
  });
});
