import { describe, expect, it } from 'vitest';
import { ALL_RESOURCES } from './arn.js';
import { requestContext, type ContextValue } from './context.js';
import { evaluate, type PolicySet } from './evaluate.js';
import { compilePolicy, type CompiledPolicy } from './policy.js';
import type { RequestPrincipal } from './principal.js';

const ALICE: RequestPrincipal = { arn: 'arn:aws:iam::111111111111:user/alice', account: '111111111111', type: 'user' };
const ROLE: RequestPrincipal = { arn: 'arn:aws:iam::111111111111:role/app', account: '111111111111', type: 'role' };
const OUTSIDER: RequestPrincipal = { arn: 'arn:aws:iam::999999999999:user/eve', account: '999999999999', type: 'user' };

let n = 0;
const policy = (...statements: Record<string, unknown>[]): CompiledPolicy => compilePolicy(`p${n++}`, { Version: '2012-10-17', Statement: statements });
const allow = (Action: unknown, Resource: unknown = '*', extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });
const deny = (Action: unknown, Resource: unknown = '*', extra: Record<string, unknown> = {}) => ({ Effect: 'Deny', Action, Resource, ...extra });

function verdict(set: Partial<PolicySet>, action: string, resource: string, opts: { principal?: RequestPrincipal; context?: Record<string, ContextValue>; closed?: boolean } = {}) {
  const full: PolicySet = { identity: [], boundary: null, scps: [], resource: null, ...set };
  return evaluate(full, { principal: opts.principal ?? ALICE, action, resource, context: requestContext(opts.context, opts.closed ?? false) }).verdict;
}
const id = (...statements: Record<string, unknown>[]): Partial<PolicySet> => ({ identity: [policy(...statements)] });
const cond = (Condition: Record<string, unknown>) => id(allow('s3:GetObject', '*', { Condition }));
const BUCKET = 'arn:aws:s3:::data/report.csv';

