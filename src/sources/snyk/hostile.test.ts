import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { snykJson } from './parser.js';

const FIXTURE = readFileSync(new URL('./testdata/all-projects.json', import.meta.url), 'utf8');

async function parse(text: string, name = 'snyk.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of snykJson.parse(memoryReportFile(name, text))) out.push(r);
  return out;
}
async function parseError(text: string, name = 'snyk.json'): Promise<MothershipError> {
  try {
    await parse(text, name);
  } catch (e) {
    if (e instanceof MothershipError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}
const issue = { id: 'SNYK-JS-X-1', packageName: 'x', version: '1.0.0', severity: 'high', from: ['p@1', 'x@1.0.0'], identifiers: { CVE: ['CVE-2024-0001'] } };
const project = (vulnerabilities: unknown) => JSON.stringify({ projectName: 'p', packageManager: 'npm', vulnerabilities });

describe('snyk-json on hostile input', () => {
  it('drops __proto__ keys anywhere without polluting prototypes', async () => {
    const text = `{"projectName": "p", "packageManager": "npm", "__proto__": {"polluted": 1}, "vulnerabilities": [{"id": "SNYK-JS-X-1", "packageName": "x",
      "version": "1", "__proto__": {"polluted": 2}, "identifiers": {"__proto__": {"polluted": 3}, "CVE": ["CVE-2024-0001"]}}]}`;
    const rs = await parse(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(rs)).not.toContain('polluted');
    expect(rs.find((r) => r.type === 'finding')).toMatchObject({ finding: { advisoryId: 'CVE-2024-0001' } });
  });

  it('names the file when the JSON is truncated', async () => {
    const e = await parseError(FIXTURE.slice(0, 3000), 'snyk-nightly.json');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toMatch(/^snyk-nightly\.json: invalid JSON/);
  });

  it('names the field that has the wrong type', async () => {
    expect((await parseError(project([issue, { ...issue, from: 'p > x' }]), 's.json')).message)
      .toBe('s.json: Snyk report field vulnerabilities[1].from: Invalid input: expected array, received string');
    expect((await parseError(JSON.stringify([JSON.parse(project([])), { projectName: 'q', vulnerabilities: [{ ...issue, packageName: 5 }] }]))).message)
      .toContain('[1].vulnerabilities[0].packageName');
    expect((await parseError(JSON.stringify({ projectName: 'img', vulnerabilities: [], applications: [{ vulnerabilities: [{ id: 'x' }] }] }))).message)
      .toContain('applications[0].vulnerabilities[0].packageName');
    expect((await parseError(JSON.stringify({ runs: [] }))).message).toContain('field vulnerabilities');
  });
});
