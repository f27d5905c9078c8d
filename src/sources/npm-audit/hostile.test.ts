import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { npmAuditJson } from './parser.js';

async function parse(text: string, name = 'audit.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of npmAuditJson.parse(memoryReportFile(name, text))) out.push(r);
  return out;
}
async function parseError(text: string, name = 'audit.json'): Promise<MothershipError> {
  try {
    await parse(text, name);
  } catch (e) {
    if (e instanceof MothershipError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}
const advisory = { id: 1, module_name: 'left-pad', severity: 'high', cves: ['CVE-2024-0001'], findings: [{ version: '1.0.0', paths: ['left-pad'] }] };

describe('npm-audit-json on hostile input', () => {
  it('drops __proto__ keys anywhere without polluting prototypes', async () => {
    const text = `{"actions": [], "__proto__": {"polluted": 1}, "advisories": {"__proto__": {"polluted": 2}, "1": {"id": 1, "module_name": "left-pad",
      "severity": "high", "cves": ["CVE-2024-0001"], "__proto__": {"polluted": 3}, "findings": [{"version": "1.0.0", "__proto__": {"polluted": 4}}]}}}`;
    const rs = await parse(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(rs)).not.toContain('polluted');
    expect(rs.filter((r) => r.type === 'finding')).toHaveLength(1);
  });

  it('names the file when the JSON is truncated', async () => {
    const whole = JSON.stringify({ actions: [], advisories: { 1: advisory } });
    const e = await parseError(whole.slice(0, -10), 'ci-audit.json');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toMatch(/^ci-audit\.json: invalid JSON/);
  });

  it('names the field that has the wrong type', async () => {
    const v6 = (a: unknown) => JSON.stringify({ actions: [], advisories: { 1: advisory, 2: a } });
    expect((await parseError(v6({ ...advisory, id: 2, severity: 3 }), 'a.json')).message)
      .toBe('a.json: npm audit report field advisories.2.severity: Invalid input: expected string, received number');
    expect((await parseError(v6({ ...advisory, module_name: undefined }))).message).toContain('advisories.2.module_name');
    expect((await parseError(v6({ ...advisory, findings: [{ version: 1 }] }))).message).toContain('advisories.2.findings[0].version');
    const v7 = (v: unknown) => JSON.stringify({ auditReportVersion: 2, vulnerabilities: { 'left-pad': v } });
    expect((await parseError(v7({ name: 'left-pad', via: [{ source: 1, cwe: 7 }] }))).message).toContain('vulnerabilities.left-pad.via[0]');
    expect((await parseError(JSON.stringify({ actions: [], advisories: [] }))).message).toContain('field advisories');
    expect((await parseError(JSON.stringify({ vulnerabilities: [] }))).message).toContain('field advisories');
  });
});
