import { describe, expect, it } from 'vitest';
import { vulnFingerprint } from '../../findings/fingerprint.js';
import type { FindingInput, NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { asffJson } from './parser.js';

const A = '123456789012';
const DIGEST = `sha256:${'ab'.repeat(32)}`;

function finding(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    SchemaVersion: '2018-10-08',
    Id: `arn:aws:securityhub:us-east-1:${A}:subscription/aws-foundational-security-best-practices/v/1.0.0/S3.8/finding/1111`,
    ProductArn: 'arn:aws:securityhub:us-east-1::product/aws/securityhub',
    GeneratorId: 'aws-foundational-security-best-practices/v/1.0.0/S3.8',
    AwsAccountId: A,
    Region: 'us-east-1',
    Types: ['Software and Configuration Checks/Industry and Regulatory Standards/AWS-Foundational-Security-Best-Practices'],
    Title: 'S3.8 S3 Block Public Access setting should be enabled at the bucket-level',
    Description: 'This control checks whether S3 buckets have bucket-level public access blocks applied.',
    Severity: { Label: 'HIGH', Normalized: 70 },
    Resources: [{ Type: 'AwsS3Bucket', Id: 'arn:aws:s3:::payroll', Partition: 'aws', Region: 'us-east-1' }],
    Compliance: { Status: 'FAILED', SecurityControlId: 'S3.8', RelatedRequirements: ['NIST.800-53.r5 AC-21'] },
    Workflow: { Status: 'NEW' },
    RecordState: 'ACTIVE',
    Remediation: { Recommendation: { Text: 'For information on how to correct this issue, consult the documentation.', Url: 'https://docs.aws.amazon.com/console/securityhub/S3.8/remediation' } },
    ...over,
  };
}

function inspector(over: Record<string, unknown> = {}): Record<string, unknown> {
  return finding({
    Id: `arn:aws:inspector2:eu-central-1:${A}:finding/abc`,
    ProductArn: 'arn:aws:securityhub:eu-central-1::product/aws/inspector',
    GeneratorId: 'AWSInspector',
    Region: 'eu-central-1',
    Types: ['Software and Configuration Checks/Vulnerabilities/CVE'],
    Title: 'GHSA-xxxx-yyyy-zzzz - openssl, libssl3',
    Compliance: undefined,
    ProductFields: { 'aws/inspector/resources/1/resourceDetails/awsEcrContainerImageDetails/platform': 'DEBIAN_12' },
    Resources: [{
      Type: 'AwsEcrContainerImage', Id: `arn:aws:ecr:eu-central-1:${A}:repository/shop/api/${DIGEST}`, Partition: 'aws', Region: 'eu-central-1',
      Details: { AwsEcrContainerImage: { RegistryId: A, RepositoryName: 'shop/api', ImageDigest: DIGEST } },
    }],
    Vulnerabilities: [{
      Id: 'GHSA-xxxx-yyyy-zzzz',
      RelatedVulnerabilities: ['CVE-2024-0727'],
      EpssScore: 0.0012,
      Cvss: [{ Version: '3.1', BaseScore: '5.5', BaseVector: 'CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H', Source: 'NVD' }],
      VulnerablePackages: [
        { Name: 'openssl', Version: '3.0.11', Release: '1~deb12u2', Epoch: '0', PackageManager: 'OS', FixedInVersion: '3.0.13-1~deb12u1' },
        { Name: 'libssl3', Version: '3.0.11', Release: '1~deb12u2', Epoch: '0', PackageManager: 'OS', FixedInVersion: 'NotAvailable' },
        { Name: 'cryptography', Version: '41.0.0', PackageManager: 'POETRY', FilePath: 'app/poetry.lock', FixedInVersion: '42.0.2' },
        { Name: 'cryptography', Version: '41.0.0', PackageManager: 'PYTHONPKG', FilePath: 'usr/lib/python3/dist-packages/cryptography' },
      ],
    }],
    ...over,
  });
}

