import { describe, expect, it } from 'vitest';
import { decodePolicyDocument } from './policy-document.js';
import { trustedPrincipals } from './trust-policy.js';

const trusted = (statement: unknown) => trustedPrincipals({ Version: '2012-10-17', Statement: statement }, 'aws', 'f.json', 'Doc')
  .map((t) => t.principal).sort();

describe('trust policy principals', () => {
  it('maps every principal form to a uid', () => {
    expect(trusted({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' })).toEqual(['*']);
    expect(trusted([{ Effect: 'Allow', Principal: { AWS: ['123456789012', 'arn:aws:iam::210987654321:user/bob'], Service: ['lambda.amazonaws.com'] }, Action: 'sts:AssumeRole' }]))
      .toEqual(['arn:aws:iam::123456789012:root', 'arn:aws:iam::210987654321:user/bob', 'service:lambda.amazonaws.com']);
    expect(trusted([{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::123456789012:saml-provider/okta' }, Action: 'sts:AssumeRoleWithSAML' },
      { Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }]))
      .toEqual(['arn:aws:iam::123456789012:saml-provider/okta', 'federated:cognito-identity.amazonaws.com']);
  });

  it('uses the partition for bare account ids', () => {
    expect(trustedPrincipals({ Statement: { Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 'sts:AssumeRole' } }, 'aws-us-gov', 'f', 'Doc')
      .map((t) => t.principal)).toEqual(['arn:aws-us-gov:iam::123456789012:root']);
  });

  it('counts only Allow statements whose actions grant an sts:AssumeRole* action', () => {
    expect(trusted([
      { Effect: 'Deny', Principal: { AWS: '111111111111' }, Action: 'sts:AssumeRole' },
      { Effect: 'Allow', Principal: { AWS: '222222222222' }, Action: 'sts:TagSession' },
      { Effect: 'Allow', Principal: { AWS: '333333333333' }, Action: 'STS:assume*' },
      { Effect: 'Allow', Principal: { AWS: '444444444444' }, Action: '*' },
    ])).toEqual(['arn:aws:iam::333333333333:root', 'arn:aws:iam::444444444444:root']);
  });

  it('merges statements of one principal: unconditional wins, conditions are kept', () => {
    const [t] = trustedPrincipals({ Statement: [
      { Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
      { Effect: 'Allow', Principal: { AWS: ['123456789012'] }, Action: ['sts:TagSession', 'sts:AssumeRole'] },
    ] }, 'aws', 'f', 'Doc');
    expect(t).toEqual({ principal: 'arn:aws:iam::123456789012:root', actions: ['sts:AssumeRole', 'sts:TagSession'], unconditional: true,
      conditions: [{ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }] });
  });
});

describe('policy documents', () => {
  const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::a b/*' }] };

  it('accepts the object the CLI prints, URL-encoded text from the API, and plain JSON text', () => {
    expect(decodePolicyDocument(doc, 'f', 'Doc')).toBe(doc);
    expect(decodePolicyDocument(encodeURIComponent(JSON.stringify(doc)), 'f', 'Doc')).toEqual(doc);
    expect(decodePolicyDocument(JSON.stringify(doc), 'f', 'Doc')).toEqual(doc);
  });

  it('names the file and field of a document it cannot read', () => {
    expect(() => decodePolicyDocument('%E0%A4%A', 'f.json', 'RoleDetailList.0.AssumeRolePolicyDocument')).toThrow(/f\.json: field RoleDetailList\.0\.AssumeRolePolicyDocument: not a URL-encoded/);
    expect(() => decodePolicyDocument('%5B1%5D', 'f.json', 'Doc')).toThrow(/f\.json: field Doc: policy document is not a JSON object/);
    expect(() => decodePolicyDocument(42, 'f.json', 'Doc')).toThrow(/f\.json: field Doc: expected a policy document/);
  });
});
