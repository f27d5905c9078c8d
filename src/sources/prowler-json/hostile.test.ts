import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { prowlerJson } from './parser.js';

async function parse(text: string, name = 'prowler.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of prowlerJson.parse(memoryReportFile(name, text))) out.push(r);
  return out;
}

async function parseError(text: string, name = 'prowler.json'): Promise<MothershipError> {
  try {
    await parse(text, name);
  } catch (e) {
    if (e instanceof MothershipError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}

const v3 = (over: Record<string, unknown> = {}) => ({
  FindingUniqueId: 'prowler-aws-iam_root_mfa_enabled-123456789012-us-east-1-123456789012', Provider: 'aws', CheckID: 'iam_root_mfa_enabled',
  CheckTitle: 'Root MFA', Status: 'FAIL', StatusExtended: 'MFA is not enabled for root account.', Severity: 'critical',
  ResourceType: 'Other', AccountId: '123456789012', Region: 'us-east-1', ResourceId: '123456789012', ResourceArn: '', ...over,
});
const v2 = (over: Record<string, unknown> = {}) => JSON.stringify({
  Profile: 'default', 'Account Number': '123456789012', Control: '[check12] Ensure MFA is enabled', Message: 'User bob has no MFA',
  Severity: 'High', Status: 'FAIL', Region: 'us-east-1', 'Resource ID': 'bob', ...over,
});

describe('prowler-json on hostile input', () => {
  it('drops __proto__ keys anywhere without polluting prototypes', async () => {
    const text = JSON.stringify([v3({ Compliance: { 'CIS-1.5': ['1.5'] } })])
      .replace('"Compliance":{', '"Compliance":{"__proto__":{"polluted":"compliance"},')
      .replace('[{', '[{"__proto__":{"polluted":"top"},');
    const rs = await parse(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(rs)).not.toContain('polluted');
    const f = rs.find((r) => r.type === 'finding');
    expect(f?.type === 'finding' && f.finding.properties?.compliance).toEqual({ 'CIS-1.5': ['1.5'] });
  });

  it('names the file when the JSON is truncated, and the line for Prowler 2 JSON lines', async () => {
    const whole = JSON.stringify([v3(), v3()]);
    const e = await parseError(whole.slice(0, -25), 'weekly.json');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain('weekly.json');
    expect(e.message).toMatch(/invalid JSON/);
    const lines = `${v2()}\n${v2()}\n${v2().slice(0, 40)}\n`;
    expect((await parseError(lines, 'v2.json')).message).toMatch(/^v2\.json:3: invalid JSON/);
  });

  it('names the field that has the wrong type', async () => {
    const e = await parseError(JSON.stringify([v3(), v3({ Status: ['FAIL'] })]), 'acct-1.json');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain('acct-1.json');
    expect(e.message).toContain('[1].Status');
    expect((await parseError(JSON.stringify([v3({ CheckID: 12 })]))).message).toContain('[0].CheckID');
    expect((await parseError(`${v2()}\n${v2({ Status: 1 })}`, 'old.json')).message).toMatch(/^old\.json:2: .*field Status/);
    expect((await parseError(v2({ Control: 'no check id here' }), 'old.json')).message).toMatch(/^old\.json:1: .*field Control/);
    expect((await parseError('"a string"')).message).toMatch(/not a Prowler JSON report/);
  });

  it('reads empty reports as runs with nothing to say', async () => {
    expect(await parse('')).toEqual([]);
    expect(await parse('[]')).toEqual([]);
  });
});
