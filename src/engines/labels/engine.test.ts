import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedRecord } from '../../model/index.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { syncRun } from '../../pipeline/sync/run.js';
import { analyze, orderEngines } from '../../pipeline/analyze.js';
import { rulesEngine } from '../rules/engine.js';
import { loadRulePacks } from '../rules/load.js';
import type { Engine } from '../engine.js';
import { labelsEngine } from './engine.js';

const ACC = '111111111111';
const R = 'us-east-1';
const SCOPE = `aws:${ACC}:${R}:fixture`;
const ec2 = (type: string, id: string) => `arn:aws:ec2:${R}:${ACC}:${type}/${id}`;
const lbArn = (name: string) => `arn:aws:elasticloadbalancing:${R}:${ACC}:loadbalancer/${name}`;
const tgArn = (name: string) => `arn:aws:elasticloadbalancing:${R}:${ACC}:targetgroup/${name}/1`;
const rdsArn = (id: string) => `arn:aws:rds:${R}:${ACC}:db:${id}`;
const IMAGE = 'registry.example/app@sha256:aaaa';
const IMAGE2 = 'registry.example/api@sha256:bbbb';
const POD = 'k8s:prod/shop/pod/web-1';

function asset(uid: string, kind: string, properties: Record<string, unknown>, tags: Record<string, string> = {}): NormalizedRecord {
  return { type: 'asset', scope: SCOPE, asset: { uid, kind, name: uid.split('/').pop() ?? uid, provider: 'aws', account: ACC, region: R, properties, tags } };
}
const edge = (from: string, kind: string, to: string, properties: Record<string, unknown> = {}): NormalizedRecord =>
  ({ type: 'relationship', scope: SCOPE, relationship: { from, kind, to, properties } });
const tcp = (port: number, cidr = '0.0.0.0/0') => ({ IpProtocol: 'tcp', FromPort: port, ToPort: port, IpRanges: [{ CidrIp: cidr }] });
const sg = (id: string, perms: unknown[]) => asset(ec2('security-group', id), 'aws.ec2.security-group', { GroupId: id, IpPermissions: perms });
function instance(id: string, p: { ip?: string; subnet: string; groups: string[]; state?: string; eni?: unknown[] }): NormalizedRecord[] {
  const uid = ec2('instance', id);
  return [
    asset(uid, 'aws.ec2.instance', { InstanceId: id, State: { Name: p.state ?? 'running' }, SubnetId: p.subnet, VpcId: 'vpc-1',
      ...(p.ip ? { PublicIpAddress: p.ip } : {}), NetworkInterfaces: p.eni ?? [] }),
    ...p.groups.map((g) => edge(uid, 'in_security_group', ec2('security-group', g))),
  ];
}
function loadBalancer(name: string, scheme: string, groups: string[], listeners: unknown[], targets: [string, Record<string, unknown>][]): NormalizedRecord[] {
  const uid = lbArn(name);
  return [
    asset(uid, 'aws.elbv2.load-balancer', { LoadBalancerName: name, Scheme: scheme, Type: 'application', Listeners: listeners }),
    ...groups.map((g) => edge(uid, 'in_security_group', ec2('security-group', g))),
    ...targets.map(([to, props]) => edge(uid, 'targets', to, props)),
  ];
}
function database(id: string, p: { publicly: boolean; port: number; groups: string[]; subnet: string; encrypted: boolean }): NormalizedRecord[] {
  return [
    asset(rdsArn(id), 'aws.rds.db-instance', { DBInstanceIdentifier: id, PubliclyAccessible: p.publicly, StorageEncrypted: p.encrypted,
      Endpoint: { Address: `${id}.rds.amazonaws.com`, Port: p.port }, DBSubnetGroup: { VpcId: 'vpc-1', Subnets: [{ SubnetIdentifier: p.subnet }] } }),
    ...p.groups.map((g) => edge(rdsArn(id), 'in_security_group', ec2('security-group', g))),
  ];
}

