import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { FindingInput, NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { tfsecJson } from './parser.js';

async function parse(doc: unknown, name = 'tfsec.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of tfsecJson.parse(memoryReportFile(name, typeof doc === 'string' ? doc : JSON.stringify(doc)))) out.push(r);
  return out;
}

async function parseError(doc: unknown, name = 'tfsec.json'): Promise<MothershipError> {
  try {
    await parse(doc, name);
  } catch (e) {
    if (e instanceof MothershipError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}

const findings = (rs: NormalizedRecord[]): FindingInput[] => rs.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
const result = (over: Record<string, unknown> = {}) => ({
  rule_id: 'aws-s3-enable-bucket-encryption', long_id: 'aws-s3-enable-bucket-encryption', rule_description: 'Unencrypted S3 bucket.',
  rule_provider: 'aws', rule_service: 's3', impact: 'The bucket objects could be read if compromised', resolution: 'Configure bucket encryption',
  links: ['https://aquasecurity.github.io/tfsec/latest/checks/aws/s3/enable-bucket-encryption/'], description: 'Bucket does not have encryption enabled',
  severity: 'HIGH', status: 0, resource: 'aws_s3_bucket.logs', location: { filename: '/src/main.tf', start_line: 1, end_line: 9 }, ...over,
});

describe('tfsec-json', () => {
  it('keeps failed checks only, one finding per rule, file and resource, stable when lines move', async () => {
    const a = findings(await parse({ results: [result(), result({ status: 1, resource: 'aws_s3_bucket.ok' }), result({ status: 'passed', resource: 'x' }), result({ passed: true, resource: 'y' })] }));
    expect(a).toMatchObject([{ kind: 'config', severity: 'high', ruleId: 'aws-s3-enable-bucket-encryption', remediation: 'Configure bucket encryption' }]);
    const b = findings(await parse({ results: [result({ location: { filename: '/src/main.tf', start_line: 30, end_line: 38 } })] }));
    expect(b[0]?.fingerprint).toBe(a[0]?.fingerprint);
  });

  it('reads the resource from legacy descriptions, and legacy severities', async () => {
    const legacy = { rule_id: 'AWS002', rule_description: 'S3 Bucket does not have logging enabled.', rule_provider: 'aws', link: 'See https://tfsec.dev/docs/aws/AWS002/ for more information.',
      location: { filename: 'main.tf', start_line: 3, end_line: 3 }, description: "Resource 'aws_s3_bucket.logs' does not have logging enabled.", severity: 'ERROR', passed: false };
    expect(findings(await parse({ results: [legacy] }))).toMatchObject([{ severity: 'high', evidence: { resource: 'aws_s3_bucket.logs' }, properties: { links: ['https://tfsec.dev/docs/aws/AWS002/'] } }]);
  });
});

describe('tfsec-json on hostile input', () => {
  it('drops __proto__ keys without polluting prototypes', async () => {
    const rs = await parse(`{"results": [{"rule_id": "r", "__proto__": {"polluted": 1}, "location": {"filename": "f", "__proto__": {"polluted": 2}}}]}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(rs)).not.toContain('polluted');
  });

  it('names the file when the JSON is truncated, and the field of the wrong type', async () => {
    expect((await parseError(JSON.stringify({ results: [result()] }).slice(0, 60), 'tf.json')).message).toMatch(/^tf\.json: invalid JSON/);
    expect((await parseError({ results: [result(), result({ location: { filename: 'a', start_line: '1' } })] }, 'tf.json')).message)
      .toContain('tf.json: tfsec report field results[1].location.start_line');
  });
});
