import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedRecord } from '../../model/index.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { syncRun } from '../../pipeline/sync/run.js';
import { analyze } from '../../pipeline/analyze.js';
import { iamEngine } from './engine.js';
import { allow, arn, managedPolicy, role, trustAws, trustService, user, withCoverage } from './fixtures.js';

const NOW = new Date('2025-06-01T00:00:00Z');

function account(fixed: boolean): NormalizedRecord[] {
  return [
    ...user('dev', { policies: fixed ? [allow('s3:ListAllMyBuckets')] : [allow(['iam:CreatePolicyVersion', 's3:GetObject', 'cloudtrail:StopLogging'], '*')], attached: [arn('policy/dev')] }),
    ...managedPolicy('dev', [[allow('ec2:Describe*')]]),
    ...user('root-like', { policies: [allow('*')] }),
    ...role('vendor', { trust: [trustAws(fixed ? '222222222222' : 'arn:aws:iam::999999999999:root', fixed ? { Condition: { StringEquals: { 'sts:ExternalId': 'abc' } } } : {})], policies: [allow('s3:ListAllMyBuckets')] }),
    ...role('ci', { trust: [{ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com` }, Action: 'sts:AssumeRoleWithWebIdentity' }], policies: [allow('s3:ListAllMyBuckets')] }),
    ...role('stale', { trust: [trustService('ec2.amazonaws.com')], created: '2024-01-01T00:00:00Z', lastUsed: fixed ? '2025-05-30T00:00:00Z' : '2024-02-01T00:00:00Z' }),
  ];
}

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.drop(); });

async function open(): Promise<{ rule_id: string; asset_uid: string; detail: string | null; evidence: Record<string, unknown> }[]> {
  return t.db.query(`select rule_id, asset_uid, properties->>'detail' as detail, evidence from findings where kind = 'iam' and status = 'open' order by rule_id, asset_uid, detail`);
}

describe('iam engine', () => {
  it('flags a hand-made account and resolves the findings once it is fixed', async () => {
    await syncRun(t.db, withCoverage(account(false)), { source: 'fixture' });
    await analyze(t.db, { engines: [iamEngine()], now: NOW });
    const found = await open();
    const short = found.map((f) => `${f.rule_id} ${f.asset_uid.split('/').pop()} ${f.detail ?? ''}`.trim());
    expect(short).toEqual(expect.arrayContaining([
      'iam.admin-equivalent dev',
      'iam.admin-equivalent root-like',
      'iam.privilege-escalation dev CreatePolicyVersion',
      'iam.harmful-permission dev data-exfiltration',
      'iam.harmful-permission dev logging-tampering',
      'iam.external-trust vendor AWS:arn:aws:iam::999999999999:root',
      'iam.external-trust ci Federated:arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com',
      'iam.unused-role stale',
    ]));
    const esc = found.find((f) => f.rule_id === 'iam.privilege-escalation')!;
    expect(esc.evidence).toMatchObject({ method: `CreatePolicyVersion:${arn('policy/dev')}`, steps: [{ action: 'iam:CreatePolicyVersion', resource: arn('policy/dev'), via: arn('user/dev') }] });

    await syncRun(t.db, withCoverage(account(true)), { source: 'fixture' });
    await analyze(t.db, { engines: [iamEngine()], now: NOW });
    const after = (await open()).map((f) => `${f.rule_id} ${f.asset_uid.split('/').pop()}`);
    expect(after.filter((f) => !f.includes('root-like') && !f.includes(' ci'))).toEqual([]);
  });

  it('takes a harmful-permission catalogue as an option', async () => {
    await analyze(t.db, { engines: [iamEngine({ harmful: [{ id: 'listing', title: 'lists buckets', severity: 'low', actions: ['s3:ListAllMyBuckets'] }] })], now: NOW });
    const listing = (await open()).filter((f) => f.detail === 'listing').map((f) => f.asset_uid.split('/').pop());
    expect(listing).toEqual(expect.arrayContaining(['dev', 'vendor', 'ci']));
    expect((await open()).filter((f) => f.detail === 'data-exfiltration')).toEqual([]);
  });

  it('changes no finding of an unchanged account when analyzed again a day later', async () => {
    const db = await createTestDb();
    try {
      await syncRun(db.db, withCoverage(account(false)), { source: 'fixture' });
      const [first] = await analyze(db.db, { engines: [iamEngine()], now: NOW });
      expect(first?.counts.findings.new).toBeGreaterThan(0);
      // The stale role has been idle one day longer: still the same finding, not an update of it.
      const [later] = await analyze(db.db, { engines: [iamEngine()], now: new Date(NOW.getTime() + 86_400_000) });
      expect(later?.counts.findings).toMatchObject({ new: 0, updated: 0, resolved: 0, reopened: 0 });
      const [stale] = await db.db.query<{ title: string; evidence: Record<string, unknown> }>(
        `select title, evidence from findings where rule_id = 'iam.unused-role' and asset_uid = $1`, [arn('role/stale')]);
      expect(stale).toMatchObject({ title: 'Role stale not used in over 90 days', evidence: { lastUsed: '2024-02-01T00:00:00.000Z', thresholdDays: 90 } });
    } finally {
      await db.drop();
    }
  });

  it('names the same target on every run when several are equally strong', async () => {
    const db = await createTestDb();
    try {
      // Two admin roles a Lambda could run as: a tie the choice must break the same way whatever the order.
      const records = [
        ...user('deployer', { policies: [allow(['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'], '*')] }),
        ...role('z-admin', { trust: [trustService('lambda.amazonaws.com')], policies: [allow('*')] }),
        ...role('a-admin', { trust: [trustService('lambda.amazonaws.com')], policies: [allow('*')] }),
      ];
      await syncRun(db.db, withCoverage(records), { source: 'fixture' });
      const targets = async () => (await db.db.query<{ target: string }>(
        `select evidence->>'target' as target from findings where rule_id = 'iam.privilege-escalation' and status = 'open' and asset_uid = $1`, [arn('user/deployer')])).map((r) => r.target);
      await analyze(db.db, { engines: [iamEngine()], now: NOW });
      expect(await targets()).toContain(arn('role/a-admin'));
      expect(await targets()).not.toContain(arn('role/z-admin'));
      const [again] = await analyze(db.db, { engines: [iamEngine()], now: NOW });
      expect(again?.counts.findings).toMatchObject({ new: 0, updated: 0, resolved: 0 });
    } finally {
      await db.drop();
    }
  });
});