/** The estate; `fixed` closes what the first version leaves open. */
function estate(fixed: boolean): NormalizedRecord[] {
  return [
    { type: 'coverage', scope: SCOPE, coverage: 'complete' },
    // Routing: subnet-pub routes 0.0.0.0/0 to an internet gateway; subnet-priv uses the main table, which does not.
    asset(ec2('route-table', 'rtb-main'), 'aws.ec2.route-table', { RouteTableId: 'rtb-main', VpcId: 'vpc-1',
      Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' }], Associations: [{ Main: true }] }),
    asset(ec2('route-table', 'rtb-pub'), 'aws.ec2.route-table', { RouteTableId: 'rtb-pub', VpcId: 'vpc-1',
      Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' }, { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' }],
      Associations: [{ Main: false, SubnetId: 'subnet-pub' }] }),
    sg('sg-open', fixed ? [tcp(443)] : [tcp(22), tcp(443), { IpProtocol: 'icmp', FromPort: 8, ToPort: -1, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }]),
    sg('sg-closed', [tcp(22, '10.0.0.0/8')]),
    sg('sg-web', [tcp(443)]),
    sg('sg-db', [tcp(5432)]),
    sg('sg-mysql', [tcp(3306)]),
    ...instance('i-pub', { ip: '54.0.0.1', subnet: 'subnet-pub', groups: ['sg-open'],
      eni: [{ Association: { PublicIp: '54.0.0.1', IpOwnerId: '999999999999' } }] }),
    ...instance('i-ssh', { ip: '54.0.0.2', subnet: 'subnet-pub', groups: fixed ? ['sg-closed'] : ['sg-closed', 'sg-open'] }),
    ...instance('i-noroute', { ip: '54.0.0.3', subnet: 'subnet-priv', groups: ['sg-open'] }),
    ...instance('i-closed', { ip: '54.0.0.4', subnet: 'subnet-pub', groups: ['sg-closed'] }),
    ...instance('i-private', { subnet: 'subnet-pub', groups: ['sg-open'] }),
    ...instance('i-stopped', { ip: '54.0.0.5', subnet: 'subnet-pub', groups: ['sg-open'], state: 'stopped' }),
    ...instance('i-target', { subnet: 'subnet-priv', groups: ['sg-closed'] }),
    ...instance('i-internal', { subnet: 'subnet-priv', groups: ['sg-closed'] }),
    ...instance('i-other-group', { subnet: 'subnet-priv', groups: ['sg-closed'] }),
    ...loadBalancer('app/web/1', 'internet-facing', ['sg-web'],
      [{ ListenerArn: 'listener/web/443', Port: 443, Protocol: 'HTTPS', DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn('web') }] }],
      [[ec2('instance', 'i-target'), { targetGroup: tgArn('web'), port: 8080 }], [ec2('instance', 'i-other-group'), { targetGroup: tgArn('admin'), port: 9000 }]]),
    ...loadBalancer('app/internal/1', 'internal', ['sg-web'], [{ Port: 443, Protocol: 'HTTPS' }], [[ec2('instance', 'i-internal'), { port: 8080 }]]),
    ...loadBalancer('app/closed/1', 'internet-facing', ['sg-closed'], [{ Port: 80, Protocol: 'HTTP' }], [[ec2('instance', 'i-closed'), { port: 80 }]]),
    asset(lbArn('classic'), 'aws.elb.load-balancer', { LoadBalancerName: 'classic', Scheme: 'internet-facing',
      ListenerDescriptions: [{ Listener: { Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 8081 } }] }),
    edge(lbArn('classic'), 'targets', ec2('instance', 'i-classic')),
    ...database('db-pub', { publicly: true, port: 5432, groups: ['sg-db'], subnet: 'subnet-pub', encrypted: fixed }),
    ...database('db-wrong-port', { publicly: true, port: 5432, groups: ['sg-mysql'], subnet: 'subnet-pub', encrypted: true }),
    ...database('db-private-subnet', { publicly: true, port: 5432, groups: ['sg-db'], subnet: 'subnet-priv', encrypted: true }),
    ...database('db-not-public', { publicly: false, port: 5432, groups: ['sg-db'], subnet: 'subnet-pub', encrypted: true }),
    asset(`arn:aws:eks:${R}:${ACC}:cluster/open`, 'aws.eks.cluster', { name: 'open', endpoint: 'https://open.eks', IsPublic: true, resourcesVpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] } }),
    asset(`arn:aws:eks:${R}:${ACC}:cluster/restricted`, 'aws.eks.cluster', { name: 'restricted', IsPublic: false, resourcesVpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ['203.0.113.0/24'] } }),
    asset(`arn:aws:lambda:${R}:${ACC}:function:open`, 'aws.lambda.function', { FunctionName: 'open', PublicUrl: !fixed, FunctionUrlConfig: { AuthType: fixed ? 'AWS_IAM' : 'NONE', FunctionUrl: 'https://open.lambda-url' } }),
    asset(`arn:aws:lambda:${R}:${ACC}:function:iam`, 'aws.lambda.function', { FunctionName: 'iam', PublicUrl: false, FunctionUrlConfig: { AuthType: 'AWS_IAM' } }),
    asset('arn:aws:s3:::public-site', 'aws.s3.bucket', { Name: 'public-site', Encryption: { Rules: [] },
      Policy: fixed ? null : { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject' }] } }),
    asset('arn:aws:s3:::plain', 'aws.s3.bucket', { Name: 'plain', Encryption: null }, { 'Data-Classification': 'Confidential' }),
    asset('arn:aws:s3:::unknown-encryption', 'aws.s3.bucket', { Name: 'unknown-encryption' }, { classification: 'public', owner: 'pii' }),
    asset('arn:aws:s3:::scanned', 'aws.s3.bucket', { Name: 'scanned', Encryption: { Rules: [] } }, { sensitivity: 'PCI, PII' }),
    asset(ec2('volume', 'vol-plain'), 'aws.ec2.volume', { VolumeId: 'vol-plain', Encrypted: fixed }),
    asset(ec2('volume', 'vol-enc'), 'aws.ec2.volume', { VolumeId: 'vol-enc', Encrypted: true }),
    asset(ec2('snapshot', 'snap-plain'), 'aws.ec2.snapshot', { SnapshotId: 'snap-plain', Encrypted: false }),
    asset(`arn:aws:rds:${R}:${ACC}:cluster:aurora`, 'aws.rds.db-cluster', { DBClusterIdentifier: 'aurora', StorageEncrypted: true }),
  ];
}

const ROLE = (name: string) => `arn:aws:iam::${ACC}:role/${name}`;
/** The iam engine's findings as it would write them (it may not be registered when this runs). */
function iamFindings(fixed: boolean): NormalizedRecord[] {
  const f = (name: string, rule: string): NormalizedRecord => ({ type: 'finding', scope: 'iam:fixture', finding: {
    fingerprint: `iam-${rule}-${name}`, kind: 'iam', ruleId: rule, title: `${rule} on ${name}`, severity: 'high', assetUid: ROLE(name) } });
  return [
    { type: 'coverage', scope: 'iam:fixture', coverage: 'complete' },
    ...(fixed ? [] : [f('admin', 'iam.admin-equivalent')]),
    f('escalator', 'iam.privilege-escalation'),
    f('harmful', 'iam.harmful-permission'),
    f('partner', 'iam.external-trust'),
    f('unused', 'iam.unused-role'),
  ];
}

function scannerFindings(fixed: boolean): NormalizedRecord[] {
  const v = (id: string, asset: string, advisoryId: string, aliases: string[] = []): NormalizedRecord => ({ type: 'finding', scope: 'scan:fixture', finding: {
    fingerprint: `vuln-${id}`, kind: 'vuln', advisoryId, title: advisoryId, severity: 'critical', assetUid: asset, properties: { aliases } } });
  return [
    { type: 'coverage', scope: 'scan:fixture', coverage: 'complete' },
    ...(fixed ? [] : [v('log4shell', IMAGE, 'CVE-2021-44228')]),
    v('ghsa', IMAGE2, 'GHSA-7rjr-3q55-vv33', ['CVE-2021-45046']),
    v('log4j1', ec2('instance', 'i-private'), 'CVE-2021-4104'),
    v('xz', ec2('instance', 'i-closed'), 'CVE-2024-3094'),
    { type: 'finding', scope: 'scan:fixture', finding: { fingerprint: 'macie-1', kind: 'data', ruleId: 'macie:SensitiveData:S3Object/Personal',
      title: 'Personal data in scanned', severity: 'high', assetUid: 'arn:aws:s3:::scanned' } },
    { type: 'asset', scope: 'scan:fixture', asset: { uid: POD, kind: 'k8s.pod', provider: 'k8s', account: 'prod', properties: {} } },
    { type: 'relationship', scope: 'scan:fixture', relationship: { from: POD, kind: 'runs_image', to: IMAGE } },
  ];
}

const S3_PUBLIC = loadRulePacks().filter((r) => r.id === 'aws.s3.bucket-public');

async function load(fixed: boolean): Promise<void> {
  await syncRun(t.db, estate(fixed), { source: 'aws-dump' });
  await syncRun(t.db, iamFindings(fixed), { source: 'engine:iam' });
  await syncRun(t.db, scannerFindings(fixed), { source: 'scanner' });
}

async function labels(name: string): Promise<Map<string, Record<string, unknown>>> {
  const rows = await t.db.query<{ asset_uid: string; evidence: Record<string, unknown> }>(
    `select asset_uid, evidence from asset_labels where label = $1 and source = 'engine:labels' order by asset_uid`, [name]);
  return new Map(rows.map((r) => [r.asset_uid, r.evidence]));
}
const short = (m: Map<string, unknown>) => [...m.keys()].map((u) => u.split(/[/:]/).pop()).sort();

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await load(false);
  await analyze(t.db, { engines: [rulesEngine(S3_PUBLIC), labelsEngine()] });
}, 180_000); // several runs: slow on a loaded machine
afterAll(async () => { await t.drop(); });

