import { beforeAll, describe, expect, it } from 'vitest';
import { accessDenied, readDump, type DumpRecords } from './dump-fixture.js';

// Hand-written output of the IAM credential calls, as `aws iam ...` prints them.
const A = '111122223333';
const G = `${A}/global`;
const alice = `arn:aws:iam::${A}:user/alice`;
const bob = `arn:aws:iam::${A}:user/ops/bob`;
const user = (name: string, arn: string) => ({ Path: '/', UserName: name, UserId: `AIDA${name.toUpperCase().padEnd(17, '0')}`, Arn: arn,
  CreateDate: '2024-01-01T00:00:00Z', GroupList: [], AttachedManagedPolicies: [], Tags: [] });

const header = 'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,'
  + 'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,'
  + 'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,'
  + 'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const csv = [header,
  `<root_account>,arn:aws:iam::${A}:root,2020-01-01T00:00:00+00:00,not_supported,2025-02-01T09:00:00+00:00,not_supported,not_supported,false,`
    + 'true,2020-01-02T00:00:00+00:00,2025-01-15T00:00:00+00:00,us-east-1,iam,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  `alice,${alice},2024-01-01T00:00:00+00:00,true,2025-03-01T08:00:00+00:00,2024-01-01T00:00:00+00:00,N/A,true,`
    + 'true,2024-01-01T00:00:00+00:00,2025-03-01T07:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  `bob,${bob},2024-06-01T00:00:00+00:00,true,no_information,2024-06-01T00:00:00+00:00,N/A,false,`
    + 'true,2024-06-01T00:00:00+00:00,N/A,N/A,N/A,true,2024-07-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A',
].join('\n');
const report = { Content: Buffer.from(csv).toString('base64'), ReportFormat: 'text/csv', GeneratedTime: '2025-03-02T00:00:00+00:00' };
const policy = { PasswordPolicy: { MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true,
  RequireLowercaseCharacters: true, AllowUsersToChangePassword: true, ExpirePasswords: false, PasswordReusePrevention: 24 } };

const files: Record<string, unknown> = {
  [`${G}/iam-get-account-authorization-details.json`]: { UserDetailList: [user('alice', alice), user('bob', bob)], GroupDetailList: [], RoleDetailList: [], Policies: [] },
  [`${G}/iam-get-credential-report.json`]: report,
  [`${G}/iam-get-account-password-policy.json`]: policy,
  [`${G}/iam-list-access-keys/alice.json`]: { AccessKeyMetadata: [{ UserName: 'alice', AccessKeyId: 'AKIAALICE0000000KEY1', Status: 'Active', CreateDate: '2024-01-01T00:00:00+00:00' }] },
  [`${G}/iam-get-access-key-last-used/AKIAALICE0000000KEY1.json`]: { UserName: 'alice', AccessKeyLastUsed: { LastUsedDate: '2025-03-01T07:00:00+00:00', ServiceName: 's3', Region: 'us-east-1' } },
  [`${G}/iam-list-mfa-devices/alice.json`]: { MFADevices: [{ UserName: 'alice', SerialNumber: `arn:aws:iam::${A}:mfa/alice`, EnableDate: '2024-01-02T00:00:00+00:00' }] },
  [`${G}/iam-list-access-keys/bob.json`]: { AccessKeyMetadata: [
    { UserName: 'bob', AccessKeyId: 'AKIABOB00000000KEY01', Status: 'Active', CreateDate: '2024-06-01T00:00:00+00:00' },
    { UserName: 'bob', AccessKeyId: 'AKIABOB00000000KEY02', Status: 'Inactive', CreateDate: '2024-07-01T00:00:00+00:00' }] },
  [`${G}/iam-get-access-key-last-used/AKIABOB00000000KEY01.json`]: { UserName: 'bob', AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } },
  [`${G}/iam-list-mfa-devices/bob.json`]: accessDenied('iam:ListMFADevices'),
};

let d: DumpRecords;
beforeAll(async () => {
  d = await readDump(files);
});

