import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { asffJson } from './parser.js';

async function parse(text: string, name = 'export.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of asffJson.parse(memoryReportFile(name, text))) out.push(r);
  return out;
}

async function parseError(text: string, name = 'export.json'): Promise<MothershipError> {
  try {
    await parse(text, name);
  } catch (e) {
    if (e instanceof MothershipError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}

const finding = (over: Record<string, unknown> = {}) => ({
  SchemaVersion: '2018-10-08', Id: 'gd-1', ProductArn: 'arn:aws:securityhub:us-east-1::product/aws/guardduty',
  GeneratorId: 'arn:aws:guardduty:us-east-1:123456789012:detector/d', AwsAccountId: '123456789012', Region: 'us-east-1',
  Types: ['TTPs/Discovery/Recon:EC2-Portscan'], Title: 'Portscan', Severity: { Label: 'MEDIUM' },
  Resources: [{ Type: 'AwsEc2Instance', Id: 'arn:aws:ec2:us-east-1:123456789012:instance/i-1' }], ...over,
});

describe('asff-json on hostile input', () => {
  it('drops __proto__ keys anywhere without polluting prototypes', async () => {
    const text = JSON.stringify({ Findings: [finding({ ProductFields: { a: '1' } })] })
      .replace('"ProductFields":{', '"ProductFields":{"__proto__":{"polluted":"fields"},')
      .replace('{"Findings":', '{"__proto__":{"polluted":"top"},"Findings":')
      .replace('"Resources":[{', '"Resources":[{"__proto__":{"polluted":"resource"},');
    const rs = await parse(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(rs)).not.toContain('polluted');
    const f = rs.find((r) => r.type === 'finding');
    expect(f?.type === 'finding' && f.finding.properties?.productFields).toEqual({ a: '1' });
  });

  it('names the file when the JSON is truncated', async () => {
    const whole = JSON.stringify({ Findings: [finding(), finding({ Id: 'gd-2' })] });
    const e = await parseError(whole.slice(0, -40), 'securityhub-2024.json');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain('securityhub-2024.json');
    expect(e.message).toMatch(/invalid JSON/);
  });

  it('names the field that has the wrong type', async () => {
    const e = await parseError(JSON.stringify({ Findings: [finding(), finding({ Severity: { Label: 3 } })] }), 'hub.json');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain('hub.json');
    expect(e.message).toContain('Findings[1].Severity.Label');
    expect((await parseError(JSON.stringify([finding({ Resources: [] })]))).message).toContain('[0].Resources');
    expect((await parseError(JSON.stringify({ findings: [finding({ Vulnerabilities: [{ Id: 'CVE-1', VulnerablePackages: [{ Name: 5 }] }] })] }))).message)
      .toContain('findings[0].Vulnerabilities[0].VulnerablePackages[0].Name');
    expect((await parseError(JSON.stringify({ Findings: 'all' }))).message).toContain('field Findings: expected an array');
    expect((await parseError(JSON.stringify({ Items: [] }))).message).toContain('field Findings: missing');
  });

  it('refuses nesting deep enough to exhaust the stack', async () => {
    const e = await parseError(`{"Findings": [${'['.repeat(100_000)}${']'.repeat(100_000)}]}`);
    expect(e.message).toMatch(/nested deeper/);
  });
});
