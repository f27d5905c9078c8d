import { describe, expect, it } from 'vitest';
import type { CheckResult } from './check-result.js';
import { resourceOf } from './cloud-resource.js';

function result(provider: string, resource: Partial<CheckResult['resource']>, over: Partial<CheckResult> = {}): CheckResult {
  return {
    checkId: 'c', status: 'FAIL', muted: false, provider, account: 'acct-1', region: 'eu-west-1', partition: null, severity: 'high',
    checkTitle: null, statusExtended: null, checkDescription: null, risk: null, remediation: null, references: [], compliance: {},
    resource: { uid: null, name: null, type: null, namespace: null, ...resource }, findingUid: null, service: null, categories: [],
    checkType: [], version: null, ...over,
  };
}

describe('resourceOf: the asset of a Prowler result, by provider', () => {
  it('finds an AWS resource by its ARN, else by a bare id in its uid or name', () => {
    const A = '123456789012';
    expect(resourceOf(result('aws', { uid: `arn:aws:ec2:eu-west-1:${A}:instance/i-1`, name: 'web' }, { account: A })))
      .toMatchObject({ uid: `arn:aws:ec2:eu-west-1:${A}:instance/i-1`, name: 'web', exact: true });
    expect(resourceOf(result('aws', { uid: 'i-0abc', name: 'web-1', type: 'AwsEc2Instance' }, { account: A })).uid)
      .toBe(`arn:aws:ec2:eu-west-1:${A}:instance/i-0abc`);
    expect(resourceOf(result('aws', { uid: null, name: 'payroll', type: 'AwsS3Bucket' }, { account: A })).uid).toBe('arn:aws:s3:::payroll');
  });

  it('keeps Azure resource ids, lower-cased (Azure ids ignore case)', () => {
    const id = '/subscriptions/S1/resourceGroups/RG/providers/Microsoft.Storage/storageAccounts/Data';
    expect(resourceOf(result('azure', { uid: id, name: 'Data' }))).toMatchObject({ uid: id.toLowerCase(), kind: 'azure.resource', exact: true });
  });

  it('names other providers\' resources under their account, and Kubernetes ones under their namespace', () => {
    expect(resourceOf(result('gcp', { uid: '1234', name: 'fw-rdp' }, { account: 'proj' }))).toMatchObject({ uid: 'gcp:proj/1234', kind: 'gcp.resource' });
    expect(resourceOf(result('kubernetes', { uid: 'u-1', name: 'kube-apiserver', namespace: 'kube-system' }, { account: 'prod' })).uid)
      .toBe('kubernetes:prod/kube-system/u-1');
    expect(resourceOf(result('gcp', {}, { account: 'proj' }))).toMatchObject({ uid: 'gcp:proj', kind: 'gcp.account', exact: false });
  });
});
