import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { trivyJson } from './parser.js';

async function parse(text: string, name = 'scan.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of trivyJson.parse(memoryReportFile(name, text))) out.push(r);
  return out;
}

/** The error a parse ends with, or a failure when it does not throw. */
async function parseError(text: string, name = 'scan.json'): Promise<MothershipError> {
  try {
    await parse(text, name);
  } catch (e) {
    if (e instanceof MothershipError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}

const vuln = { VulnerabilityID: 'CVE-2024-0001', PkgName: 'left-pad', InstalledVersion: '1.0.0', Severity: 'HIGH' };
const doc = (results: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ SchemaVersion: 2, ArtifactName: 'app', ArtifactType: 'filesystem', Results: results, ...extra });

describe('trivy-json on hostile input', () => {
  it('drops __proto__ keys anywhere without polluting prototypes', async () => {
    const text = `{
      "SchemaVersion": 2, "ArtifactName": "evil:1", "ArtifactType": "container_image",
      "__proto__": { "polluted": "top" },
      "Metadata": { "ImageID": "sha256:abc", "__proto__": { "polluted": "metadata" },
        "ImageConfig": { "config": { "Labels": { "a": "1", "__proto__": { "polluted": "labels" } } } } },
      "Results": [ { "Target": "package-lock.json", "Class": "lang-pkgs", "Type": "npm", "__proto__": { "polluted": "result" },
        "Vulnerabilities": [ { "VulnerabilityID": "CVE-2024-0001", "PkgName": "left-pad", "InstalledVersion": "1.0.0",
          "__proto__": { "polluted": "vuln" }, "VendorSeverity": { "__proto__": { "polluted": "vs" }, "nvd": 3 } } ] } ]
    }`;
    const rs = await parse(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const image = rs.find((r) => r.type === 'asset');
    expect(image?.type === 'asset' && image.asset.properties?.labels).toEqual({ a: '1' });
    const f = rs.find((r) => r.type === 'finding');
    expect(f?.type === 'finding' && f.finding.properties?.vendorSeverity).toEqual({ nvd: 3 });
    expect(JSON.stringify(rs)).not.toContain('polluted');
  });

  it('names the file when the JSON is truncated', async () => {
    const whole = doc([{ Target: 'x', Class: 'lang-pkgs', Type: 'npm', Vulnerabilities: [vuln] }]);
    const e = await parseError(whole.slice(0, whole.length - 20), 'nightly-scan.json');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain('nightly-scan.json');
    expect(e.message).toMatch(/invalid JSON/);
  });

  it('names the field that has the wrong type', async () => {
    const e = await parseError(doc([{ Target: 'x', Class: 'lang-pkgs', Type: 'npm', Vulnerabilities: [vuln, { ...vuln, Severity: 5 }] }]), 'scan-42.json');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain('scan-42.json');
    expect(e.message).toContain('Results[0].Vulnerabilities[1].Severity');
    expect(e.message).toMatch(/expected string/);

    expect((await parseError(doc('all of them'))).message).toContain('field Results:');
    expect((await parseError(doc([{ Target: 'x', Packages: [{ Name: 'a', Epoch: '1' }] }]))).message).toContain('Results[0].Packages[0].Epoch');
    expect((await parseError(doc([{ Target: 'x', Vulnerabilities: [{ PkgName: 'a' }] }]))).message).toContain('Results[0].Vulnerabilities[0].VulnerabilityID');
    expect((await parseError(doc([], { Metadata: { RepoDigests: 'sha256:abc' } }))).message).toContain('Metadata.RepoDigests');
    expect((await parseError(doc([{ Target: 'x', Misconfigurations: [{ Title: 'no id', Status: 'FAIL' }] }]))).message)
      .toContain('Results[0].Misconfigurations[0].ID');
  });

  it('refuses what is not a SchemaVersion 2 report', async () => {
    expect((await parseError(JSON.stringify([{ Target: 'x' }]))).message).toContain('(document)');
    expect((await parseError(doc([], { SchemaVersion: 3 }))).code).toBe('UNSUPPORTED');
    expect((await parseError(doc([], { ArtifactName: '' }))).message).toContain('ArtifactName');
  });

  it('refuses nesting deep enough to exhaust the stack', async () => {
    const deep = `{"SchemaVersion": 2, "ArtifactName": "a", "Results": [${'['.repeat(100_000)}${']'.repeat(100_000)}]}`;
    const e = await parseError(deep);
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toMatch(/nested deeper/);
  });

  it('accepts Go nulls where Trivy omits nothing', async () => {
    const rs = await parse(doc([{ Target: 'x', Class: 'lang-pkgs', Type: 'npm', Packages: null, Vulnerabilities: [{ ...vuln, References: null, CweIDs: null, Layer: null, CVSS: null }] }], { Metadata: null }));
    expect(rs.filter((r) => r.type === 'finding')).toHaveLength(1);
  });
});
