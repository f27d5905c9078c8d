import { describe, expect, it } from 'vitest';
import { accountRootArn, ec2Arn, iamArn, s3BucketArn } from '../aws/identifiers.js';
import { awsResourceRef, kindOfArn, nameOfArn, normalizeArn } from './aws-resource.js';

const A = '123456789012';
const base = { account: A, region: 'eu-west-1' };

describe('awsResourceRef: tool resources as the AWS collector\'s asset uids', () => {
  it('keeps ARNs and names their kind as the collector does', () => {
    expect(awsResourceRef({ ...base, arn: `arn:aws:iam::${A}:role/service-role/deploy` })).toMatchObject({
      uid: `arn:aws:iam::${A}:role/service-role/deploy`, kind: 'aws.iam.role', name: 'deploy', account: A, region: null, exact: true,
    });
    expect(awsResourceRef({ ...base, id: 'arn:aws:s3:::logs' })).toMatchObject({ uid: 'arn:aws:s3:::logs', kind: 'aws.s3.bucket', account: null });
    expect(awsResourceRef({ ...base, arn: ec2Arn('eu-west-1', A, 'instance', 'i-0abc') })).toMatchObject({ kind: 'aws.ec2.instance', region: 'eu-west-1' });
    expect(awsResourceRef({ ...base, arn: accountRootArn('aws', A) })).toMatchObject({ kind: 'aws.account' });
  });

  it('builds the collector\'s ARN from bare ids and names where the type says how', () => {
    expect(awsResourceRef({ ...base, id: 'i-0abc123', type: 'AwsEc2Instance' }).uid).toBe(ec2Arn('eu-west-1', A, 'instance', 'i-0abc123'));
    expect(awsResourceRef({ ...base, id: 'sg-0123' }).uid).toBe(ec2Arn('eu-west-1', A, 'security-group', 'sg-0123'));
    expect(awsResourceRef({ ...base, id: 'vpc-0123', type: 'AwsEc2Vpc' }).uid).toBe(ec2Arn('eu-west-1', A, 'vpc', 'vpc-0123'));
    expect(awsResourceRef({ ...base, id: 'logs', type: 'AwsS3Bucket' }).uid).toBe(s3BucketArn('aws', 'logs'));
    expect(awsResourceRef({ ...base, id: 'ci', type: 'AwsIamRole' }).uid).toBe(iamArn('aws', A, 'role/ci'));
    expect(awsResourceRef({ ...base, id: 'alice', type: 'AwsIamUser' })).toMatchObject({ uid: iamArn('aws', A, 'user/alice'), kind: 'aws.iam.user' });
    expect(awsResourceRef({ account: A, region: 'cn-north-1', id: 'logs', type: 'AwsS3Bucket' }).uid).toBe('arn:aws-cn:s3:::logs');
    // A placeholder partition (Prowler's example outputs) is not a partition: the region's is used.
    expect(awsResourceRef({ ...base, id: 'logs', type: 'AwsS3Bucket', partition: '<partition>' }).uid).toBe('arn:aws:s3:::logs');
  });

  it('names the account itself by its root ARN', () => {
    const root = accountRootArn('aws', A);
    expect(awsResourceRef({ ...base, id: A, type: 'Other' })).toMatchObject({ uid: root, kind: 'aws.account', region: null, exact: true });
    expect(awsResourceRef({ ...base, id: `AWS::::Account:${A}`, type: 'AwsAccount' })).toMatchObject({ uid: root, exact: true });
  });

  it('keeps ASFF\'s typed ids that have no ARN', () => {
    expect(awsResourceRef({ ...base, id: 'AWS::IAM::AccessKey:AKIAEXAMPLE', type: 'AwsIamAccessKey' }))
      .toMatchObject({ uid: 'AWS::IAM::AccessKey:AKIAEXAMPLE', kind: 'aws.iam.access-key', exact: true });
  });

  it('attaches what it cannot name to the account, marked inexact', () => {
    const root = accountRootArn('aws', A);
    expect(awsResourceRef({ ...base, id: 'No trails', type: 'AwsCloudTrailTrail' })).toMatchObject({ uid: root, exact: false });
    expect(awsResourceRef({ ...base, id: 'password_policy', type: 'AwsIamPasswordPolicy' })).toMatchObject({ uid: root, exact: false });
    expect(awsResourceRef({ ...base, type: 'AwsAccount' })).toMatchObject({ uid: root, exact: false });
    // A bare instance id needs a region to be an ARN.
    expect(awsResourceRef({ account: A, region: 'global', id: 'i-0abc' })).toMatchObject({ uid: root, exact: false });
  });
});

describe('ARN helpers', () => {
  it('puts back the resource type some exports drop from EC2 ARNs', () => {
    expect(normalizeArn(`arn:aws:ec2:us-east-1:${A}:i-0123456789abcdef0`)).toBe(`arn:aws:ec2:us-east-1:${A}:instance/i-0123456789abcdef0`);
    expect(normalizeArn(` arn:aws:ec2:us-east-1:${A}:volume/vol-1 `)).toBe(`arn:aws:ec2:us-east-1:${A}:volume/vol-1`);
    expect(normalizeArn('not an arn')).toBe('not an arn');
  });

  it('infers kinds and names from any ARN', () => {
    expect(kindOfArn(`arn:aws:lambda:eu-west-1:${A}:function:resize`)).toBe('aws.lambda.function');
    expect(kindOfArn(`arn:aws:acm:eu-west-1:${A}:certificate/abc`)).toBe('aws.acm.certificate');
    expect(kindOfArn('arn:aws:s3:::logs/2024/x.gz')).toBe('aws.s3.object');
    expect(kindOfArn(`arn:aws:sns:eu-west-1:${A}:alerts`)).toBe('aws.resource');
    expect(kindOfArn('nonsense')).toBe('aws.resource');
    expect(nameOfArn(`arn:aws:logs:eu-west-1:${A}:log-group:/aws/lambda/x:*`)).toBe('x');
  });
});