async function parse(doc: unknown, name = 'export.json'): Promise<NormalizedRecord[]> {
  const file = memoryReportFile(name, JSON.stringify(doc));
  const out: NormalizedRecord[] = [];
  for await (const r of asffJson.parse(file)) out.push(r);
  return out;
}
const findings = (rs: NormalizedRecord[]): FindingInput[] => rs.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
const coverage = (rs: NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'coverage' ? [`${r.scope}=${r.coverage}`] : []));

describe('asff-json', () => {
  it('sniffs Security Hub exports and bare lists, not empty exports', () => {
    expect(asffJson.accepts(memoryReportFile('a.json', JSON.stringify({ Findings: [finding()] })))).toBe(true);
    expect(asffJson.accepts(memoryReportFile('a.json', JSON.stringify([finding()])))).toBe(true);
    expect(asffJson.accepts(memoryReportFile('a.json', JSON.stringify({ Findings: [] })))).toBe(false);
    expect(asffJson.accepts(memoryReportFile('a.json', JSON.stringify({ findings: [{ id: 1 }] })))).toBe(false);
  });

  it('makes a failed Security Hub control a config finding on its resource, named by its control', async () => {
    const rs = await parse({ Findings: [finding()] });
    expect(coverage(rs)).toEqual([`asff:${A}:us-east-1:aws/securityhub=complete`]);
    expect(rs.filter((r) => r.type === 'asset')).toEqual([{ type: 'asset', scope: `asff:${A}:us-east-1:aws/securityhub`, asset: {
      uid: 'arn:aws:s3:::payroll', kind: 'aws.s3.bucket', name: 'payroll', provider: 'aws', account: null, region: null, reference: true,
    } }]);
    const [f] = findings(rs);
    expect(f).toMatchObject({ kind: 'config', ruleId: 'securityhub:S3.8', severity: 'high', assetUid: 'arn:aws:s3:::payroll', originalId: finding().Id });
    expect(f?.remediation).toContain('https://docs.aws.amazon.com/console/securityhub/S3.8/remediation');
    // A re-export gives the control a new finding id; the finding stays the same.
    const again = findings(await parse({ Findings: [finding({ Id: 'arn:aws:securityhub:us-east-1:123456789012:subscription/x/finding/2222' })] }));
    expect(again[0]?.fingerprint).toBe(f?.fingerprint);
  });

  it('yields nothing for passed, suppressed, resolved or archived findings, but still covers their scope', async () => {
    for (const over of [
      { Compliance: { Status: 'PASSED' } }, { Compliance: { Status: 'WARNING' } }, { Workflow: { Status: 'SUPPRESSED' } },
      { Workflow: undefined, WorkflowState: 'RESOLVED' }, { RecordState: 'ARCHIVED' },
    ]) {
      const rs = await parse({ Findings: [finding(over)] });
      expect(findings(rs), JSON.stringify(over)).toEqual([]);
      expect(coverage(rs)).toEqual([`asff:${A}:us-east-1:aws/securityhub=complete`]);
    }
  });

  it('makes each vulnerable package of an Inspector finding its own vuln finding on the ECR image, as Trivy names it', async () => {
    const rs = await parse({ Findings: [inspector()] });
    const image = `${A}.dkr.ecr.eu-central-1.amazonaws.com/shop/api@${DIGEST}`;
    expect(rs.filter((r) => r.type === 'asset').map((r) => r.type === 'asset' && [r.asset.uid, r.asset.kind])).toEqual([[image, 'container.image']]);
    const fs = findings(rs);
    expect(fs.map((f) => [f.advisoryId, f.properties?.ecosystem, f.properties?.packageName, f.packagePurl]).sort()).toEqual([
      ['CVE-2024-0727', 'Debian', 'libssl3', 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2'],
      ['CVE-2024-0727', 'Debian', 'openssl', 'pkg:deb/debian/openssl@3.0.11-1~deb12u2'],
      ['CVE-2024-0727', 'PyPI', 'cryptography', 'pkg:pypi/cryptography@41.0.0'],
    ]);
    const openssl = fs.find((f) => f.properties?.packageName === 'openssl')!;
    expect(openssl.fingerprint).toBe(vulnFingerprint(image, 'Debian', 'openssl', 'CVE-2024-0727'));
    expect(openssl).toMatchObject({ kind: 'vuln', remediation: 'Upgrade openssl to 3.0.13-1~deb12u1', properties: { aliases: ['GHSA-xxxx-yyyy-zzzz'], epss: 0.0012 } });
    expect(fs.find((f) => f.properties?.packageName === 'libssl3')?.remediation).toBeNull();
    // The same package through two package managers is one finding with both places.
    const crypto = fs.find((f) => f.properties?.packageName === 'cryptography')!;
    expect((crypto.evidence?.occurrences as unknown[]).length).toBe(2);
  });

  it('repairs instance ids and ARNs, and finds the account when AwsAccountId is missing', async () => {
    const bare = inspector({
      AwsAccountId: undefined, Id: `arn:aws:inspector2:us-east-1:${A}:finding/x`, Region: 'us-east-1', ProductFields: {},
      Resources: [{ Type: 'AwsEc2Instance', Id: 'i-0abc', Region: 'us-east-1' }],
    });
    const [f] = findings(await parse({ findings: [bare] }));
    expect(f?.assetUid).toBe(`arn:aws:ec2:us-east-1:${A}:instance/i-0abc`);
    const broken = inspector({ Region: 'us-east-1', Resources: [{ Type: 'AwsEc2Instance', Id: `arn:aws:ec2:us-east-1:${A}:i-0abc` }] });
    expect(findings(await parse([broken]))[0]?.assetUid).toBe(`arn:aws:ec2:us-east-1:${A}:instance/i-0abc`);
  });

  it('names GuardDuty findings by their type and tells them apart by id; Macie is data, Access Analyzer iam', async () => {
    const gd = (id: string) => finding({
      Id: `arn:aws:guardduty:us-east-1:${A}:detector/d1/finding/${id}`, ProductArn: 'arn:aws:securityhub:us-east-1::product/aws/guardduty',
      GeneratorId: `arn:aws:guardduty:us-east-1:${A}:detector/d1`, Types: ['TTPs/Discovery/Recon:EC2-Portscan'], Compliance: undefined,
      Severity: { Normalized: 50 }, Resources: [{ Type: 'AwsEc2Instance', Id: `arn:aws:ec2:us-east-1:${A}:instance/i-1` }],
    });
    const fs = findings(await parse({ Findings: [gd('f1'), gd('f2')] }));
    expect(fs.map((f) => [f.kind, f.ruleId, f.severity])).toEqual([['config', 'guardduty:TTPs/Discovery/Recon:EC2-Portscan', 'medium'], ['config', 'guardduty:TTPs/Discovery/Recon:EC2-Portscan', 'medium']]);
    expect(new Set(fs.map((f) => f.fingerprint)).size).toBe(2);
    const macie = finding({ ProductArn: 'arn:aws:securityhub:us-east-1::product/aws/macie', GeneratorId: 'SensitiveData:S3Object/Personal', Compliance: undefined, Types: ['Sensitive Data Identifications/PII'] });
    const analyzer = finding({ ProductArn: 'arn:aws:securityhub:us-east-1::product/aws/access-analyzer', GeneratorId: 'aws/access-analyzer', Compliance: undefined, Types: ['Software and Configuration Checks/AWS Security Best Practices/External Access Granted'] });
    expect(findings(await parse([macie, analyzer])).map((f) => [f.kind, f.ruleId])).toEqual([
      ['data', 'macie:SensitiveData:S3Object/Personal'], ['iam', 'access-analyzer:aws/access-analyzer'],
    ]);
  });

  it('scopes by account, region and product', async () => {
    const rs = await parse({ Findings: [finding(), finding({ AwsAccountId: '210987654321', Region: 'eu-west-1' }), inspector()] });
    expect(coverage(rs)).toEqual([
      `asff:${A}:us-east-1:aws/securityhub=complete`, 'asff:210987654321:eu-west-1:aws/securityhub=complete', `asff:${A}:eu-central-1:aws/inspector=complete`,
    ]);
  });
});
