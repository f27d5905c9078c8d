import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedRecord } from '../../model/index.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { syncRun } from '../../pipeline/sync/run.js';
import { analyze } from '../../pipeline/analyze.js';
import { ruleFingerprint } from '../../findings/fingerprint.js';
import { secretDigest } from '../../sources/shared/secret-digest.js';
import { LAMBDA_SECRET_RULE } from '../../sources/aws/lambda.js';
import { rulesEngine } from '../rules/engine.js';
import { loadRulePacks } from '../rules/load.js';
import { iamEngine } from '../iam/engine.js';
import { labelsEngine } from '../labels/engine.js';
import { allow, arn, deny, role, trustAws, withCoverage } from '../iam/fixtures.js';
import { pathsEngine } from './engine.js';
import { ACC, asset, EC2, EC2_ROLE, ec2, edge, instance, K8S, k8s, publicSubnet, R, tcp, userWithKey } from './fixtures.js';
import type { PathEvidence } from './findings.js';

const FN = `arn:aws:lambda:${R}:${ACC}:function:deployer`;
const KEY = 'AKIAEXAMPLEKEY000001';

function estate(o: { ssrfFixed: boolean }): NormalizedRecord[] {
  return withCoverage([
    ...publicSubnet(),
    asset(EC2, ec2('security-group', 'sg-internal'), 'aws.ec2.security-group', { GroupId: 'sg-internal', IpPermissions: [tcp(443, '10.0.0.0/8')] }),
    // The SSRF chain and its decoys: IMDSv2 required, a group open only to a private range, a role denied the data.
    ...instance('i-ssrf', ['sg-web'], 'app-admin', o.ssrfFixed ? 'required' : 'optional'),
    ...instance('i-v2', ['sg-web'], 'app-admin', 'required'),
    ...instance('i-private-sg', ['sg-internal'], 'app-admin', 'optional'),
    ...instance('i-denied', ['sg-web'], 'denied', 'optional'),
    ...instance('i-vuln', ['sg-web'], 'reader', 'required'),
    ...role('app-admin', { trust: EC2_ROLE, policies: [allow('*')], instanceProfile: true }),
    ...role('reader', { trust: EC2_ROLE, policies: [allow('s3:GetObject', 'arn:aws:s3:::customer-data/*')], instanceProfile: true }),
    ...role('denied', { trust: EC2_ROLE, policies: [allow('s3:GetObject', '*'), deny('s3:*', ['arn:aws:s3:::customer-data', 'arn:aws:s3:::customer-data/*'])], instanceProfile: true }),
    ...role('vendor', { trust: [trustAws('arn:aws:iam::999999999999:root')], policies: [allow(['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::customer-data', 'arn:aws:s3:::customer-data/*'])] }),
    ...role('ops', { trust: [trustAws(`arn:aws:iam::${ACC}:root`)], policies: [allow('*')] }),
    ...userWithKey('dev', 'AKIAEXAMPLEKEY000002', [allow('sts:AssumeRole', arn('role/ops'))]),
    ...userWithKey('intern', 'AKIAEXAMPLEKEY000003', [allow('lambda:GetFunction', FN)]),
    ...userWithKey('ci', KEY, [allow('*')]),
    asset(`aws:${ACC}:global:s3`, 'arn:aws:s3:::customer-data', 'aws.s3.bucket', { Name: 'customer-data' }, { 'Data-Classification': 'Confidential' }),
    asset(`aws:${ACC}:global:s3`, 'arn:aws:s3:::exports', 'aws.s3.bucket', { Name: 'exports', Policy: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::exports/*' }] } }, { classification: 'pii' }),
    asset(`aws:${ACC}:${R}:lambda`, FN, 'aws.lambda.function', { FunctionName: 'deployer', Environment: { VariableNames: ['AWS_ACCESS_KEY_ID'] } }),
    // The finding the Lambda source raises for the key in its environment (src/sources/aws/lambda.ts).
    { type: 'finding', scope: `aws:${ACC}:${R}:lambda`, finding: {
      fingerprint: ruleFingerprint('secret', LAMBDA_SECRET_RULE, FN, `env:AWS_ACCESS_KEY_ID#secret:${secretDigest(KEY)}`), kind: 'secret', ruleId: LAMBDA_SECRET_RULE,
      title: 'AWS access key id in environment variable AWS_ACCESS_KEY_ID of Lambda function deployer', severity: 'high', assetUid: FN,
      evidence: { function: FN, variable: 'AWS_ACCESS_KEY_ID', detector: 'aws-access-key-id', redacted: 'AKIA…(20 chars)' } } },
    // Kubernetes: a LoadBalancer service selecting a privileged pod whose service account is bound to cluster-admin.
    asset(K8S, k8s('shop', 'service', 'web'), 'k8s.service', { spec: { type: 'LoadBalancer', selector: { app: 'web' } } }, {}, 'k8s'),
    asset(K8S, k8s('shop', 'service', 'internal'), 'k8s.service', { spec: { type: 'ClusterIP', selector: { app: 'api' } } }, {}, 'k8s'),
    asset(K8S, k8s('shop', 'pod', 'web-1'), 'k8s.pod', { spec: { containers: [{ name: 'app', securityContext: { privileged: true } }] } }, {}, 'k8s'),
    asset(K8S, k8s('shop', 'pod', 'api-1'), 'k8s.pod', { spec: { containers: [{ name: 'api', securityContext: { privileged: true } }] } }, {}, 'k8s'),
    asset(K8S, k8s('shop', 'serviceaccount', 'web'), 'k8s.serviceaccount', {}, {}, 'k8s'),
    edge(K8S, k8s('shop', 'service', 'web'), 'selects', k8s('shop', 'pod', 'web-1')),
    edge(K8S, k8s('shop', 'service', 'internal'), 'selects', k8s('shop', 'pod', 'api-1')),
    edge(K8S, k8s('shop', 'pod', 'web-1'), 'uses_service_account', k8s('shop', 'serviceaccount', 'web')),
    edge(K8S, k8s(null, 'clusterrolebinding', 'web-admin'), 'binds_role', k8s(null, 'clusterrole', 'cluster-admin')),
    edge(K8S, k8s(null, 'clusterrolebinding', 'web-admin'), 'grants_to', k8s('shop', 'serviceaccount', 'web')),
  ]);
}

/** A KEV vulnerability on i-vuln, as a scanner reports it. */
const scanner: NormalizedRecord[] = [
  { type: 'coverage', scope: 'scan:fixture', coverage: 'complete' },
  { type: 'finding', scope: 'scan:fixture', finding: { fingerprint: 'vuln-i-vuln', kind: 'vuln', advisoryId: 'CVE-2024-0001', title: 'CVE-2024-0001 in httpd',
    severity: 'critical', assetUid: ec2('instance', 'i-vuln'), properties: { cvss: { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' } } } },
  { type: 'finding', scope: 'scan:fixture', finding: { fingerprint: 'vuln-local', kind: 'vuln', advisoryId: 'CVE-2024-0002', title: 'CVE-2024-0002 local',
    severity: 'high', assetUid: ec2('instance', 'i-v2'), properties: { cvss: { vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H' } } } },
];

const ENGINES = [rulesEngine(loadRulePacks().filter((r) => r.id === 'aws.s3.bucket-public')), iamEngine(), labelsEngine(), pathsEngine()];

interface PathRow { id: number; rule_id: string; asset_uid: string; severity: string; status: string; evidence: PathEvidence }
let t: TestDb;
const ANY_ID: unknown = expect.any(Number);
const CONTAINS_443: unknown = expect.stringContaining('tcp/443');
const CONTAINS_CVE: unknown = expect.stringContaining('CVE-2024-0001');

async function paths(status = 'open'): Promise<PathRow[]> {
  return t.db.query<PathRow>(`select id::int as id, rule_id, asset_uid, severity, status, evidence from findings where kind = 'path' and status = $1 order by rule_id, asset_uid, evidence->>'target'`, [status]);
}
const hops = (p: PathRow) => p.evidence.nodes.map((n) => (n.uid === 'internet' ? 'internet' : n.uid.split(/[/:]/).pop()));
const find = (all: PathRow[], rule: string, asset: string, target: string) =>
  all.filter((p) => p.rule_id === rule && p.asset_uid.endsWith(asset) && p.evidence.target.endsWith(target));

beforeAll(async () => {
  t = await createTestDb();
  await t.db.query(`insert into kev (cve_id, known_ransomware) values ('CVE-2024-0001', false), ('CVE-2024-0002', false)`);
  await syncRun(t.db, estate({ ssrfFixed: false }), { source: 'aws-dump' });
  await syncRun(t.db, scanner, { source: 'scanner' });
  await analyze(t.db, { engines: ENGINES });
}, 180_000);
afterAll(async () => { await t.drop(); });

describe('attack paths', () => {
  it('SSRF to IMDSv1 credentials of an admin role, hop by hop', async () => {
    const [p] = find(await paths(), 'path.ssrf-imds-credentials', 'i-ssrf', 'role/app-admin');
    expect(p).toBeDefined();
    expect(hops(p!)).toEqual(['internet', 'sg-web', 'i-ssrf', 'app-admin']);
    expect(p!.evidence.edges.map((e) => e.kind)).toEqual(['exposes', 'forwards', 'imds']);
    expect(p!.evidence.edges[0]!.evidence).toMatchObject({ label: 'isPublic', text: CONTAINS_443 });
    expect(p!.evidence.edges[2]!.evidence.text).toMatch(/IMDSv1.*HttpTokens optional/);
    expect(p!.evidence).toMatchObject({ technique: 'ssrf-imds-credentials', entry: 'internet', target: arn('role/app-admin'), target_kinds: ['admin'] });
    expect(p!.evidence.target_reasons[0]).toMatchObject({ rule_id: 'iam.admin-equivalent', finding_id: ANY_ID });
    expect(p!.severity).toBe('critical');
  });

  it('decoys make no path: IMDSv2 required, a group open to a private range only, a role denied the data', async () => {
    const anchors = (await paths()).map((p) => p.asset_uid);
    for (const id of ['i-v2', 'i-private-sg', 'i-denied']) expect(anchors.filter((a) => a.endsWith(id)), id).toEqual([]);
  });

  it('an exposed workload with a KEV vulnerability reaches sensitive data through its role', async () => {
    const [p] = find(await paths(), 'path.exposed-vulnerable-workload', 'i-vuln', 'customer-data');
    expect(hops(p!)).toEqual(['internet', 'sg-web', 'i-vuln', 'reader', 'customer-data']);
    expect(p!.evidence.edges.map((e) => e.kind)).toEqual(['exposes', 'forwards', 'exploit', 'read_data']);
    expect(p!.evidence.edges[2]!.evidence).toMatchObject({ finding_id: ANY_ID, text: CONTAINS_CVE });
    expect(p!.evidence.edges[3]!.evidence).toMatchObject({ permission: 's3:GetObject' });
    expect(p!.evidence.target_kinds).toEqual(['sensitive-data']);
  });

  it('a publicly readable sensitive bucket', async () => {
    const [p] = find(await paths(), 'path.public-sensitive-data', 'exports', 'exports');
    expect(hops(p!)).toEqual(['internet', 'exports']);
    expect(p!.evidence.edges[0]).toMatchObject({ kind: 'public_read', evidence: { rule_id: 'aws.s3.bucket-public', finding_id: ANY_ID } });
  });

  it('a role assumable from outside the organization reaching sensitive data', async () => {
    const [p] = find(await paths(), 'path.external-trust', 'role/vendor', 'customer-data');
    expect(hops(p!)).toEqual(['root', 'vendor', 'customer-data']);
    expect(p!.evidence.nodes[0]).toMatchObject({ uid: 'arn:aws:iam::999999999999:root', kind: 'external' });
    expect(p!.evidence.edges[0]!.evidence).toMatchObject({ rule_id: 'iam.external-trust' });
    expect(p!.severity).toBe('critical');
  });

  it('an identity chain: user with keys assumes an admin role', async () => {
    const [p] = find(await paths(), 'path.identity-chain', 'user/dev', 'role/ops');
    expect(hops(p!)).toEqual(['dev', 'ops']);
    // A stronger role: the IAM analyzer's AssumeRole escalation method, with its evaluated step.
    expect(p!.evidence.edges[0]).toMatchObject({ kind: 'escalate', evidence: { permission: 'sts:AssumeRole', rule_id: 'iam.privilege-escalation' } });
    expect(p!.severity).toBe('high');
  });

  it('lateral: a key in a Lambda environment, readable with lambda:GetFunction, continues as its user', async () => {
    const [p] = find(await paths(), 'path.exposed-credentials', 'user/intern', 'user/ci');
    expect(hops(p!)).toEqual(['intern', 'deployer', 'ci']);
    expect(p!.evidence.edges.map((e) => [e.kind, e.evidence.permission ?? e.evidence.rule_id])).toEqual([['read_config', 'lambda:GetFunction'], ['exposes_credentials', LAMBDA_SECRET_RULE]]);
  });

  it('Kubernetes: an exposed service to a privileged pod and its cluster-admin service account; an internal service to none', async () => {
    const k = (await paths()).filter((p) => p.rule_id === 'path.k8s-exposed-privileged');
    expect(k.map(hops).sort()).toEqual([['internet', 'web', 'web-1'], ['internet', 'web', 'web-1', 'web']]);
  });

  it('exactly these paths, one per anchor, target and technique', async () => {
    const all = (await paths()).map((p) => `${p.rule_id} ${hops(p).join('>')}`);
    expect(all.sort()).toEqual([
      'path.exposed-credentials intern>deployer>ci',
      'path.exposed-vulnerable-workload internet>sg-web>i-vuln>reader>customer-data',
      'path.external-trust root>vendor>customer-data',
      'path.identity-chain dev>ops',
      'path.k8s-exposed-privileged internet>web>web-1',
      'path.k8s-exposed-privileged internet>web>web-1>web',
      'path.public-sensitive-data internet>exports',
      'path.ssrf-imds-credentials internet>sg-web>i-ssrf>app-admin',
    ]);
  });

  it('fixing a hop (IMDSv2 on i-ssrf) resolves that path on the next analyze, and only that one', async () => {
    const before = await paths();
    await syncRun(t.db, estate({ ssrfFixed: true }), { source: 'aws-dump' });
    await analyze(t.db, { engines: ENGINES });
    const resolved = await paths('resolved');
    expect(resolved.map((p) => p.rule_id)).toEqual(['path.ssrf-imds-credentials']);
    expect((await paths()).length).toBe(before.length - 1);
  });
});
