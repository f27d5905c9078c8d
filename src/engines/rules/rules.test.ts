import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedRecord } from '../../model/index.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { syncRun } from '../../pipeline/sync/run.js';
import { analyze } from '../../pipeline/analyze.js';
import { rulesEngine } from './engine.js';
import { loadRulePacks, loadRules } from './load.js';
import type { Rule } from './rule.js';

const BUILTIN = loadRulePacks();
const byId = (id: string): Rule => {
  const rule = BUILTIN.find((r) => r.id === id);
  if (!rule) throw new Error(`no built-in rule ${id}`);
  return rule;
};
const imdsv1Allowed = byId('aws.ec2.imdsv1-allowed');
const securityGroupOpenAdminPort = byId('aws.ec2.security-group-open-to-world');
const s3BucketPublic = byId('aws.s3.bucket-public');

const SCOPE = 'aws:111111111111:us-east-1:ec2';
const inst = (id: string, metadata: Record<string, unknown>): NormalizedRecord => ({
  type: 'asset', scope: SCOPE,
  asset: { uid: `arn:aws:ec2:us-east-1:111111111111:instance/${id}`, kind: 'aws.ec2.instance', properties: { InstanceId: id, State: { Name: 'running' }, MetadataOptions: metadata } },
});
const sg = (id: string, perms: unknown[]): NormalizedRecord => ({
  type: 'asset', scope: SCOPE,
  asset: { uid: `arn:aws:ec2:us-east-1:111111111111:security-group/${id}`, kind: 'aws.ec2.security-group', properties: { GroupId: id, IpPermissions: perms } },
});
const tcp = (from: number, to: number, cidr: string) => ({ IpProtocol: 'tcp', FromPort: from, ToPort: to, IpRanges: [{ CidrIp: cidr }], Ipv6Ranges: [] });

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await syncRun(t.db, [
    { type: 'coverage', scope: SCOPE, coverage: 'complete' },
    inst('i-optional', { HttpTokens: 'optional', HttpEndpoint: 'enabled' }),
    inst('i-required', { HttpTokens: 'required', HttpEndpoint: 'enabled' }),
    inst('i-disabled', { HttpTokens: 'optional', HttpEndpoint: 'disabled' }),
    sg('sg-ssh-world', [tcp(22, 22, '0.0.0.0/0')]),
    sg('sg-range-world', [tcp(3000, 6000, '0.0.0.0/0')]),
    sg('sg-all-v6', [{ IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [{ CidrIpv6: '::/0' }] }]),
    sg('sg-https-world', [tcp(443, 443, '0.0.0.0/0')]),
    sg('sg-ssh-private', [tcp(22, 22, '10.0.0.0/8')]),
  ], { source: 'fixture' });
});
afterAll(async () => { await t.drop(); });

async function violations(ruleId: string): Promise<{ asset_uid: string; evidence: Record<string, unknown> }[]> {
  return t.db.query(`select asset_uid, evidence from findings where rule_id = $1 and status = 'open' order by asset_uid, evidence->>'port'`, [ruleId]);
}