describe('actions and resources', () => {
  it('matches action wildcards case-insensitively', () => {
    expect(verdict(id(allow('S3:get*')), 's3:GetObject', BUCKET)).toBe('allow');
    expect(verdict(id(allow('s3:Get?bject')), 's3:GETOBJECT', BUCKET)).toBe('allow');
    expect(verdict(id(allow('s3:Get*')), 's3:PutObject', BUCKET)).toBe('deny');
    expect(verdict(id(allow('*')), 'iam:CreateUser', '*')).toBe('allow');
  });

  it('matches resources per ARN part, case-sensitively', () => {
    expect(verdict(id(allow('s3:*', 'arn:aws:s3:::data/*')), 's3:GetObject', BUCKET)).toBe('allow');
    expect(verdict(id(allow('s3:*', 'arn:aws:s3:::Data/*')), 's3:GetObject', BUCKET)).toBe('deny');
    expect(verdict(id(allow('iam:*', 'arn:aws:iam::*:user/a?ice')), 'iam:GetUser', ALICE.arn)).toBe('allow');
    // A wildcard never spans the colon between the region and account parts.
    expect(verdict(id(allow('ec2:*', 'arn:aws:ec2:us-east-1*')), 'ec2:StartInstances', 'arn:aws:ec2:us-east-1:111111111111:instance/i-1')).toBe('deny');
    expect(verdict(id(allow('ec2:*', 'arn:aws:ec2:*:*:instance/*')), 'ec2:StartInstances', 'arn:aws:ec2:us-east-1:111111111111:instance/i-1')).toBe('allow');
  });

  it('asks about every resource with ALL_RESOURCES', () => {
    expect(verdict(id(allow('s3:GetObject', '*')), 's3:GetObject', ALL_RESOURCES)).toBe('allow');
    expect(verdict(id(allow('s3:GetObject', 'arn:aws:s3:::*')), 's3:GetObject', ALL_RESOURCES)).toBe('allow');
    expect(verdict(id(allow('s3:GetObject', 'arn:aws:s3:::data/*')), 's3:GetObject', ALL_RESOURCES)).toBe('deny');
  });

  it('NotAction and NotResource invert the match', () => {
    const set = id({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' });
    expect(verdict(set, 's3:GetObject', BUCKET)).toBe('allow');
    expect(verdict(set, 'iam:CreateUser', '*')).toBe('deny');
    const nr = id({ Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::secret/*' });
    expect(verdict(nr, 's3:GetObject', BUCKET)).toBe('allow');
    expect(verdict(nr, 's3:GetObject', 'arn:aws:s3:::secret/key')).toBe('deny');
  });
});

describe('precedence', () => {
  it('an explicit deny anywhere wins over any allow', () => {
    expect(verdict(id(allow('*'), deny('s3:GetObject')), 's3:GetObject', BUCKET)).toBe('deny');
    const set = { identity: [policy(allow('*'))], resource: policy(deny('s3:*', '*', { Principal: '*' })) };
    expect(verdict(set, 's3:GetObject', BUCKET)).toBe('deny');
    expect(verdict({ identity: [policy(allow('*'))], boundary: policy(allow('*'), deny('iam:*')) }, 'iam:CreateUser', '*')).toBe('deny');
  });

  it('every SCP level must allow', () => {
    const identity = [policy(allow('*'))];
    expect(verdict({ identity, scps: [[policy(allow('*'))], [policy(allow('s3:*'))]] }, 's3:GetObject', BUCKET)).toBe('allow');
    expect(verdict({ identity, scps: [[policy(allow('*'))], [policy(allow('s3:*'))]] }, 'ec2:RunInstances', '*')).toBe('deny');
    expect(verdict({ identity, scps: [[policy(allow('*'), deny('ec2:*'))]] }, 'ec2:RunInstances', '*')).toBe('deny');
    // An SCP never grants.
    expect(verdict({ scps: [[policy(allow('*'))]] }, 's3:GetObject', BUCKET)).toBe('deny');
  });

  it('a permissions boundary caps identity policies and never grants', () => {
    expect(verdict({ identity: [policy(allow('*'))], boundary: policy(allow('s3:*')) }, 'iam:CreateUser', '*')).toBe('deny');
    expect(verdict({ identity: [policy(allow('*'))], boundary: policy(allow('s3:*')) }, 's3:GetObject', BUCKET)).toBe('allow');
    expect(verdict({ identity: [], boundary: policy(allow('*')) }, 's3:GetObject', BUCKET)).toBe('deny');
  });

  it('within an account a resource policy naming the principal is enough; naming the account is not', () => {
    const named = policy(allow('s3:GetObject', 'arn:aws:s3:::data/*', { Principal: { AWS: ALICE.arn } }));
    expect(verdict({ resource: named }, 's3:GetObject', BUCKET)).toBe('allow');
    const account = policy(allow('s3:GetObject', 'arn:aws:s3:::data/*', { Principal: { AWS: 'arn:aws:iam::111111111111:root' } }));
    expect(verdict({ resource: account }, 's3:GetObject', BUCKET)).toBe('deny');
    expect(verdict({ resource: account, ...id(allow('s3:GetObject')) }, 's3:GetObject', BUCKET)).toBe('allow');
    // The boundary does not cap a grant to a user, but does cap one to a role ARN.
    const toRole = policy(allow('s3:GetObject', '*', { Principal: { AWS: ROLE.arn } }));
    expect(verdict({ resource: named, boundary: policy(allow('ec2:*')) }, 's3:GetObject', BUCKET)).toBe('allow');
    expect(verdict({ resource: toRole, boundary: policy(allow('ec2:*')) }, 's3:GetObject', BUCKET, { principal: ROLE })).toBe('deny');
  });

  it('across accounts both the identity and the resource policy must allow', () => {
    const res = 'arn:aws:sqs:us-east-1:111111111111:queue';
    const resource = policy(allow('sqs:SendMessage', res, { Principal: { AWS: '999999999999' } }));
    expect(verdict({ resource }, 'sqs:SendMessage', res, { principal: OUTSIDER })).toBe('deny');
    expect(verdict({ resource, ...id(allow('sqs:*')) }, 'sqs:SendMessage', res, { principal: OUTSIDER })).toBe('allow');
    expect(verdict(id(allow('sqs:*')), 'sqs:SendMessage', res, { principal: OUTSIDER })).toBe('deny');
  });

  it('NotPrincipal applies to everyone but the principals it names', () => {
    const resource = policy(deny('s3:*', '*', { NotPrincipal: { AWS: ALICE.arn } }));
    const identity = [policy(allow('s3:*'))];
    expect(verdict({ identity, resource }, 's3:GetObject', BUCKET)).toBe('allow');
    expect(verdict({ identity, resource }, 's3:GetObject', BUCKET, { principal: ROLE })).toBe('deny');
  });
});

describe('condition operators', () => {
  const known = (c: Record<string, unknown>, context: Record<string, ContextValue>) => verdict(cond(c), 's3:GetObject', BUCKET, { context, closed: true });

  it.each([
    ['StringEquals', 'a', 'a', 'b'],
    ['StringEqualsIgnoreCase', 'Abc', 'aBC', 'abd'],
    ['StringLike', 'ab*', 'abc', 'xbc'],
    ['NumericEquals', '5', '5', '6'],
    ['NumericLessThan', '5', '4', '5'],
    ['NumericLessThanEquals', '5', '5', '6'],
    ['NumericGreaterThan', '5', '6', '5'],
    ['NumericGreaterThanEquals', '5', '5', '4'],
    ['DateEquals', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z'],
    ['DateLessThan', '2024-01-01T00:00:00Z', '2023-12-31T00:00:00Z', '2024-01-02T00:00:00Z'],
    ['DateLessThanEquals', '2024-01-01T00:00:00Z', '1704067200', '2024-01-02T00:00:00Z'],
    ['DateGreaterThan', '2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z', '2023-01-01T00:00:00Z'],
    ['DateGreaterThanEquals', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', '2023-01-01T00:00:00Z'],
    ['Bool', 'true', 'true', 'false'],
    ['BinaryEquals', 'QmluYXJ5', 'QmluYXJ5', 'T3RoZXI='],
    ['IpAddress', '10.0.0.0/8', '10.1.2.3', '11.0.0.1'],
    ['IpAddress', '2001:db8::/32', '2001:db8::1', '2001:db9::1'],
    ['ArnEquals', 'arn:aws:iam::111111111111:role/app', 'arn:aws:iam::111111111111:role/app', 'arn:aws:iam::111111111111:role/other'],
    ['ArnLike', 'arn:aws:iam::*:role/app*', 'arn:aws:iam::111111111111:role/app-1', 'arn:aws:iam::111111111111:user/app'],
  ])('%s %s', (op, value, matching, other) => {
    expect(known({ [op]: { 'k:k': value } }, { 'k:k': matching })).toBe('allow');
    expect(known({ [op]: { 'k:k': value } }, { 'k:k': other })).toBe('deny');
    // Missing key: a positive operator is false.
    expect(known({ [op]: { 'k:k': value } }, {})).toBe('deny');
  });

  it.each([
    ['StringNotEquals', 'a', 'b', 'a'],
    ['StringNotEqualsIgnoreCase', 'a', 'b', 'A'],
    ['StringNotLike', 'a*', 'ba', 'ab'],
    ['NumericNotEquals', '5', '6', '5'],
    ['DateNotEquals', '2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z', '2024-01-01T00:00:00Z'],
    ['NotIpAddress', '10.0.0.0/8', '11.0.0.1', '10.0.0.1'],
    ['ArnNotEquals', 'arn:aws:iam::1:role/a', 'arn:aws:iam::1:role/b', 'arn:aws:iam::1:role/a'],
    ['ArnNotLike', 'arn:aws:iam::*:role/a*', 'arn:aws:iam::1:role/b', 'arn:aws:iam::1:role/ab'],
  ])('negated %s %s', (op, value, matching, other) => {
    expect(known({ [op]: { 'k:k': value } }, { 'k:k': matching })).toBe('allow');
    expect(known({ [op]: { 'k:k': value } }, { 'k:k': other })).toBe('deny');
    // Missing key: a negated operator is true.
    expect(known({ [op]: { 'k:k': value } }, {})).toBe('allow');
  });

  it('Null checks presence', () => {
    expect(known({ Null: { 'k:k': 'true' } }, {})).toBe('allow');
    expect(known({ Null: { 'k:k': 'true' } }, { 'k:k': 'x' })).toBe('deny');
    expect(known({ Null: { 'k:k': 'false' } }, { 'k:k': 'x' })).toBe('allow');
    expect(known({ Null: { 'k:k': 'false' } }, {})).toBe('deny');
  });

  it('IfExists is satisfied by a missing key and tests a present one', () => {
    expect(known({ StringEqualsIfExists: { 'k:k': 'a' } }, {})).toBe('allow');
    expect(known({ StringEqualsIfExists: { 'k:k': 'a' } }, { 'k:k': 'b' })).toBe('deny');
    expect(known({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }, { 'aws:multifactorauthpresent': 'true' })).toBe('allow');
  });

  it('ForAllValues and ForAnyValue compare sets', () => {
    const all = { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } };
    expect(known(all, { 'aws:TagKeys': ['team'] })).toBe('allow');
    expect(known(all, { 'aws:TagKeys': ['team', 'owner'] })).toBe('deny');
    expect(known(all, {})).toBe('allow');
    const any = { 'ForAnyValue:StringLike': { 'aws:TagKeys': ['team*'] } };
    expect(known(any, { 'aws:TagKeys': ['env', 'team-x'] })).toBe('allow');
    expect(known(any, { 'aws:TagKeys': ['env'] })).toBe('deny');
    expect(known(any, {})).toBe('deny');
  });

  it('several keys AND, several values OR', () => {
    const c = { StringEquals: { 'k:a': ['1', '2'], 'k:b': '3' } };
    expect(known(c, { 'k:a': '2', 'k:b': '3' })).toBe('allow');
    expect(known(c, { 'k:a': '2', 'k:b': '4' })).toBe('deny');
    expect(known(c, { 'k:a': '5', 'k:b': '3' })).toBe('deny');
  });

  it('key names are case-insensitive', () => {
    expect(known({ StringEquals: { 'AWS:PrincipalTag/Team': 'red' } }, { 'aws:principaltag/team': 'red' })).toBe('allow');
  });
});

describe('policy variables', () => {
  it('substitutes principal values in resources and conditions', () => {
    const set = id(allow('iam:CreateAccessKey', 'arn:aws:iam::111111111111:user/${aws:username}'));
    const context = { 'aws:username': 'alice' };
    expect(verdict(set, 'iam:CreateAccessKey', ALICE.arn, { context, closed: true })).toBe('allow');
    expect(verdict(set, 'iam:CreateAccessKey', 'arn:aws:iam::111111111111:user/bob', { context, closed: true })).toBe('deny');
    const tag = cond({ StringEquals: { 's3:ExistingObjectTag/team': '${aws:PrincipalTag/team}' } });
    expect(verdict(tag, 's3:GetObject', BUCKET, { context: { 's3:ExistingObjectTag/team': 'red', 'aws:PrincipalTag/team': 'red' }, closed: true })).toBe('allow');
    expect(verdict(tag, 's3:GetObject', BUCKET, { context: { 's3:ExistingObjectTag/team': 'red', 'aws:PrincipalTag/team': 'blue' }, closed: true })).toBe('deny');
  });

  it('supports defaults and the ${*} ${?} ${$} escapes', () => {
    const d = id(allow('s3:GetObject', 'arn:aws:s3:::data/${aws:PrincipalTag/dept, \'shared\'}/*'));
    expect(verdict(d, 's3:GetObject', 'arn:aws:s3:::data/shared/x', { closed: true })).toBe('allow');
    const star = id(allow('s3:GetObject', 'arn:aws:s3:::data/${*}literal'));
    expect(verdict(star, 's3:GetObject', 'arn:aws:s3:::data/*literal')).toBe('allow');
    expect(verdict(star, 's3:GetObject', 'arn:aws:s3:::data/xliteral')).toBe('deny');
    const q = id(allow('s3:GetObject', 'arn:aws:s3:::data/a${?}${$}'));
    expect(verdict(q, 's3:GetObject', 'arn:aws:s3:::data/a?$')).toBe('allow');
    expect(verdict(q, 's3:GetObject', 'arn:aws:s3:::data/ab$')).toBe('deny');
  });

  it('an unknown variable makes a match only possible', () => {
    const set = id(allow('iam:CreateAccessKey', 'arn:aws:iam::111111111111:user/${aws:username}'));
    expect(verdict(set, 'iam:CreateAccessKey', ALICE.arn)).toBe('conditional');
  });
});

describe('unknown context keys', () => {
  it('a condition on an unknown key may be satisfied; the strict answer is conditional', () => {
    expect(verdict(cond({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }), 's3:GetObject', BUCKET)).toBe('conditional');
    expect(verdict(cond({ Bool: { 'aws:SecureTransport': 'true' } }), 's3:GetObject', BUCKET)).toBe('conditional');
    // A conditional deny does not remove an allow, but makes it conditional.
    expect(verdict(id(allow('*'), deny('*', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } })), 's3:GetObject', BUCKET)).toBe('conditional');
  });

  it('definitively unsatisfiable conditions never match', () => {
    for (const c of [
      { IpAddress: { 'aws:SourceIp': 'not-an-ip' } },
      { Bool: { 'aws:SecureTransport': 'maybe' } },
      { NumericLessThan: { 's3:max-keys': 'ten' } },
      { StringEquals: { 'aws:SourceVpc': [] } },
      { Null: { 'aws:SourceVpc': 'true' }, StringEquals: { 'aws:SourceVpc': 'vpc-1' } },
      { StringEquals: { 'aws:username': 'alice' }, StringNotEquals: { 'aws:username': ['alice', 'bob'] } },
      { NumericLessThan: { 's3:max-keys': '5' }, NumericGreaterThan: { 's3:max-keys': '10' } },
      { DateLessThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' }, DateGreaterThanEquals: { 'aws:CurrentTime': '2021-01-01T00:00:00Z' } },
    ]) expect(verdict(cond(c), 's3:GetObject', BUCKET), JSON.stringify(c)).toBe('deny');
    // Not contradictions: IfExists, and a range that leaves values.
    expect(verdict(cond({ Null: { 'k:k': 'true' }, StringEqualsIfExists: { 'k:k': 'v' } }), 's3:GetObject', BUCKET)).toBe('conditional');
    expect(verdict(cond({ NumericLessThan: { 'k:k': '10' }, NumericGreaterThan: { 'k:k': '5' } }), 's3:GetObject', BUCKET)).toBe('conditional');
  });
});