describe('aws dump reader: IAM credentials', () => {
  it('decodes the credential report onto each user, with booleans and "not applicable" as null', () => {
    expect(d.asset(alice)?.properties?.CredentialReport).toMatchObject({ user: 'alice', password_enabled: true, password_last_used: '2025-03-01T08:00:00+00:00',
      mfa_active: true, access_key_1_active: true, access_key_1_last_used_date: '2025-03-01T07:00:00+00:00', access_key_2_active: false,
      access_key_2_last_rotated: null, password_next_rotation: null });
    expect(d.asset(bob)?.properties?.CredentialReport).toMatchObject({ password_last_used: null, mfa_active: false, access_key_2_active: true });
  });

  it('puts the root row, the report time and the password policy on the account', () => {
    const account = d.asset(`arn:aws:iam::${A}:root`)?.properties;
    expect(account).toMatchObject({ CredentialReportGeneratedTime: '2025-03-02T00:00:00+00:00', PasswordPolicy: policy.PasswordPolicy,
      RootCredentials: { user: '<root_account>', mfa_active: false, access_key_1_active: true, password_enabled: null, password_last_used: '2025-02-01T09:00:00+00:00' } });
  });

  it('lists access keys with creation date and last use, and MFA devices, per user', () => {
    expect(d.asset(alice)?.properties).toMatchObject({
      AccessKeys: [{ AccessKeyId: 'AKIAALICE0000000KEY1', Status: 'Active', CreateDate: '2024-01-01T00:00:00+00:00',
        LastUsed: { LastUsedDate: '2025-03-01T07:00:00+00:00', ServiceName: 's3', Region: 'us-east-1' } }],
      MFADevices: [{ SerialNumber: `arn:aws:iam::${A}:mfa/alice` }],
    });
    const keys = d.asset(bob)?.properties?.AccessKeys;
    expect(keys).toEqual([
      { UserName: 'bob', AccessKeyId: 'AKIABOB00000000KEY01', Status: 'Active', CreateDate: '2024-06-01T00:00:00+00:00', LastUsed: { ServiceName: 'N/A', Region: 'N/A' } },
      { UserName: 'bob', AccessKeyId: 'AKIABOB00000000KEY02', Status: 'Inactive', CreateDate: '2024-07-01T00:00:00+00:00' }]);
  });

  it('keeps a refused per-user call on the user and makes the iam scope partial', () => {
    expect(d.asset(bob)?.properties).not.toHaveProperty('MFADevices');
    expect(d.asset(bob)?.properties?.CollectionErrors).toEqual({ 'iam-list-mfa-devices': 'iam-list-mfa-devices/bob: AccessDenied: User is not authorized to perform: iam:ListMFADevices' });
    expect(d.coverage(`aws:${A}:global:iam`)).toMatchObject([{ coverage: 'partial', error: 'iam-list-mfa-devices/bob: AccessDenied: User is not authorized to perform: iam:ListMFADevices' }]);
  });

  it('reads NoSuchEntity as "no password policy" and a missing report as nothing', async () => {
    const none = await readDump({
      [`${G}/iam-get-account-authorization-details.json`]: { UserDetailList: [user('alice', alice)] },
      [`${G}/iam-get-account-password-policy.json`]: { Error: { Code: 'NoSuchEntity', Message: `The Password Policy with domain name ${A} cannot be found.` } },
    });
    const account = none.asset(`arn:aws:iam::${A}:root`)?.properties;
    expect(account).toMatchObject({ PasswordPolicy: null });
    expect(account).not.toHaveProperty('RootCredentials');
    expect(none.asset(alice)?.properties).not.toHaveProperty('CredentialReport');
    expect(none.coverage(`aws:${A}:global:iam`)).toMatchObject([{ coverage: 'complete' }]);
  });

  it('makes the scope partial when the report is not there, and names the file of a report that is not CSV', async () => {
    const absent = await readDump({
      [`${G}/iam-get-account-authorization-details.json`]: { UserDetailList: [] },
      [`${G}/iam-get-credential-report.json`]: { Error: { Code: 'ReportNotPresent', Message: 'Received a report not present' } },
    });
    expect(absent.coverage(`aws:${A}:global:iam`)).toMatchObject([{ coverage: 'partial', error: 'iam-get-credential-report: ReportNotPresent: Received a report not present' }]);
    await expect(readDump({ [`${G}/iam-get-credential-report.json`]: { Content: Buffer.from('<html>').toString('base64') } }))
      .rejects.toThrow(/iam-get-credential-report\.json: field Content: not a credential report/);
  });

  it('accepts a report a tool already decoded to CSV text', async () => {
    const plain = await readDump({
      [`${G}/iam-get-account-authorization-details.json`]: { UserDetailList: [user('alice', alice)] },
      [`${G}/iam-get-credential-report.json`]: { Content: csv, GeneratedTime: '2025-03-02T00:00:00+00:00' },
    });
    expect(plain.asset(alice)?.properties?.CredentialReport).toMatchObject({ mfa_active: true });
  });
});
