import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { osvScannerJson } from './parser.js';

const FIXTURE = readFileSync(new URL('./testdata/report.json', import.meta.url), 'utf8');

async function parse(text: string, name = 'osv.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of osvScannerJson.parse(memoryReportFile(name, text))) out.push(r);
  return out;
}
async function parseError(text: string, name = 'osv.json'): Promise<MothershipError> {
  try {
    await parse(text, name);
  } catch (e) {
    if (e instanceof MothershipError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}
const pkg = { package: { name: 'lodash', version: '1.0.0', ecosystem: 'npm' }, vulnerabilities: [{ id: 'GHSA-35jh-r3h4-6jhm', aliases: ['CVE-2021-23337'] }] };
const doc = (packages: unknown) => JSON.stringify({ results: [{ source: { path: '/src/app/package-lock.json', type: 'lockfile' }, packages }] });

describe('osv-scanner-json on hostile input', () => {
  it('drops __proto__ keys anywhere without polluting prototypes', async () => {
    const text = `{"__proto__": {"polluted": 1}, "results": [{"source": {"path": "/a/b/yarn.lock", "__proto__": {"polluted": 2}},
      "packages": [{"package": {"name": "x", "version": "1", "ecosystem": "npm", "__proto__": {"polluted": 3}},
        "vulnerabilities": [{"id": "GHSA-aaaa-bbbb-cccc", "database_specific": {"__proto__": {"polluted": 4}, "severity": "LOW"},
          "affected": [{"ranges": [{"events": [{"__proto__": {"polluted": 5}, "fixed": "2"}]}]}]}]}]}]}`;
    const rs = await parse(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(rs)).not.toContain('polluted');
    expect(rs.find((r) => r.type === 'finding')).toMatchObject({ finding: { severity: 'low', remediation: 'Upgrade x to 2' } });
  });

  it('names the file when the JSON is truncated or empty', async () => {
    const e = await parseError(FIXTURE.slice(0, 2000), 'osv-nightly.json');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toMatch(/^osv-nightly\.json: invalid JSON/);
    expect((await parseError('', 'empty.json')).message).toMatch(/^empty\.json: invalid JSON/);
  });

  it('names the field that has the wrong type', async () => {
    const e = await parseError(doc([pkg, { ...pkg, vulnerabilities: [{ id: 'X-1', aliases: 'CVE-1' }] }]), 'scan.json');
    expect(e.message).toBe('scan.json: osv-scanner report field results[0].packages[1].vulnerabilities[0].aliases: Invalid input: expected array, received string');
    expect((await parseError(JSON.stringify({ results: [{ source: { type: 'lockfile' } }] }))).message).toContain('results[0].source.path');
    expect((await parseError(doc([{ package: { ecosystem: 'npm' }, vulnerabilities: [] }]))).message).toContain('results[0].packages[0].package: neither a name nor a commit');
    expect((await parseError(JSON.stringify({ packages: [] }))).message).toContain('field results:');
  });
});