describe('isPublic', () => {
  it('labels exactly the assets reachable from the internet', async () => {
    // The web ALB (`app/web/1`) and the classic ELB are public themselves.
    expect(short(await labels('isPublic'))).toEqual(['1', 'classic', 'db-pub', 'i-classic', 'i-pub', 'i-ssh', 'i-target', 'open', 'open', 'public-site']);
  });

  it('an instance: public IP (Elastic IP), internet route and open group, with the ports', async () => {
    const e = (await labels('isPublic')).get(ec2('instance', 'i-pub'))!;
    expect(e.ports).toEqual([{ protocol: 'tcp', from: 22, to: 22 }, { protocol: 'tcp', from: 443, to: 443 }]);
    expect(e.paths).toEqual([expect.objectContaining({ via: 'public-ip', ip: '54.0.0.1', elasticIp: true, securityGroups: ['sg-open'],
      route: { routeTable: 'rtb-pub', destination: '0.0.0.0/0', gateway: 'igw-1' } })]);
  });

  it('load balancer targets: the target port behind an allowed listener of the group the listener forwards to', async () => {
    const all = await labels('isPublic');
    expect(all.get(ec2('instance', 'i-target'))).toMatchObject({ ports: [{ protocol: 'tcp', from: 8080, to: 8080 }],
      paths: [{ via: 'load-balancer', loadBalancer: lbArn('app/web/1'), targetGroup: tgArn('web'), listeners: [{ listener: 'listener/web/443', port: 443 }] }] });
    expect(all.get(lbArn('app/web/1'))).toMatchObject({ ports: [{ protocol: 'tcp', from: 443, to: 443 }] });
    // A classic ELB without security groups: its listener's instance port.
    expect(all.get(ec2('instance', 'i-classic'))).toMatchObject({ ports: [{ protocol: 'tcp', from: 8081, to: 8081 }] });
  });

  it('near misses: no internet route, closed group, no public IP, stopped, internal or closed load balancer, another target group', async () => {
    const all = await labels('isPublic');
    for (const id of ['i-noroute', 'i-closed', 'i-private', 'i-stopped', 'i-internal', 'i-other-group']) expect(all.has(ec2('instance', id)), id).toBe(false);
    for (const lb of ['app/internal/1', 'app/closed/1']) expect(all.has(lbArn(lb)), lb).toBe(false);
    for (const db of ['db-wrong-port', 'db-private-subnet', 'db-not-public']) expect(all.has(rdsArn(db)), db).toBe(false);
    expect(all.has(`arn:aws:eks:${R}:${ACC}:cluster/restricted`)).toBe(false);
    expect(all.has(`arn:aws:lambda:${R}:${ACC}:function:iam`)).toBe(false);
    expect(all.has('arn:aws:s3:::plain')).toBe(false);
  });

  it('RDS, EKS, Lambda and S3 say why', async () => {
    const all = await labels('isPublic');
    expect(all.get(rdsArn('db-pub'))).toMatchObject({ ports: [{ protocol: 'tcp', from: 5432, to: 5432 }], paths: [{ via: 'publicly-accessible', securityGroups: ['sg-db'] }] });
    expect(all.get(`arn:aws:eks:${R}:${ACC}:cluster/open`)).toMatchObject({ paths: [{ via: 'public-endpoint', publicAccessCidrs: ['0.0.0.0/0'] }] });
    expect(all.get(`arn:aws:lambda:${R}:${ACC}:function:open`)).toMatchObject({ paths: [{ via: 'function-url', authType: 'NONE' }] });
    expect(all.get('arn:aws:s3:::public-site')).toMatchObject({ paths: [{ via: 'bucket-policy', rule: 'aws.s3.bucket-public' }] });
  });
});

