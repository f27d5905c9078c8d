import { describe, expect, it } from 'vitest';
import type { FindingInput, NormalizedRecord, Parser } from '../../model/index.js';
import { asffJson } from '../asff/parser.js';
import { prowlerCsv } from '../prowler-csv/parser.js';
import { prowlerJson } from '../prowler-json/parser.js';
import { prowlerOcsfJson } from '../prowler-ocsf/parser.js';
import { memoryReportFile } from '../report-file.js';

/**
 * One Prowler run (two results in account A, us-east-1: a failed S3 check on a bucket, a passed IAM check;
 * one failed check in account B, eu-west-1) written in every format Prowler has. Each must give the same
 * findings with the same fingerprints, so that a report in a newer format resolves and keeps what an older one found.
 */
const A = '111111111111';
const B = '222222222222';
const results = [
  { check: 's3_bucket_public_access', status: 'FAIL', account: A, region: 'us-east-1', arn: 'arn:aws:s3:::payroll', id: 'payroll', type: 'AwsS3Bucket', severity: 'critical', msg: 'S3 Bucket payroll is public.' },
  { check: 'iam_root_mfa_enabled', status: 'PASS', account: A, region: 'us-east-1', arn: `arn:aws:iam::${A}:root`, id: A, type: 'Other', severity: 'critical', msg: 'MFA is enabled for root.' },
  { check: 'ec2_instance_imdsv2_enabled', status: 'FAIL', account: B, region: 'eu-west-1', arn: `arn:aws:ec2:eu-west-1:${B}:instance/i-0abc`, id: 'i-0abc', type: 'AwsEc2Instance', severity: 'medium', msg: 'EC2 Instance i-0abc has IMDSv2 disabled.' },
];
const uid = (r: (typeof results)[number]) => `prowler-aws-${r.check}-${r.account}-${r.region}-${r.id}`;

const v3Json = JSON.stringify(results.map((r) => ({
  AssessmentStartTime: '2024-01-01T00:00:00', FindingUniqueId: uid(r), Provider: 'aws', CheckID: r.check, CheckTitle: `Title of ${r.check}`,
  CheckType: [], ServiceName: r.check.split('_')[0], SubServiceName: '', Status: r.status, StatusExtended: r.msg, Severity: r.severity,
  ResourceType: r.type, ResourceDetails: '', Description: 'desc', Risk: 'risk', RelatedUrl: '',
  Remediation: { Code: { CLI: '' }, Recommendation: { Text: 'Fix it.', Url: 'https://example.com/fix' } },
  Compliance: { 'CIS-1.5': ['2.1.5'] }, Categories: [], DependsOn: [], RelatedTo: [], Notes: '', Profile: null,
  AccountId: r.account, OrganizationsInfo: null, Region: r.region, ResourceId: r.id, ResourceArn: r.arn, ResourceTags: {},
})));

const ocsf = JSON.stringify(results.map((r) => ({
  metadata: { event_code: r.check, product: { name: 'Prowler', vendor_name: 'Prowler', version: '4.2.1' }, version: '1.2.0' },
  severity_id: 4, severity: r.severity[0]!.toUpperCase() + r.severity.slice(1), status: 'New', status_code: r.status, status_detail: r.msg,
  unmapped: { related_url: '', categories: '', compliance: { 'CIS-1.5': ['2.1.5'] } },
  finding_info: { created_time: '2024-01-01T00:00:00', desc: 'desc', title: `Title of ${r.check}`, uid: uid(r) },
  resources: [{ cloud_partition: 'aws', region: r.region, group: { name: 'svc' }, labels: [], name: r.id, type: r.type, uid: r.arn }],
  class_uid: 2004, cloud: { account: { uid: r.account, type: 'AWS_Account' }, provider: 'aws', region: r.region },
  remediation: { desc: 'Fix it.', references: ['https://example.com/fix'] }, risk_details: 'risk',
})));

const csvColumns = ['AUTH_METHOD', 'TIMESTAMP', 'ACCOUNT_UID', 'FINDING_UID', 'PROVIDER', 'CHECK_ID', 'CHECK_TITLE', 'CHECK_TYPE', 'STATUS',
  'STATUS_EXTENDED', 'MUTED', 'SERVICE_NAME', 'SEVERITY', 'RESOURCE_TYPE', 'RESOURCE_UID', 'RESOURCE_NAME', 'PARTITION', 'REGION',
  'DESCRIPTION', 'RISK', 'REMEDIATION_RECOMMENDATION_TEXT', 'COMPLIANCE'];
const v4Csv = [csvColumns.join(';'), ...results.map((r) => [
  'profile: default', '2024-01-01 00:00:00', r.account, uid(r), 'aws', r.check, `Title of ${r.check}`, '', r.status, r.msg, 'False',
  'svc', r.severity, r.type, r.arn, r.id, 'aws', r.region, 'desc', 'risk', 'Fix it.', 'CIS-1.5: 2.1.5',
].join(';'))].join('\n');

