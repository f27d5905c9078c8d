import { beforeAll, describe, expect, it } from 'vitest';
import { accessDenied, readDump, type DumpRecords } from './dump-fixture.js';

// Hand-written output of `aws kms list-keys`, `describe-key --key-id` and `get-key-rotation-status --key-id`.
const A = '111122223333';
const R = `${A}/us-east-1`;
const CMK = '1234abcd-12ab-34cd-56ef-1234567890ab';
const AWS_MANAGED = '0987dcba-09fe-87dc-65ba-ab0987654321';
const ASYMMETRIC = 'mrk-1234abcd12ab34cd56ef1234567890ab';
const DENIED = '5555aaaa-55aa-55aa-55aa-5555aaaa5555';
const keyArn = (id: string) => `arn:aws:kms:us-east-1:${A}:key/${id}`;
const metadata = (id: string, extra: Record<string, unknown>) => ({ KeyMetadata: {
  AWSAccountId: A, KeyId: id, Arn: keyArn(id), CreationDate: '2025-01-01T00:00:00.000000+00:00', Enabled: true, Description: '',
  KeyUsage: 'ENCRYPT_DECRYPT', KeyState: 'Enabled', Origin: 'AWS_KMS', KeyManager: 'CUSTOMER', CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
  KeySpec: 'SYMMETRIC_DEFAULT', EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'], MultiRegion: false, ...extra,
} });

const files: Record<string, unknown> = {
  [`${R}/kms-list-keys.json`]: { Keys: [CMK, AWS_MANAGED, ASYMMETRIC, DENIED].map((id) => ({ KeyId: id, KeyArn: keyArn(id) })) },
  [`${R}/kms-describe-key/${CMK}.json`]: metadata(CMK, { Description: 'app data' }),
  [`${R}/kms-describe-key/${AWS_MANAGED}.json`]: metadata(AWS_MANAGED, { KeyManager: 'AWS', Description: 'Default key that protects my S3 objects' }),
  [`${R}/kms-describe-key/${ASYMMETRIC}.json`]: metadata(ASYMMETRIC, { KeyUsage: 'SIGN_VERIFY', KeySpec: 'RSA_2048', MultiRegion: true }),
  [`${R}/kms-describe-key/${DENIED}.json`]: accessDenied('kms:DescribeKey'),
  [`${R}/kms-get-key-rotation-status/${CMK}.json`]: { KeyRotationEnabled: false, KeyId: keyArn(CMK) },
  [`${R}/kms-get-key-rotation-status/${AWS_MANAGED}.json`]: { KeyRotationEnabled: true, KeyId: keyArn(AWS_MANAGED), RotationPeriodInDays: 365 },
  [`${R}/kms-get-key-rotation-status/${ASYMMETRIC}.json`]: { Error: { Code: 'UnsupportedOperationException', Message: 'is not supported for this key' } },
  [`${R}/kms-get-key-rotation-status/${DENIED}.json`]: accessDenied('kms:GetKeyRotationStatus'),
};

let d: DumpRecords;
beforeAll(async () => {
  d = await readDump(files);
});

describe('aws dump reader: KMS', () => {
  it('emits keys with their metadata and rotation status', () => {
    expect(d.asset(keyArn(CMK))).toMatchObject({ kind: 'aws.kms.key', name: CMK, properties: { KeyManager: 'CUSTOMER', KeyState: 'Enabled', KeyRotationEnabled: false } });
    expect(d.asset(keyArn(AWS_MANAGED))?.properties).toMatchObject({ KeyManager: 'AWS', KeyRotationEnabled: true });
    expect(d.scopeOf(keyArn(CMK))).toBe(`aws:${A}:us-east-1:kms`);
  });

  it('records rotation as null where it does not apply, and absent when it was refused', () => {
    expect(d.asset(keyArn(ASYMMETRIC))?.properties).toMatchObject({ KeySpec: 'RSA_2048', KeyRotationEnabled: null });
    const denied = d.asset(keyArn(DENIED))?.properties;
    expect(denied).toEqual({ KeyId: DENIED, KeyArn: keyArn(DENIED), CollectionErrors: {
      'kms-describe-key': `kms-describe-key/${DENIED}: AccessDenied: User is not authorized to perform: kms:DescribeKey`,
      'kms-get-key-rotation-status': `kms-get-key-rotation-status/${DENIED}: AccessDenied: User is not authorized to perform: kms:GetKeyRotationStatus` } });
    expect(d.coverage(`aws:${A}:us-east-1:kms`)).toMatchObject([{ coverage: 'partial' }]);
  });
});
