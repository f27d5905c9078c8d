import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { grypeJson } from './parser.js';

const FIXTURE = readFileSync(new URL('./testdata/image-report.json', import.meta.url), 'utf8');

async function parse(text: string, name = 'grype.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of grypeJson.parse(memoryReportFile(name, text))) out.push(r);
  return out;
}

async function parseError(text: string, name = 'grype.json'): Promise<MothershipError> {
  try {
    await parse(text, name);
  } catch (e) {
    if (e instanceof MothershipError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}

const match = { vulnerability: { id: 'CVE-2024-0001', severity: 'High' }, artifact: { name: 'left-pad', version: '1.0.0', type: 'npm', purl: 'pkg:npm/left-pad@1.0.0' } };
const doc = (matches: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ matches, source: { type: 'directory', target: '/src/app' }, ...extra });

describe('grype-json on hostile input', () => {
  it('drops __proto__ keys anywhere without polluting prototypes', async () => {
    const text = `{"__proto__": {"polluted": "top"}, "matches": [{"__proto__": {"polluted": "match"},
      "vulnerability": {"id": "CVE-2024-0001", "__proto__": {"polluted": "vuln"}, "fix": {"versions": ["2.0.0"], "__proto__": {"polluted": "fix"}}},
      "artifact": {"name": "left-pad", "version": "1.0.0", "type": "npm", "__proto__": {"polluted": "artifact"}}}],
      "source": {"type": "image", "target": {"userInput": "x:1", "imageID": "sha256:abc", "labels": {"a": "1", "__proto__": {"polluted": "labels"}}}}}`;
    const rs = await parse(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(JSON.stringify(rs)).not.toContain('polluted');
    expect(rs.filter((r) => r.type === 'finding')).toHaveLength(1);
  });

  it('names the file when the JSON is truncated', async () => {
    const e = await parseError(FIXTURE.slice(0, FIXTURE.length / 2), 'nightly-grype.json');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toMatch(/^nightly-grype\.json: invalid JSON/);
  });

  it('names the field that has the wrong type', async () => {
    const e = await parseError(doc([match, { ...match, vulnerability: { id: 'CVE-2024-0002', severity: 3 } }]), 'scan-7.json');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toBe('scan-7.json: Grype report field matches[1].vulnerability.severity: Invalid input: expected string, received number');
    expect((await parseError(doc('none'))).message).toContain('field matches:');
    expect((await parseError(doc([{ ...match, artifact: { version: '1' } }]))).message).toContain('matches[0].artifact.name');
    expect((await parseError(doc([{ ...match, artifact: { ...match.artifact, locations: 'here' } }]))).message).toContain('matches[0].artifact.locations');
    expect((await parseError(doc([], { source: { type: 'image', target: { repoDigests: 'sha256:abc' } } }))).message).toContain('source.target.repoDigests');
    expect((await parseError(doc([], { source: { type: 'image', target: {} } }))).message).toContain('source.target: the image has no');
  });

  it('refuses what is not a Grype report, and nesting deep enough to exhaust the stack', async () => {
    expect((await parseError(JSON.stringify([match]))).message).toContain('(document)');
    expect((await parseError('{"results": []}')).message).toContain('field matches');
    const deep = `{"matches": [${'['.repeat(100_000)}${']'.repeat(100_000)}]}`;
    expect((await parseError(deep)).message).toMatch(/nested deeper/);
  });
});
