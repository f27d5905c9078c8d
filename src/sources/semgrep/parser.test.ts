import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { FindingInput, NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { semgrepJson } from './parser.js';

async function parse(doc: unknown, name = 'semgrep.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of semgrepJson.parse(memoryReportFile(name, typeof doc === 'string' ? doc : JSON.stringify(doc)))) out.push(r);
  return out;
}

async function parseError(doc: unknown, name = 'semgrep.json'): Promise<MothershipError> {
  try {
    await parse(doc, name);
  } catch (e) {
    if (e instanceof MothershipError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}

const findings = (rs: NormalizedRecord[]): FindingInput[] => rs.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
const result = (line: number, extra: Record<string, unknown> = {}, checkId = 'python.lang.security.audit.eval-detected') => ({
  check_id: checkId, path: 'app/views.py', start: { line, col: 5 }, end: { line, col: 20 },
  extra: { message: 'Detected eval', severity: 'WARNING', metadata: { cwe: ['CWE-95: Eval Injection'] }, lines: 'eval(x)', ...extra },
});

describe('semgrep-json', () => {
  it('rates ERROR/WARNING/INFO and the newer CRITICAL..LOW scale', async () => {
    const sev = ['ERROR', 'WARNING', 'INFO', 'CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INVENTORY'];
    const fs = findings(await parse({ results: sev.map((s, i) => result(i + 1, { severity: s, fingerprint: `fp${i}` })), errors: [] }));
    expect(fs.map((f) => f.severity)).toEqual(['high', 'medium', 'low', 'critical', 'high', 'medium', 'low', 'info']);
    expect(fs[0]?.properties?.cweIds).toEqual(['CWE-95']);
  });

  it('identifies results by Semgrep\'s fingerprint, else the matched lines, else the message, numbering repeats', async () => {
    const anonymous = { fingerprint: 'requires login', lines: 'requires login' };
    const a = findings(await parse({ results: [result(10, anonymous), result(30, anonymous)], errors: [] }));
    const b = findings(await parse({ results: [result(12, anonymous), result(33, anonymous)], errors: [] }));
    expect(a.map((f) => f.fingerprint)).toEqual(b.map((f) => f.fingerprint));
    expect(new Set(a.map((f) => f.fingerprint)).size).toBe(2);
    const fp = findings(await parse({ results: [result(10, { fingerprint: 'abc' }), result(11, { fingerprint: 'abc' }), result(11, { fingerprint: 'abc' })], errors: [] }));
    expect(fp).toHaveLength(2); // two positions; the third is the second reported twice
    expect(fp.map((f) => f.evidence?.identity)).toEqual(['fingerprint', 'fingerprint']);
  });

  it('leaves out results a nosemgrep comment ignores, and never keeps the matched lines', async () => {
    const rs = await parse({ results: [result(1, { is_ignored: true }), result(2, { lines: 'password = "hunter2hunter2"' })], errors: [] });
    expect(findings(rs)).toHaveLength(1);
    expect(JSON.stringify(rs)).not.toContain('hunter2');
  });

  it('marks Semgrep Secrets rules as secrets', async () => {
    const fs = findings(await parse({ results: [result(1, {}, 'generic.secrets.security.detected-aws-access-key-id-value.detected-aws-access-key-id-value')], errors: [] }));
    expect(fs[0]?.kind).toBe('secret');
  });

  it('reports Supply Chain results as vulnerabilities in their package', async () => {
    const sca = result(3, {
      severity: 'HIGH',
      metadata: { 'sca-vuln-database-identifier': 'CVE-2021-23337', cwe: ['CWE-94'] },
      sca_info: { reachable: false, dependency_match: { dependency_pattern: { ecosystem: 'npm', package: 'lodash', semver_range: '< 4.17.21' }, found_dependency: { package: 'lodash', version: '4.17.20', ecosystem: 'npm', transitivity: 'direct', lockfile_path: 'package-lock.json' } } },
    }, 'ssc-1234');
    expect(findings(await parse({ results: [sca], errors: [] }))).toMatchObject([{
      kind: 'vuln', advisoryId: 'CVE-2021-23337', severity: 'high', packagePurl: 'pkg:npm/lodash@4.17.20',
      properties: { ecosystem: 'npm', packageName: 'lodash', reachable: false }, evidence: { path: 'package-lock.json', installedVersion: '4.17.20' },
    }]);
  });

  it('says a report with errors covered its repository partially', async () => {
    const rs = await parse({ results: [], errors: [{ code: 3, level: 'warn', type: ['PartialParsing', []], message: 'Syntax error at line 3', path: 'a.py' }] });
    expect(rs[0]).toMatchObject({ type: 'coverage', coverage: 'partial', error: '1 Semgrep error: PartialParsing in a.py: Syntax error at line 3' });
  });
});

describe('semgrep-json on hostile input', () => {
  it('drops __proto__ keys without polluting prototypes', async () => {
    const rs = await parse(`{"results": [{"check_id": "r", "path": "p", "start": {"line": 1}, "extra": {"metadata": {"__proto__": {"polluted": 1}}, "__proto__": {"polluted": 2}}}], "errors": [], "__proto__": {"polluted": 3}}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(rs)).not.toContain('polluted');
    expect(findings(rs)).toHaveLength(1);
  });

  it('names the file when the JSON is truncated, and the field of the wrong type', async () => {
    const whole = JSON.stringify({ results: [result(1), result(2)], errors: [] });
    expect((await parseError(whole.slice(0, 100), 'ci-42.json')).message).toMatch(/^ci-42\.json: invalid JSON/);
    const cases: [unknown, string][] = [
      [{ results: [result(1), { ...result(2), start: { line: '2' } }], errors: [] }, 'results[1].start.line'],
      [{ results: [{ ...result(1), extra: { severity: 3 } }], errors: [] }, 'results[0].extra.severity'],
      [{ results: [result(1)], errors: [{ message: 7 }] }, 'errors[0].message'],
      [{ results: 'none', errors: [] }, 'results: Invalid input: expected array'],
    ];
    for (const [doc, field] of cases) expect((await parseError(doc, 'ci-42.json')).message).toContain(`ci-42.json: Semgrep report field ${field}`);
  });
});
