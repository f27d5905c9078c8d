import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { yarnAuditJson } from './parser.js';

async function parse(text: string, name = 'yarn.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of yarnAuditJson.parse(memoryReportFile(name, text))) out.push(r);
  return out;
}
async function parseError(text: string, name = 'yarn.json'): Promise<MothershipError> {
  try {
    await parse(text, name);
  } catch (e) {
    if (e instanceof MothershipError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}
const advisory = { id: 1, module_name: 'left-pad', severity: 'high', cves: [], findings: [{ version: '1.0.0', paths: ['left-pad'] }] };
const summary = '{"type":"auditSummary","data":{}}';

describe('yarn-audit-json on hostile input', () => {
  it('drops __proto__ keys anywhere without polluting prototypes', async () => {
    const text = `{"type":"auditAdvisory","__proto__":{"polluted":1},"data":{"__proto__":{"polluted":2},"advisory":{"id":1,"module_name":"left-pad","severity":"high","cves":[],"__proto__":{"polluted":3}}}}\n${summary}\n`;
    const rs = await parse(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(rs)).not.toContain('polluted');
    expect(rs.filter((r) => r.type === 'finding')).toHaveLength(1);
  });

  it('names the file and the line when a line is truncated', async () => {
    const text = `${JSON.stringify({ type: 'auditAdvisory', data: { advisory } }).slice(0, 40)}\n${summary}\n`;
    const e = await parseError(text, 'ci-yarn.json');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toMatch(/^ci-yarn\.json: line 1: invalid JSON/);
  });

  it('names the line and field that have the wrong type', async () => {
    const bad = JSON.stringify({ type: 'auditAdvisory', data: { advisory: { ...advisory, severity: 5 } } });
    expect((await parseError(`${summary}\n${bad}\n`, 'y.json')).message)
      .toBe('y.json: yarn audit report field line 2.data.advisory.severity: Invalid input: expected string, received number');
    expect((await parseError('{"type": 7, "data": {}}\n')).message).toContain('field line 1.type');
    expect((await parseError('{"value": "x", "children": {"ID": 1, "Tree Versions": "1.0"}}\n')).message).toContain('line 1.children.Tree Versions');
  });
});