describe('other labels', () => {
  it('Unencrypted: explicit false or no default encryption, never an uncollected field', async () => {
    expect(short(await labels('Unencrypted'))).toEqual(['db-pub', 'plain', 'snap-plain', 'vol-plain']);
    expect((await labels('Unencrypted')).get(ec2('volume', 'vol-plain'))).toEqual({ kind: 'aws.ec2.volume', field: 'Encrypted', value: false });
  });

  it('SensitiveData: a classification tag (any case, any listed word) or a data-scanner finding', async () => {
    const all = await labels('SensitiveData');
    expect(short(all)).toEqual(['plain', 'scanned']);
    expect(all.get('arn:aws:s3:::scanned')).toMatchObject({ reasons: [{ via: 'tag', tag: 'sensitivity' }, { via: 'finding', rule: 'macie:SensitiveData:S3Object/Personal', sources: ['scanner'] }] });
  });

  it('IAM labels from the iam engine\'s open findings', async () => {
    expect(short(await labels('AdminEquivalent'))).toEqual(['admin']);
    expect(short(await labels('HighlyPermissiveRole'))).toEqual(['admin', 'escalator', 'harmful']);
    expect(short(await labels('ExternallyAssumable'))).toEqual(['partner']);
  });

  it('vulnerability families: by advisory id or alias, on the image and the pod running it', async () => {
    const log4j = await labels('Log4J');
    expect([...log4j.keys()].sort()).toEqual([IMAGE, IMAGE2, POD].sort());
    expect(log4j.get(POD)).toMatchObject({ advisories: ['CVE-2021-44228'], reasons: [{ via: 'image', image: IMAGE }] });
    expect(log4j.get(IMAGE2)).toMatchObject({ advisories: ['CVE-2021-45046'] });
    expect(short(await labels('XZBackdoor'))).toEqual(['i-closed']);
  });

  it('assets.labels holds each asset\'s labels', async () => {
    const rows = await t.db.query<{ labels: string[] }>('select labels from assets where uid = $1', [rdsArn('db-pub')]);
    expect(rows[0]?.labels).toEqual(['Unencrypted', 'isPublic']);
  });
});

