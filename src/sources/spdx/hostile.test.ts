import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { spdxJson } from './parser.js';

async function parse(text: string, name = 'sbom.spdx.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of spdxJson.parse(memoryReportFile(name, text))) out.push(r);
  return out;
}

async function parseError(text: string, name = 'sbom.spdx.json'): Promise<MothershipError> {
  try {
    await parse(text, name);
  } catch (e) {
    if (e instanceof MothershipError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}

const pkg = { SPDXID: 'SPDXRef-1', name: 'lodash', versionInfo: '4.17.20',
  externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:npm/lodash@4.17.20' }] };
const doc = (extra: Record<string, unknown> = {}) => JSON.stringify({ spdxVersion: 'SPDX-2.3', name: 'x', packages: [pkg], ...extra });

describe('spdx-json on hostile input', () => {
  it('drops __proto__ keys anywhere without polluting prototypes', async () => {
    const text = `{ "spdxVersion": "SPDX-2.3", "name": "x", "__proto__": { "polluted": "top" },
      "packages": [ { "SPDXID": "SPDXRef-1", "name": "lodash", "__proto__": { "polluted": "package" },
        "externalRefs": [ { "referenceType": "purl", "referenceLocator": "pkg:npm/lodash@1", "__proto__": { "polluted": "ref" } } ] } ] }`;
    const rs = await parse(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(rs.filter((r) => r.type === 'package')).toHaveLength(1);
    expect(JSON.stringify(rs)).not.toContain('polluted');
  });

  it('names the file when the JSON is truncated', async () => {
    const whole = doc();
    const e = await parseError(whole.slice(0, whole.length - 10), 'app.spdx.json');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain('app.spdx.json');
    expect(e.message).toMatch(/invalid JSON/);
  });

  it('names the field that has the wrong type', async () => {
    const e = await parseError(doc({ packages: [pkg, { ...pkg, versionInfo: 4 }] }), 'app.spdx.json');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain('app.spdx.json: SPDX field packages[1].versionInfo');
    expect(e.message).toMatch(/expected string/);
    expect((await parseError(doc({ packages: [{ ...pkg, externalRefs: [{ referenceType: 'purl' }] }] }))).message)
      .toContain('packages[0].externalRefs[0].referenceLocator');
    expect((await parseError(doc({ packages: [{ name: 'no id' }] }))).message).toContain('packages[0].SPDXID');
    expect((await parseError(doc({ relationships: 'none' }))).message).toContain('field relationships');
    expect((await parseError(JSON.stringify([1, 2]))).message).toContain('(document)');
  });

  it('ignores invalid purls instead of storing them', async () => {
    const rs = await parse(doc({ packages: [{ ...pkg, externalRefs: [{ referenceType: 'purl', referenceLocator: 'pkg:' }] }] }));
    expect(rs.filter((r) => r.type === 'package')).toEqual([]);
  });
});
