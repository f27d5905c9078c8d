import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { FindingInput, NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { checkovJson } from './parser.js';

async function parse(doc: unknown, name = 'checkov.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of checkovJson.parse(memoryReportFile(name, typeof doc === 'string' ? doc : JSON.stringify(doc)))) out.push(r);
  return out;
}

async function parseError(doc: unknown, name = 'checkov.json'): Promise<MothershipError> {
  try {
    await parse(doc, name);
  } catch (e) {
    if (e instanceof MothershipError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}

const findings = (rs: NormalizedRecord[]): FindingInput[] => rs.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
const check = (over: Record<string, unknown> = {}) => ({
  check_id: 'CKV_AWS_20', check_name: 'S3 Bucket has an ACL defined which allows public READ access.', check_result: { result: 'FAILED' },
  code_block: [[1, 'resource "aws_s3_bucket" "logs" {'], [2, '  acl = "public-read" # password=hunter2hunter2']],
  file_path: '/main.tf', file_line_range: [1, 8], resource: 'aws_s3_bucket.logs', guideline: 'https://docs.example/ckv-aws-20', severity: null, ...over,
});
const framework = (checkType: string, failed: unknown[], parsingErrors: string[] = []) => ({
  check_type: checkType, results: { passed_checks: [], failed_checks: failed, skipped_checks: [], parsing_errors: parsingErrors },
  summary: { passed: 0, failed: failed.length, skipped: 0, parsing_errors: parsingErrors.length, checkov_version: '3.2.0' },
});

describe('checkov-json', () => {
  it('reads several frameworks, one finding per check, file and resource, never the code block', async () => {
    const rs = await parse([
      framework('terraform', [check(), check({ resource: 'aws_s3_bucket.data', severity: 'HIGH' })]),
      framework('secrets', [check({ check_id: 'CKV_SECRET_2', check_name: 'AWS Access Key', file_path: '/.env', resource: '25910f981e85ca04baf359199dd0bd4a3ae738b6' })]),
    ]);
    expect(findings(rs).map((f) => `${f.kind} ${f.ruleId} ${f.severity}`)).toEqual([
      'config CKV_AWS_20 medium', 'config CKV_AWS_20 high', 'secret CKV_SECRET_2 medium',
    ]);
    expect(JSON.stringify(rs)).not.toContain('hunter2');
    expect(rs[0]).toMatchObject({ type: 'coverage', scope: 'checkov-json:repo:checkov', coverage: 'complete' });
  });

  it('keeps a finding when its resource moves in the file', async () => {
    const a = findings(await parse(framework('terraform', [check()])));
    const b = findings(await parse(framework('terraform', [check({ file_line_range: [20, 27] })])));
    expect(b[0]?.fingerprint).toBe(a[0]?.fingerprint);
  });

  it('reports SCA results as vulnerabilities in their package', async () => {
    const sca = check({
      check_id: 'CKV_CVE_2021_23337', check_name: 'lodash: command injection', file_path: '/package-lock.json', resource: 'package-lock.json.lodash',
      vulnerability_details: { id: 'CVE-2021-23337', package_name: 'lodash', package_version: '4.17.20', fixed_version: '4.17.21', severity: 'high', cvss: 7.2 },
    });
    expect(findings(await parse(framework('sca_package', [sca])))).toMatchObject([{
      kind: 'vuln', advisoryId: 'CVE-2021-23337', severity: 'high', packagePurl: 'pkg:npm/lodash@4.17.20', remediation: 'Upgrade lodash to 4.17.21',
    }]);
  });

  it('says the scan was partial when files failed to parse, and reads the bare summary of an empty scan', async () => {
    const partial = await parse(framework('terraform', [], ['/broken.tf']));
    expect(partial[0]).toMatchObject({ coverage: 'partial', error: 'Checkov could not parse /broken.tf' });
    const empty = await parse({ passed: 0, failed: 0, skipped: 0, parsingerrors: 0, resourcecount: 0, checkov_version: '2.1.269' });
    expect(empty.map((r) => r.type)).toEqual(['coverage', 'asset']);
  });
});

describe('checkov-json on hostile input', () => {
  it('drops __proto__ keys without polluting prototypes', async () => {
    const rs = await parse(`{"check_type": "terraform", "__proto__": {"polluted": 1}, "results": {"failed_checks": [{"check_id": "C", "file_path": "f", "__proto__": {"polluted": 2}}]}}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(rs)).not.toContain('polluted');
    expect(findings(rs)).toHaveLength(1);
  });

  it('names the file when the JSON is truncated, and the field of the wrong type', async () => {
    expect((await parseError(JSON.stringify(framework('terraform', [check()])).slice(0, 90), 'iac.json')).message).toMatch(/^iac\.json: invalid JSON/);
    expect((await parseError([framework('terraform', [check(), check({ file_line_range: 'one' })])], 'iac.json')).message)
      .toContain('iac.json: Checkov report field [0].results.failed_checks[1].file_line_range');
    expect((await parseError(framework('terraform', [check({ check_id: 5 })]))).message).toContain('field results.failed_checks[0].check_id');
    expect((await parseError({ check_type: 3 })).message).toContain('field check_type');
  });
});
