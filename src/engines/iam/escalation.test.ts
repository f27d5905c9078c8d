import { beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedRecord } from '../../model/index.js';
import { loadActionCatalogue, type ActionCatalogue } from './catalogue.js';
import { PASS_ROLE_METHODS } from './model/escalation.js';
import { IamModel } from './model/iam-model.js';
import {
  ACCOUNT, allow, arn, deny, group, instance, inventoryOf, lambdaFunction, managedPolicy, role, trustAws, trustService, user, type Statement,
} from './fixtures.js';

const ATTACKER = arn('user/attacker');
const ADMIN_ROLE = arn('role/admin');
const FUNCTION = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:fn`;
const INSTANCE = `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-1`;
const adminRole = (trust: Statement[], extra: { instanceProfile?: boolean } = {}) => role('admin', { policies: [allow('*')], trust, ...extra });

/** One hand-made account per method: the attacker's permissions (`key`), what else the account holds, what must be found. */
interface Scenario {
  method: string;
  target: string;
  key: Statement[];
  env: NormalizedRecord[];
  attacker?: { groups?: string[]; attached?: string[] };
}

const SCENARIOS: Scenario[] = [
  { method: `CreatePolicyVersion:${arn('policy/mine')}`, target: ATTACKER, key: [allow('iam:CreatePolicyVersion', arn('policy/mine'))],
    env: managedPolicy('mine', [[allow('s3:ListAllMyBuckets')]]), attacker: { attached: [arn('policy/mine')] } },
  { method: `SetDefaultPolicyVersion:${arn('policy/mine')}@v2`, target: ATTACKER, key: [allow('iam:SetDefaultPolicyVersion', arn('policy/mine'))],
    env: managedPolicy('mine', [[allow('s3:ListAllMyBuckets')], [allow('*')]]), attacker: { attached: [arn('policy/mine')] } },
  { method: 'AttachUserPolicy', target: ATTACKER, key: [allow('iam:AttachUserPolicy', ATTACKER)], env: [] },
  { method: 'PutUserPolicy', target: ATTACKER, key: [allow('iam:PutUserPolicy', ATTACKER)], env: [] },
  { method: 'AttachGroupPolicy', target: ATTACKER, key: [allow('iam:AttachGroupPolicy', arn('group/devs'))], env: group('devs'), attacker: { groups: ['devs'] } },
  { method: 'PutGroupPolicy', target: ATTACKER, key: [allow('iam:PutGroupPolicy', arn('group/devs'))], env: group('devs'), attacker: { groups: ['devs'] } },
  { method: 'AttachRolePolicy', target: arn('role/weak'), key: [allow('iam:AttachRolePolicy', arn('role/weak'))],
    env: role('weak', { trust: [trustAws(ATTACKER)], policies: [allow('s3:ListAllMyBuckets')] }) },
  { method: 'PutRolePolicy', target: arn('role/weak'), key: [allow('iam:PutRolePolicy', arn('role/weak'))],
    env: role('weak', { trust: [trustAws(ATTACKER)], policies: [allow('s3:ListAllMyBuckets')] }) },
  { method: `AddUserToGroup:${arn('group/admins')}`, target: ATTACKER, key: [allow('iam:AddUserToGroup', arn('group/admins'))], env: group('admins', { policies: [allow('*')] }) },
  ...['CreateAccessKey', 'CreateLoginProfile', 'UpdateLoginProfile'].map((m) => ({
    method: m, target: arn('user/boss'), key: [allow(`iam:${m}`, arn('user/boss'))], env: user('boss', { policies: [allow('*')] }),
  })),
  { method: 'UpdateAssumeRolePolicy', target: ADMIN_ROLE, key: [allow('iam:UpdateAssumeRolePolicy', ADMIN_ROLE)], env: adminRole([trustService('ec2.amazonaws.com')]) },
  ...PASS_ROLE_METHODS.map((m) => ({
    method: m.method, target: ADMIN_ROLE, key: [allow('iam:PassRole', ADMIN_ROLE), allow(m.actions.map((g) => g[0]!))],
    env: adminRole([trustService(m.service)], { instanceProfile: true }),
  })),
  { method: `UpdateFunctionCode:${FUNCTION}`, target: ADMIN_ROLE, key: [allow('lambda:UpdateFunctionCode', FUNCTION)],
    env: [...adminRole([trustService('lambda.amazonaws.com')]), ...lambdaFunction('fn', ADMIN_ROLE)] },
  ...[['SSM:SendCommand', 'ssm:SendCommand'], ['SSM:StartSession', 'ssm:StartSession'], ['EC2InstanceConnect', 'ec2-instance-connect:SendSSHPublicKey']].map(([method, action]) => ({
    method: `${method}:${INSTANCE}`, target: ADMIN_ROLE, key: [allow(action!, INSTANCE)],
    env: [...adminRole([trustService('ec2.amazonaws.com')], { instanceProfile: true }), ...instance('i-1', ADMIN_ROLE)],
  })),
  { method: 'AssumeRole', target: ADMIN_ROLE, key: [allow('sts:AssumeRole', ADMIN_ROLE)], env: adminRole([trustAws(arn('root'))]) },
  { method: 'AssumeRoleChain', target: ADMIN_ROLE, key: [allow('sts:AssumeRole', arn('role/hop'))],
    env: [...role('hop', { trust: [trustAws(arn('root'))], policies: [allow('sts:AssumeRole', ADMIN_ROLE)] }), ...adminRole([trustAws(arn('role/hop'))])] },
];

type Variant = 'plain' | 'deny' | 'boundary' | 'condition';

function account(s: Scenario, variant: Variant): NormalizedRecord[] {
  const actions = s.key.flatMap((st) => (Array.isArray(st.Action) ? st.Action : [st.Action]) as string[]);
  const key = variant === 'condition' ? s.key.map((st) => ({ ...st, Condition: { IpAddress: { 'aws:SourceIp': 'not-an-address' } } })) : s.key;
  return [
    ...user('attacker', {
      policies: [...key, ...(variant === 'deny' ? [deny(actions)] : [])],
      ...s.attacker,
      ...(variant === 'boundary' ? { boundary: arn('policy/boundary') } : {}),
    }),
    ...managedPolicy('boundary', [[allow('s3:ListAllMyBuckets')]]),
    ...s.env,
  ];
}

let catalogue: ActionCatalogue;
beforeAll(async () => { catalogue = await loadActionCatalogue(); });
const modelOf = (records: NormalizedRecord[]) => IamModel.build(inventoryOf(records), catalogue);

describe('privilege escalation methods', () => {
  it.each(SCENARIOS.map((s) => [s.method, s] as const))('%s is flagged', (_, s) => {
    const found = modelOf(account(s, 'plain')).escalations(ATTACKER);
    const e = found.find((x) => x.method === s.method);
    expect(e, JSON.stringify(found.map((x) => x.method))).toBeDefined();
    expect(e!.target).toBe(s.target);
    expect(e!.steps.length).toBeGreaterThan(0);
    for (const step of e!.steps) expect(Object.keys(step).sort()).toEqual(['action', 'resource', 'via']);
    expect(e!.steps.every((step) => step.via.startsWith('arn:aws:iam::'))).toBe(true);
  });

  for (const variant of ['deny', 'boundary', 'condition'] as const) {
    it.each(SCENARIOS.map((s) => [s.method, s] as const))(`%s is removed by a ${variant}`, (_, s) => {
      const found = modelOf(account(s, variant)).escalations(ATTACKER);
      expect(found.map((x) => x.method)).not.toContain(s.method);
    });
  }

  it('does not flag an escalation to a principal that is no stronger', () => {
    const m = modelOf([
      ...user('attacker', { policies: [allow(['iam:CreateAccessKey', 's3:*'], '*')] }),
      ...user('peer', { policies: [allow('s3:GetObject')] }),
    ]);
    expect(m.escalations(ATTACKER)).toEqual([]);
  });

  it('follows assume-role chains through cycles without looping', () => {
    const m = modelOf([
      ...user('attacker', { policies: [allow('sts:AssumeRole', arn('role/a'))] }),
      ...role('a', { trust: [trustAws(arn('root'))], policies: [allow('sts:AssumeRole', '*')] }),
      ...role('b', { trust: [trustAws(arn('role/a')), trustAws(arn('role/c'))], policies: [allow('sts:AssumeRole', '*')] }),
      ...role('c', { trust: [trustAws(arn('role/b'))], policies: [allow('sts:AssumeRole', '*')] }),
      ...role('admin', { trust: [trustAws(arn('role/c'))], policies: [allow('*')] }),
    ]);
    const chain = m.escalations(ATTACKER).find((e) => e.method === 'AssumeRoleChain');
    expect(chain?.steps.map((s) => s.resource.split('/').pop())).toEqual(['a', 'b', 'c', 'admin']);
    const short = IamModel.build(inventoryOf([
      ...user('attacker', { policies: [allow('sts:AssumeRole', arn('role/a'))] }),
      ...role('a', { trust: [trustAws(arn('root'))], policies: [allow('sts:AssumeRole', '*')] }),
      ...role('b', { trust: [trustAws(arn('role/a'))], policies: [allow('sts:AssumeRole', '*')] }),
      ...role('admin', { trust: [trustAws(arn('role/b'))], policies: [allow('*')] }),
    ]), catalogue, { maxChainDepth: 2 });
    expect(short.escalations(ATTACKER).find((e) => e.method === 'AssumeRoleChain')).toBeUndefined();
  });
});

describe('admin equivalence', () => {
  it('recognizes full access, IAM full access and self-granting', () => {
    const m = modelOf([
      ...user('full', { policies: [allow('*')] }),
      ...user('iam', { policies: [allow('iam:*')] }),
      ...user('self', { policies: [allow('iam:PutUserPolicy', '${aws:PrincipalArn}')] }),
      ...user('bounded', { policies: [allow('*')], boundary: arn('policy/boundary') }),
      ...user('power', { attached: ['arn:aws:iam::aws:policy/PowerUserAccess'] }),
      ...managedPolicy('boundary', [[allow('s3:*')]]),
    ]);
    expect(m.adminEquivalent(arn('user/full')).reasons.map((r) => r.reason)).toEqual(['full-access', 'iam-full-access']);
    expect(m.adminEquivalent(arn('user/iam')).reasons.map((r) => r.reason)).toContain('iam-full-access');
    expect(m.adminEquivalent(arn('user/self'))).toMatchObject({ admin: true, reasons: [{ reason: 'self-grant', method: 'PutUserPolicy' }] });
    expect(m.adminEquivalent(arn('user/bounded')).admin).toBe(false);
    expect(m.adminEquivalent(arn('user/power')).admin).toBe(false);
    expect(m.canPerform(arn('user/power'), 'ec2:RunInstances', '*').verdict).toBe('allow');
  });

  it('a boundary the principal can delete does not hold it', () => {
    const m = modelOf([
      ...user('bounded', { policies: [allow('*')], boundary: arn('policy/boundary') }),
      ...managedPolicy('boundary', [[allow(['s3:*', 'iam:DeleteUserPermissionsBoundary'])]]),
    ]);
    expect(m.escalations(arn('user/bounded')).map((e) => e.method)).toContain('DeletePermissionsBoundary');
  });
});

describe('model API', () => {
  it('answers canPerform and assumableBy', () => {
    const m = modelOf([
      ...user('alice', { policies: [allow('sts:AssumeRole', arn('role/app'))] }),
      ...user('bob', { policies: [allow('s3:*')] }),
      ...role('app', { trust: [trustAws(arn('root')), trustAws('arn:aws:iam::999999999999:root', { Condition: { StringEquals: { 'sts:ExternalId': 'x' } } })], policies: [allow('s3:GetObject')] }),
    ]);
    expect(m.canPerform(arn('user/alice'), 'sts:AssumeRole', arn('role/app')).verdict).toBe('allow');
    expect(m.canPerform(arn('user/bob'), 'sts:AssumeRole', arn('role/app')).verdict).toBe('deny');
    expect(m.assumableBy(arn('role/app'))).toEqual([
      { principal: arn('user/alice'), inInventory: true, verdict: 'allow' },
      { principal: 'AWS:arn:aws:iam::999999999999:root', inInventory: false, verdict: 'conditional' },
    ]);
    expect(() => m.canPerform(arn('user/nobody'), 's3:GetObject', '*')).toThrow(/no principal/);
  });
});