describe('built-in rules', () => {
  it('flag the violating fixtures and not the compliant ones', async () => {
    await analyze(t.db, { engines: [rulesEngine([imdsv1Allowed, securityGroupOpenAdminPort])] });
    expect((await violations('aws.ec2.imdsv1-allowed')).map((v) => v.asset_uid.split('/')[1])).toEqual(['i-optional']);
    const sgs = await violations('aws.ec2.security-group-open-to-world');
    const byGroup = new Map<string, number[]>();
    for (const v of sgs) byGroup.set(v.asset_uid.split('/')[1]!, [...(byGroup.get(v.asset_uid.split('/')[1]!) ?? []), v.evidence.port as number]);
    expect(byGroup.get('sg-ssh-world')).toEqual([22]);
    expect(byGroup.get('sg-range-world')?.sort((a, b) => a - b)).toEqual([3306, 3389, 5044, 5432]);
    expect(byGroup.get('sg-all-v6')?.length).toBe(10);
    expect(byGroup.has('sg-https-world')).toBe(false);
    expect(byGroup.has('sg-ssh-private')).toBe(false);
  });

  it('resolves a finding once the asset is fixed', async () => {
    await syncRun(t.db, [
      { type: 'coverage', scope: SCOPE, coverage: 'complete' },
      inst('i-optional', { HttpTokens: 'required', HttpEndpoint: 'enabled' }),
      inst('i-required', { HttpTokens: 'required', HttpEndpoint: 'enabled' }),
    ], { source: 'fixture' });
    await analyze(t.db, { engines: [rulesEngine([imdsv1Allowed])] });
    expect(await violations('aws.ec2.imdsv1-allowed')).toEqual([]);
  });

  it('a rule whose SQL fails keeps its open findings instead of resolving them', async () => {
    await syncRun(t.db, [{ type: 'coverage', scope: SCOPE, coverage: 'complete' }, inst('i-x', { HttpTokens: 'optional' })], { source: 'fixture' });
    await analyze(t.db, { engines: [rulesEngine([imdsv1Allowed])] });
    expect(await violations('aws.ec2.imdsv1-allowed')).toHaveLength(1);
    const broken = { ...imdsv1Allowed, sql: 'select no_such_column from v_assets' };
    const [r] = await analyze(t.db, { engines: [rulesEngine([broken])] });
    expect(r?.status).toBe('partial');
    expect(await violations('aws.ec2.imdsv1-allowed')).toHaveLength(1);
  });

  it('public buckets: policy or ACL, unless Block Public Access neutralizes it', async () => {
    const S3 = 'aws:222222222222:global:s3';
    const ACC = 'aws:222222222222:global:account';
    const bucket = (name: string, properties: Record<string, unknown>): NormalizedRecord => ({
      type: 'asset', scope: S3, asset: { uid: `arn:aws:s3:::${name}`, kind: 'aws.s3.bucket', account: '222222222222', properties } });
    const publicPolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::x/*' }] };
    const conditioned = { Statement: { Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } } } };
    const allUsers = { Grants: [{ Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' }] };
    await syncRun(t.db, [
      { type: 'coverage', scope: S3, coverage: 'complete' },
      { type: 'coverage', scope: ACC, coverage: 'complete' },
      { type: 'asset', scope: ACC, asset: { uid: 'arn:aws:iam::222222222222:root', kind: 'aws.account', account: '222222222222', properties: { S3PublicAccessBlock: null } } },
      bucket('public-policy', { Policy: publicPolicy, PublicAccessBlock: null }),
      bucket('public-acl', { Policy: null, Acl: allUsers }),
      bucket('blocked', { Policy: publicPolicy, PublicAccessBlock: { RestrictPublicBuckets: true, IgnorePublicAcls: true, BlockPublicAcls: true, BlockPublicPolicy: true } }),
      bucket('conditioned', { Policy: conditioned }),
      bucket('private', { Policy: null, Acl: { Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'abc' }, Permission: 'FULL_CONTROL' }] } }),
    ], { source: 's3-fixture' });
    await analyze(t.db, { engines: [rulesEngine([s3BucketPublic])] });
    const found = await violations('aws.s3.bucket-public');
    expect(found.map((v) => v.asset_uid)).toEqual(['arn:aws:s3:::public-acl', 'arn:aws:s3:::public-policy']);
    expect(found[0]?.evidence).toEqual({ acl_permissions: ['READ'] });
    // The account-level block neutralizes both.
    await syncRun(t.db, [
      { type: 'coverage', scope: ACC, coverage: 'complete' },
      { type: 'asset', scope: ACC, asset: { uid: 'arn:aws:iam::222222222222:root', kind: 'aws.account', account: '222222222222', properties: { S3PublicAccessBlock: { RestrictPublicBuckets: true, IgnorePublicAcls: true } } } },
    ], { source: 's3-fixture' });
    await analyze(t.db, { engines: [rulesEngine([s3BucketPublic])] });
    expect(await violations('aws.s3.bucket-public')).toEqual([]);
  });

  it('rejects a malformed rule with its id and field', () => {
    expect(() => loadRules([{ ...imdsv1Allowed, severity: 'urgent' as 'high' }])).toThrow(/rules\[0\] \(rule aws.ec2.imdsv1-allowed\): severity/);
  });
});
