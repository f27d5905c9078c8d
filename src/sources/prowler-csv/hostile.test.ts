import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { prowlerCsv } from './parser.js';

async function parse(text: string, name = 'prowler.csv'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of prowlerCsv.parse(memoryReportFile(name, text))) out.push(r);
  return out;
}

async function parseError(text: string, name = 'prowler.csv'): Promise<MothershipError> {
  try {
    await parse(text, name);
  } catch (e) {
    if (e instanceof MothershipError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}

const HEADER = 'ACCOUNT_UID;FINDING_UID;PROVIDER;CHECK_ID;CHECK_TITLE;STATUS;STATUS_EXTENDED;SEVERITY;RESOURCE_TYPE;RESOURCE_UID;RESOURCE_NAME;REGION;COMPLIANCE';
const row = (check = 'iam_root_mfa_enabled', compliance = 'CIS-1.5: 1.5') =>
  `123456789012;prowler-aws-${check};aws;${check};Root MFA;FAIL;MFA is not enabled;critical;Other;arn:aws:iam::123456789012:root;123456789012;us-east-1;${compliance}`;

describe('prowler-csv on hostile input', () => {
  it('keeps header names and compliance frameworks from the file out of object prototypes', async () => {
    const rs = await parse(`${HEADER};__proto__;constructor\n${row('iam_root_mfa_enabled', '__proto__: x | CIS-1.5: 1.5')};polluted;polluted\n`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('x');
    const f = rs.find((r) => r.type === 'finding');
    const compliance = f?.type === 'finding' ? (f.finding.properties?.compliance as Record<string, unknown>) : {};
    expect(compliance).toEqual({ 'CIS-1.5': ['1.5'] });
    expect(Object.getPrototypeOf(compliance)).toBe(Object.prototype);
  });

  it('names the file and the line when the CSV is broken', async () => {
    const e = await parseError(`${HEADER}\n${row()}\n"123456789012;unterminated`, 'daily.csv');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain('daily.csv');
    expect(e.message).toMatch(/invalid CSV at line 3/);
  });

  it('names the line and column of a missing value', async () => {
    const e = await parseError(`${HEADER}\n${row()}\n${row('')}\n`, 'daily.csv');
    expect(e.message).toContain('daily.csv');
    expect(e.message).toContain('line 3 column CHECK_ID');
    const v2 = 'PROFILE,ACCOUNT_NUM,REGION,TITLE_ID,CHECK_RESULT,TITLE_TEXT,CHECK_RESULT_EXTENDED\n,1,us-east-1,1.1,FAIL,no brackets,msg\n';
    expect((await parseError(v2)).message).toContain('line 2 column TITLE_TEXT');
  });

  it('refuses a CSV that is not Prowler\'s', async () => {
    expect((await parseError('a;b;c\n1;2;3\n')).message).toMatch(/not a Prowler CSV report/);
  });
});