describe('analyze again', () => {
  it('writes nothing when nothing changed', async () => {
    const before = await t.db.query('select *, xmin::text as x from asset_labels order by 1, 2, 3');
    const results = await analyze(t.db, { engines: [rulesEngine(S3_PUBLIC), labelsEngine()] });
    expect(results.find((r) => r.engine === 'labels')?.counts.labels).toMatchObject({ inserted: 0, updated: 0, deleted: 0, assets: 0 });
    expect(await t.db.query('select *, xmin::text as x from asset_labels order by 1, 2, 3')).toEqual(before);
  });

  it('drops the labels of what was fixed, and changes the evidence of what changed', async () => {
    await load(true);
    await analyze(t.db, { engines: [rulesEngine(S3_PUBLIC), labelsEngine()] });
    const pub = await labels('isPublic');
    expect(short(pub)).toEqual(['1', 'classic', 'db-pub', 'i-classic', 'i-pub', 'i-target', 'open']);
    expect(pub.get(ec2('instance', 'i-pub'))?.ports).toEqual([{ protocol: 'tcp', from: 443, to: 443 }]);
    expect(short(await labels('Unencrypted'))).toEqual(['plain', 'snap-plain']);
    expect(short(await labels('AdminEquivalent'))).toEqual([]);
    expect(short(await labels('HighlyPermissiveRole'))).toEqual(['escalator', 'harmful']);
    expect([...(await labels('Log4J')).keys()]).toEqual([IMAGE2]);
    const rows = await t.db.query<{ uid: string; labels: string[] }>('select uid, labels from assets where uid = any($1) order by uid', [[rdsArn('db-pub'), ec2('instance', 'i-ssh')]]);
    expect(rows.map((r) => [r.uid, r.labels])).toEqual([[ec2('instance', 'i-ssh'), []], [rdsArn('db-pub'), ['isPublic']]]);
  });

  it('configuration: families added and removed, tag values replaced; a removed family\'s labels go', async () => {
    await analyze(t.db, { engines: [labelsEngine({ vulnerabilityFamilies: { Log4J: [], Log4J1: ['CVE-2021-4104'] }, sensitiveData: { tagValues: ['public'] } })] });
    expect(await labels('Log4J')).toEqual(new Map());
    expect(short(await labels('Log4J1'))).toEqual(['i-private']);
    expect(short(await labels('SensitiveData'))).toEqual(['scanned', 'unknown-encryption']);
  });
});

describe('engine order', () => {
  it('runs after rules, vulns and iam when present, and tolerates their absence', () => {
    const stub = (id: string, after: string[] = []): Engine => ({ id, version: 1, description: id, after, run: async function* () { /* nothing */ } });
    expect(orderEngines([labelsEngine(), stub('rules'), stub('iam'), stub('vulns')]).map((e) => e.id)).toEqual(['iam', 'rules', 'vulns', 'labels']);
    expect(orderEngines([labelsEngine(), stub('rules')]).map((e) => e.id)).toEqual(['rules', 'labels']);
    expect(() => orderEngines([stub('a', ['b']), stub('b', ['a'])])).toThrow(/cycle/);
  });
});
