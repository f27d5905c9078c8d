import { beforeAll, describe, expect, it } from 'vitest';
import { loadActionCatalogue, type ActionCatalogue } from '../catalogue.js';
import { ALL_RESOURCES, variableKeys } from '../evaluate/index.js';
import { allow, arn, deny, group, inventoryOf, managedPolicy, role, trustAws, trustService, user } from '../fixtures.js';
import { IamModel } from './iam-model.js';
import { strengthOf } from './strength.js';

/**
 * The escalation analysis skips or shares evaluations (surely-denied requests, decisions and strengths per
 * distinct policy set, strength classes). Each shortcut must give what a plain evaluation gives, on an account
 * where principals share policies but differ in what their contexts make of them.
 */
const records = () => [
  ...managedPolicy('self-keys', [[allow(['iam:CreateAccessKey', 'iam:UpdateLoginProfile'], 'arn:aws:iam::*:user/${aws:username}')]]),
  ...managedPolicy('team-secrets', [[allow('secretsmanager:GetSecretValue', '*', { Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } } })]]),
  ...managedPolicy('tagged-admin', [[allow('*', '*', { Condition: { StringEquals: { 'aws:PrincipalTag/level': 'admin' } } })]]),
  ...managedPolicy('mfa-all', [[allow('*', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }), deny('iam:*')]]),
  ...managedPolicy('lambda-dev', [[allow(['lambda:*'], '*'), allow('iam:PassRole', '*', { Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } })]]),
  ...managedPolicy('assume-ops', [[allow('sts:AssumeRole', arn('role/ops-*'))]]),
  ...managedPolicy('cap', [[allow(['iam:*', 's3:*', 'sts:*'])]]),
  ...group('keys', { attached: [arn('policy/self-keys')] }),
  ...group('secrets', { attached: [arn('policy/team-secrets')] }),
  ...user('ann', { groups: ['keys', 'secrets'], tags: { team: 'a' } }),
  ...user('bob', { groups: ['keys', 'secrets'], tags: { team: 'b' } }),
  ...user('cat', { groups: ['keys'], attached: [arn('policy/tagged-admin')], tags: { level: 'admin' } }),
  ...user('dan', { groups: ['keys'], attached: [arn('policy/tagged-admin')], tags: { level: 'user' } }),
  ...user('eve', { attached: [arn('policy/mfa-all')] }),
  ...user('fay', { attached: [arn('policy/mfa-all')] }),
  ...user('gus', { attached: [arn('policy/lambda-dev'), arn('policy/assume-ops')] }),
  ...user('hal', { attached: [arn('policy/lambda-dev'), arn('policy/assume-ops')], boundary: arn('policy/cap') }),
  ...role('ops-admin', { trust: [trustAws(arn('root'))], policies: [allow('*')] }),
  ...role('ops-named', { trust: [trustAws(arn('user/gus'))], policies: [allow('s3:*')] }),
  ...role('ext', { trust: [trustAws(arn('root'), { Condition: { StringEquals: { 'sts:ExternalId': 'x' } } })], policies: [allow('ec2:*')] }),
  ...role('fn', { trust: [trustService('lambda.amazonaws.com')], policies: [allow('dynamodb:*')] }),
];

let catalogue: ActionCatalogue;
beforeAll(async () => { catalogue = await loadActionCatalogue(); });
/** A model per question: shared caches must not leak one question's answer into another's. */
const fresh = () => IamModel.build(inventoryOf(records()), catalogue);

const ACTIONS = ['iam:CreateAccessKey', 'iam:UpdateLoginProfile', 'iam:AttachUserPolicy', 'iam:PassRole', 'lambda:CreateFunction', 'secretsmanager:GetSecretValue', 'sts:AssumeRole', 's3:GetObject'];

