import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { prowlerOcsfJson } from './parser.js';

async function parse(text: string, name = 'scan.ocsf.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of prowlerOcsfJson.parse(memoryReportFile(name, text))) out.push(r);
  return out;
}

async function parseError(text: string, name = 'scan.ocsf.json'): Promise<MothershipError> {
  try {
    await parse(text, name);
  } catch (e) {
    if (e instanceof MothershipError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}

const result = (over: Record<string, unknown> = {}) => ({
  metadata: { event_code: 's3_bucket_public_access', product: { name: 'Prowler', vendor_name: 'Prowler' } },
  severity: 'High', status: 'New', status_code: 'FAIL', status_detail: 'public',
  finding_info: { title: 'Bucket is public', uid: 'prowler-aws-s3_bucket_public_access-123456789012-us-east-1-b' },
  resources: [{ uid: 'arn:aws:s3:::b', name: 'b', type: 'AwsS3Bucket', region: 'us-east-1' }],
  cloud: { provider: 'aws', region: 'us-east-1', account: { uid: '123456789012' } },
  ...over,
});

describe('prowler-ocsf-json on hostile input', () => {
  it('drops __proto__ keys anywhere without polluting prototypes', async () => {
    const text = `[{
      "__proto__": { "polluted": "top" },
      "metadata": { "event_code": "s3_bucket_public_access", "__proto__": { "polluted": "metadata" } },
      "status_code": "FAIL", "severity": "High",
      "unmapped": { "compliance": { "__proto__": ["x"], "CIS-1.5": ["2.1.5"] } },
      "resources": [ { "uid": "arn:aws:s3:::b", "__proto__": { "polluted": "resource" } } ],
      "cloud": { "provider": "aws", "region": "us-east-1", "account": { "uid": "123456789012" } }
    }]`;
    const rs = await parse(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const f = rs.find((r) => r.type === 'finding');
    expect(f?.type === 'finding' && f.finding.properties?.compliance).toEqual({ 'CIS-1.5': ['2.1.5'] });
    expect(JSON.stringify(rs)).not.toContain('polluted');
  });

  it('names the file when the JSON is truncated', async () => {
    const whole = JSON.stringify([result(), result()]);
    const e = await parseError(whole.slice(0, whole.length - 30), 'nightly.ocsf.json');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain('nightly.ocsf.json');
    expect(e.message).toMatch(/invalid JSON/);
  });

  it('names the field that has the wrong type', async () => {
    const e = await parseError(JSON.stringify([result(), result({ status_code: 5 })]), 'scan-7.ocsf.json');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain('scan-7.ocsf.json');
    expect(e.message).toContain('[1].status_code');
    expect((await parseError(JSON.stringify([result({ resources: 'b' })]))).message).toContain('[0].resources');
    expect((await parseError(JSON.stringify([result({ metadata: {} })]))).message).toContain('[0].metadata.event_code');
    expect((await parseError(JSON.stringify({ findings: [] }))).message).toContain('(document)');
  });

  it('refuses nesting deep enough to exhaust the stack', async () => {
    const e = await parseError(`[${'['.repeat(100_000)}${']'.repeat(100_000)}]`);
    expect(e.message).toMatch(/nested deeper/);
  });

  it('reads an empty report as a run with nothing to say', async () => {
    expect(await parse('[\n  \n]')).toEqual([]);
  });
});
