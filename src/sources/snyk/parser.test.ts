import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vulnFingerprint } from '../../findings/fingerprint.js';
import type { NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { recordProblems } from '../shared/dojo-corpus.js';
import { snykJson } from './parser.js';

const FIXTURE = readFileSync(new URL('./testdata/all-projects.json', import.meta.url), 'utf8');
const IMAGE = 'image:acme/shop:1.4.2';

async function parse(doc: unknown, name = 'snyk.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of snykJson.parse(memoryReportFile(name, typeof doc === 'string' ? doc : JSON.stringify(doc)))) out.push(r);
  return out;
}
const findings = (rs: NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
const projects = () => JSON.parse(FIXTURE) as Record<string, unknown>[];

describe('snyk-json accepts()', () => {
  const head = (s: string) => ({ name: 'x', head: Buffer.from(s) });
  it('sniffs a project, an --all-projects array and a failed test', () => {
    expect(snykJson.accepts(head(FIXTURE))).toBe(true);
    expect(snykJson.accepts(head(JSON.stringify(projects()[0])))).toBe(true);
    expect(snykJson.accepts(head('{"ok": false, "error": "Could not detect supported target files", "path": "/src"}'))).toBe(true);
  });
  it('rejects npm audit, SARIF and CycloneDX', () => {
    expect(snykJson.accepts(head('{"auditReportVersion": 2, "vulnerabilities": {}, "metadata": {}}'))).toBe(false);
    expect(snykJson.accepts(head('{"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": []}'))).toBe(false);
    expect(snykJson.accepts(head('{"bomFormat": "CycloneDX", "vulnerabilities": []}'))).toBe(false);
  });
});

describe('snyk-json', () => {
  it('puts each project on its asset: the code by its project name, a container on its image', async () => {
    const rs = await parse(FIXTURE);
    expect(recordProblems(rs)).toEqual([]);
    expect(rs.filter((r) => r.type === 'coverage').map((r) => r.scope)).toEqual(['snyk-json:repo:shop-web', `snyk-json:${IMAGE}`]);
    expect(rs.filter((r) => r.type === 'asset').map((r) => r.type === 'asset' && [r.asset.uid, r.asset.kind])).toEqual([
      ['repo:shop-web', 'code.repository'], [IMAGE, 'container.image']]);
  });

  it('makes one finding per package and advisory, each dependency path an occurrence', async () => {
    const fs = findings(await parse(FIXTURE)).filter((f) => f.assetUid === 'repo:shop-web');
    const lodash = fs.find((f) => f.advisoryId === 'CVE-2021-23337');
    expect(lodash).toMatchObject({
      fingerprint: vulnFingerprint('repo:shop-web', 'npm', 'lodash', 'CVE-2021-23337'), originalId: 'SNYK-JS-LODASH-1040724',
      title: 'Command Injection in lodash', severity: 'high', remediation: 'Upgrade lodash to 4.17.21',
      properties: { aliases: ['GHSA-35jh-r3h4-6jhm', 'SNYK-JS-LODASH-1040724'], cweIds: ['CWE-78'], epss: { probability: 0.0123, percentile: 0.84 },
        exploitMaturity: 'Proof of Concept', identifiers: { NSP: ['1673'] } },
    });
    const occ = (lodash?.evidence as { occurrences: { path: string; from: string; installedVersion: string }[] }).occurrences;
    expect(occ.map((o) => [o.path, o.installedVersion, o.from])).toEqual([
      ['web/package-lock.json', '4.17.20', 'shop-web@1.0.0 > express-x@1.2.0 > lodash@4.17.20'],
      ['web/package-lock.json', '4.17.15', 'shop-web@1.0.0 > lodash@4.17.15']]);
    // Two CVEs and two GHSAs: no single other id, Snyk's own is kept.
    expect(fs.find((f) => f.properties?.packageName === 'minimist')).toMatchObject({ advisoryId: 'SNYK-JS-MINIMIST-559764', severity: 'medium', remediation: null });
  });

  it('makes license issues license findings on the package', async () => {
    const lic = findings(await parse(FIXTURE)).find((f) => f.kind === 'license');
    expect(lic).toMatchObject({ ruleId: 'LGPL-2.1', title: 'LGPL-2.1 license in tinymce', severity: 'medium', assetUid: 'repo:shop-web', packagePurl: 'pkg:npm/tinymce@4.9.11' });
  });

  it('names OS packages of an image by their binary, as Trivy does, and reads the image\'s applications', async () => {
    const rs = await parse(FIXTURE);
    const image = findings(rs).filter((f) => f.assetUid === IMAGE);
    expect(image.map((f) => `${String(f.properties?.ecosystem)} ${String(f.properties?.packageName)} ${f.advisoryId}`).sort()).toEqual([
      'Debian libgcc-s1 CVE-2023-4039', 'Debian libstdc++6 CVE-2023-4039', 'npm lodash CVE-2021-23337']);
    expect(image.find((f) => f.properties?.packageName === 'libgcc-s1')?.fingerprint).toBe(vulnFingerprint(IMAGE, 'Debian', 'libgcc-s1', 'CVE-2023-4039'));
    const pkgs = rs.flatMap((r) => (r.type === 'package' && r.package.assetUid === IMAGE ? [r.package] : []));
    expect(pkgs.map((p) => `${p.name} ${p.sourceName ?? '-'} ${p.path ?? ''}`)).toEqual(['libgcc-s1 gcc-12 ', 'libstdc++6 gcc-12 ', 'lodash - app/package.json']);
  });

  it('keys an image by digest when Snyk was given one, and a project without name by its folder', async () => {
    const [project, container] = projects();
    const digest = `sha256:${'d'.repeat(64)}`;
    const rs = await parse({ ...container, path: `acme/shop@${digest}`, applications: [] });
    expect(rs.find((r) => r.type === 'asset')).toMatchObject({ asset: { uid: `docker.io/acme/shop@${digest}` } });
    const unnamed = await parse({ ...project, projectName: null, path: 'C:\\work\\shop' });
    expect(unnamed.find((r) => r.type === 'asset')).toMatchObject({ asset: { uid: 'repo:shop' } });
  });

  it('refuses a failed test with Snyk\'s reason', async () => {
    await expect(parse({ ok: false, error: 'Could not detect supported target files in /src', path: '/src' }, 'snyk-ci.json'))
      .rejects.toThrow('snyk-ci.json: Snyk test failed: Could not detect supported target files in /src');
  });
});