describe('escalation shortcuts', () => {
  it('rules out a request as surely denied only when evaluating it denies it', () => {
    const model = fresh();
    const resources = [ALL_RESOURCES, ...model.principals().map((p) => p.arn), arn('group/keys')];
    let ruledOut = 0;
    for (const p of model.principals()) {
      for (const action of ACTIONS) {
        for (const resource of resources) {
          if (!model.surelyDenied(p, action, resource)) continue;
          ruledOut++;
          expect(model.decide(p, action, resource).verdict, `${p.name} ${action} ${resource}`).toBe('deny');
        }
      }
    }
    expect(ruledOut).toBeGreaterThan(100);
    // A trust policy naming the principal itself grants without its identity policies: never ruled out.
    expect(model.surelyDenied(model.principal(arn('user/gus'))!, 'sts:AssumeRole', arn('role/ops-named'))).toBe(false);
    // Its own keys, not another user's: the ${aws:username} pattern is resolved per principal.
    const ann = model.principal(arn('user/ann'))!;
    expect(model.surelyDenied(ann, 'iam:CreateAccessKey', ann.arn)).toBe(false);
    expect(model.surelyDenied(ann, 'iam:CreateAccessKey', arn('user/bob'))).toBe(true);
  });

  it('shares decisions and strengths only between principals they are the same for', () => {
    const shared = fresh();
    const plain = fresh();
    const roles = shared.roles().map((r) => r.arn);
    for (const p of shared.principals()) {
      const q = plain.principal(p.arn)!;
      expect(shared.strength(p.arn).anyResource.words, p.name).toEqual(strengthOf(plain.policySet(q), q.context, catalogue).anyResource.words);
      expect(shared.strength(p.arn).allResources.words, p.name).toEqual(strengthOf(plain.policySet(q), q.context, catalogue).allResources.words);
      for (const r of roles) {
        if (r === p.arn) continue;
        expect(shared.canAssume(p, r), `${p.name} assumes ${r}`).toEqual(plain.decide(q, 'sts:AssumeRole', r));
        expect(shared.decideShared(p, 'iam:PassRole', r, { 'iam:PassedToService': 'lambda.amazonaws.com' }), `${p.name} passes ${r}`)
          .toEqual(plain.decide(q, 'iam:PassRole', r, { 'iam:PassedToService': 'lambda.amazonaws.com' }));
      }
      for (const action of ACTIONS) {
        for (const resource of [ALL_RESOURCES, p.arn, arn('user/ann')]) {
          expect(shared.decideShared(p, action, resource), `${p.name} ${action} ${resource}`).toEqual(plain.decide(q, action, resource));
        }
      }
    }
    // Same policies, different tags: one is admin, the other not.
    expect(shared.strength(arn('user/cat')).fullAccess).toBe(true);
    expect(shared.strength(arn('user/dan')).fullAccess).toBe(false);
  });

  it('decides "stronger than" per strength class as the action sets do', () => {
    const model = fresh();
    for (const a of model.principals()) {
      for (const b of model.principals()) {
        expect(model.isStronger(a.arn, b.arn), `${a.name} > ${b.name}`).toBe(!model.notStronger(model.strength(a.arn), model.strength(b.arn)));
      }
      for (const kind of ['user', 'role'] as const) {
        const expected = model.principals().filter((t) => t.kind === kind && t.account === a.account && !model.notStronger(model.strength(t.arn), model.strength(a.arn)));
        expect(model.strongerInAccount(a, kind).map((t) => t.arn)).toEqual(expected.map((t) => t.arn));
      }
    }
    expect(model.isStronger(arn('user/cat'), arn('user/dan'))).toBe(true);
  });

  it('names the context keys a pattern reads', () => {
    expect(variableKeys('arn:aws:iam::*:user/${aws:username}')).toEqual(['aws:username']);
    expect(variableKeys("arn:aws:s3:::b/${aws:PrincipalTag/team, 'none'}/${*}")).toEqual(['aws:principaltag/team']);
    expect(variableKeys('arn:aws:s3:::plain')).toEqual([]);
  });
});