const asff = JSON.stringify(results.map((r) => ({
  SchemaVersion: '2018-10-08', Id: `${uid(r)}-abc`, ProductArn: `arn:aws:securityhub:${r.region}::product/prowler/prowler`, RecordState: 'ACTIVE',
  ProductFields: { ProviderName: 'Prowler', ProviderVersion: '3.3.0', ProwlerResourceName: r.id }, GeneratorId: `prowler-${r.check}`,
  AwsAccountId: r.account, Types: ['Data Protection'], Severity: { Label: r.severity.toUpperCase() }, Title: `Title of ${r.check}`,
  Description: r.msg, Resources: [{ Type: r.type, Id: r.arn, Partition: 'aws', Region: r.region }],
  Compliance: { Status: r.status === 'FAIL' ? 'FAILED' : 'PASSED', RelatedRequirements: ['CIS-1.5 2.1.5'] },
  Remediation: { Recommendation: { Text: 'Fix it.', Url: 'https://example.com/fix' } },
})));

async function parse(parser: Parser, name: string, text: string): Promise<NormalizedRecord[]> {
  const file = memoryReportFile(name, text);
  expect(parser.accepts(file)).toBe(true);
  const out: NormalizedRecord[] = [];
  for await (const r of parser.parse(file)) out.push(r);
  return out;
}

const findings = (rs: NormalizedRecord[]): FindingInput[] => rs.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
const summary = (rs: NormalizedRecord[]) => findings(rs).map((f) => [f.fingerprint, f.ruleId, f.assetUid, f.severity]).sort();

describe('one Prowler run in every Prowler format', () => {
  it('gives the same findings with the same fingerprints', async () => {
    const fromV3 = await parse(prowlerJson, 'prowler.json', v3Json);
    expect(findings(fromV3).map((f) => [f.ruleId, f.assetUid, f.severity]).sort()).toEqual([
      ['prowler:ec2_instance_imdsv2_enabled', `arn:aws:ec2:eu-west-1:${B}:instance/i-0abc`, 'medium'],
      ['prowler:s3_bucket_public_access', 'arn:aws:s3:::payroll', 'critical'],
    ]);
    expect(summary(await parse(prowlerOcsfJson, 'prowler.ocsf.json', ocsf))).toEqual(summary(fromV3));
    expect(summary(await parse(prowlerCsv, 'prowler.csv', v4Csv))).toEqual(summary(fromV3));
    // Through Security Hub: the same fingerprints, so the two sources meet on one finding.
    expect(summary(await parse(asffJson, 'prowler.asff.json', asff))).toEqual(summary(fromV3));
  });

  it('states complete coverage per account and region, also where everything passed', async () => {
    const rs = await parse(prowlerOcsfJson, 'prowler.ocsf.json', ocsf);
    expect(rs.filter((r) => r.type === 'coverage')).toEqual([
      { type: 'coverage', scope: `prowler:${A}:us-east-1`, coverage: 'complete' },
      { type: 'coverage', scope: `prowler:${B}:eu-west-1`, coverage: 'complete' },
    ]);
    const assets = rs.flatMap((r) => (r.type === 'asset' ? [[r.scope, r.asset.uid, r.asset.kind, r.asset.reference]] : []));
    expect(assets).toEqual([
      [`prowler:${A}:us-east-1`, 'arn:aws:s3:::payroll', 'aws.s3.bucket', true],
      [`prowler:${B}:eu-west-1`, `arn:aws:ec2:eu-west-1:${B}:instance/i-0abc`, 'aws.ec2.instance', true],
    ]);
  });

  it('keeps remediation, compliance and Prowler\'s own id on the finding', async () => {
    const [s3] = findings(await parse(prowlerOcsfJson, 'prowler.ocsf.json', ocsf)).filter((f) => f.ruleId === 'prowler:s3_bucket_public_access');
    expect(s3).toMatchObject({
      kind: 'config', title: 'Title of s3_bucket_public_access', description: 'S3 Bucket payroll is public.', remediation: 'Fix it.',
      originalId: uid(results[0]!), properties: { checkId: 's3_bucket_public_access', compliance: { 'CIS-1.5': ['2.1.5'] }, risk: 'risk' },
    });
  });

  it('drops muted, manual and passed results', async () => {
    const muted = JSON.parse(ocsf) as { status: string; status_code: string }[];
    muted[0]!.status = 'Suppressed';
    muted[2]!.status_code = 'MANUAL';
    const rs = await parse(prowlerOcsfJson, 'muted.ocsf.json', JSON.stringify(muted));
    expect(findings(rs)).toEqual([]);
    expect(rs.filter((r) => r.type === 'coverage')).toHaveLength(2);
    const csvMuted = v4Csv.replace(';FAIL;S3 Bucket payroll is public.;False;', ';FAIL;S3 Bucket payroll is public.;True;');
    expect(findings(await parse(prowlerCsv, 'muted.csv', csvMuted)).map((f) => f.ruleId)).toEqual(['prowler:ec2_instance_imdsv2_enabled']);
  });
});
