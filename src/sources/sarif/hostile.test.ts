import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { sarif } from './parser.js';

async function parse(text: string, name = 'scan.sarif'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of sarif.parse(memoryReportFile(name, text))) out.push(r);
  return out;
}

async function parseError(text: string, name = 'scan.sarif'): Promise<MothershipError> {
  try {
    await parse(text, name);
  } catch (e) {
    if (e instanceof MothershipError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}

const result = { ruleId: 'R1', message: { text: 'x' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a.c' }, region: { startLine: 1 } } }] };
const doc = (results: unknown[], run: Record<string, unknown> = {}) =>
  JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'T', rules: [{ id: 'R1' }] } }, results, ...run }] });

describe('sarif on hostile input', () => {
  it('drops __proto__ keys anywhere without polluting prototypes', async () => {
    const text = `{"version": "2.1.0", "__proto__": {"polluted": "top"}, "runs": [{"tool": {"driver": {"name": "T", "__proto__": {"polluted": "driver"},
      "rules": [{"id": "R1", "properties": {"__proto__": {"polluted": "rule"}, "tags": ["a"]}}]}},
      "results": [{"ruleId": "R1", "message": {"text": "x"}, "__proto__": {"polluted": "result"}, "partialFingerprints": {"__proto__": {"polluted": "pfp"}, "h": "1"}}]}]}`;
    const rs = await parse(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(rs)).not.toContain('polluted');
    expect(rs.filter((r) => r.type === 'finding')).toHaveLength(1);
  });

  it('names the file when the JSON is truncated', async () => {
    const whole = doc([result, result]);
    const e = await parseError(whole.slice(0, whole.length - 30), 'codeql-web.sarif');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain('codeql-web.sarif');
    expect(e.message).toMatch(/invalid JSON/);
  });

  it('names the field that has the wrong type', async () => {
    const cases: [string, string][] = [
      [doc([result, { ...result, level: 3 }]), 'runs[0].results[1].level'],
      [doc([{ ...result, locations: [{ physicalLocation: { region: { startLine: 'ten' } } }] }]), 'runs[0].results[0].locations[0].physicalLocation.region.startLine'],
      [doc([{ ...result, message: 'x' }]), 'runs[0].results[0].message'],
      [doc([result], { tool: { driver: { name: 'T', rules: [{ name: 'no id' }] } } }), 'runs[0].tool.driver.rules[0].id'],
      [doc('all' as unknown as unknown[]), 'runs[0].results'],
      [JSON.stringify({ version: '2.1.0', runs: {} }), 'field runs'],
    ];
    for (const [text, field] of cases) {
      const e = await parseError(text, 'scan-7.sarif');
      expect(e.code).toBe('BAD_INPUT');
      expect(e.message).toContain('scan-7.sarif: SARIF field');
      expect(e.message).toContain(field);
    }
  });

  it('refuses nesting deep enough to exhaust the stack', async () => {
    const e = await parseError(`{"version": "2.1.0", "runs": [${'['.repeat(100_000)}${']'.repeat(100_000)}]}`);
    expect(e.message).toMatch(/nested deeper/);
  });

  it('bounds what one result can put in evidence', async () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ physicalLocation: { artifactLocation: { uri: `f${i}.c` }, region: { startLine: i + 1 } } }));
    const rs = await parse(doc([{ ...result, message: { text: 'y'.repeat(100_000) }, locations: many }]));
    const f = rs.find((r) => r.type === 'finding');
    expect(f?.type === 'finding' && (f.finding.evidence?.locations as unknown[]).length).toBe(100);
    expect(JSON.stringify(f).length).toBeLessThan(30_000);
  });
});
