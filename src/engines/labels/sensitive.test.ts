import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { syncRun } from '../../pipeline/sync/run.js';
import { ingestFile } from '../../pipeline/ingest.js';
import { analyze } from '../../pipeline/analyze.js';
import { labelsEngine } from './engine.js';

const A = '123456789012';
const BUCKET = 'arn:aws:s3:::payroll-exports';

/** A Macie finding as Security Hub exports it (ASFF). */
function macie(workflow: string): string {
  return JSON.stringify({ Findings: [{
    SchemaVersion: '2018-10-08',
    Id: `arn:aws:macie2:us-east-1:${A}:finding/7e1f`,
    ProductArn: 'arn:aws:securityhub:us-east-1::product/aws/macie',
    GeneratorId: 'SensitiveData:S3Object/Personal',
    AwsAccountId: A,
    Region: 'us-east-1',
    Types: ['Sensitive Data Identifications/PII/SensitiveData:S3Object-Personal'],
    Title: 'The S3 object contains personal information.',
    Description: 'The object payroll.csv contains personal information such as full names and mailing addresses.',
    Severity: { Label: 'HIGH', Normalized: 70 },
    Resources: [{ Type: 'AwsS3Bucket', Id: BUCKET, Partition: 'aws', Region: 'us-east-1' }],
    Workflow: { Status: workflow },
    RecordState: 'ACTIVE',
    CreatedAt: '2026-01-01T00:00:00Z',
    UpdatedAt: '2026-01-01T00:00:00Z',
  }] });
}

let t: TestDb;
const dir = mkdtempSync(join(tmpdir(), 'labels-macie-'));
beforeAll(async () => {
  t = await createTestDb();
  await syncRun(t.db, [{ type: 'coverage', scope: 's3', coverage: 'complete' },
    { type: 'asset', scope: 's3', asset: { uid: BUCKET, kind: 'aws.s3.bucket', account: A, properties: { Name: 'payroll-exports' } } }], { source: 'aws-dump' });
});
afterAll(async () => { await t.drop(); });

async function sensitive(): Promise<Record<string, unknown> | undefined> {
  const rows = await t.db.query<{ evidence: Record<string, unknown> }>(`select evidence from asset_labels where asset_uid = $1 and label = 'SensitiveData'`, [BUCKET]);
  return rows[0]?.evidence;
}

describe('SensitiveData from an ingested Macie (ASFF) finding', () => {
  it('labels the bucket while the finding is open, and drops the label once Macie resolves it', async () => {
    writeFileSync(join(dir, 'macie.json'), macie('NEW'));
    await ingestFile(t.db, join(dir, 'macie.json'));
    await analyze(t.db, { engines: [labelsEngine()] });
    expect(await sensitive()).toMatchObject({ reasons: [{ via: 'finding', rule: 'macie:SensitiveData:S3Object/Personal' }] });

    writeFileSync(join(dir, 'macie.json'), macie('RESOLVED'));
    await ingestFile(t.db, join(dir, 'macie.json'));
    await analyze(t.db, { engines: [labelsEngine()] });
    expect(await sensitive()).toBeUndefined();
    expect((await t.db.query<{ labels: string[] }>('select labels from assets where uid = $1', [BUCKET]))[0]?.labels).toEqual([]);
  });
});
