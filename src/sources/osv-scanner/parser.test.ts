import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vulnFingerprint } from '../../findings/fingerprint.js';
import type { NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { recordProblems } from '../shared/dojo-corpus.js';
import { osvScannerJson } from './parser.js';

const FIXTURE = readFileSync(new URL('./testdata/report.json', import.meta.url), 'utf8');

async function parse(doc: unknown, name = 'osv.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of osvScannerJson.parse(memoryReportFile(name, typeof doc === 'string' ? doc : JSON.stringify(doc)))) out.push(r);
  return out;
}
const findings = (rs: NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
const byAdvisory = (rs: NormalizedRecord[], id: string) => findings(rs).find((f) => f.advisoryId === id);

describe('osv-scanner-json accepts()', () => {
  const head = (s: string) => ({ name: 'x', head: Buffer.from(s) });
  it('sniffs results with a source path', () => {
    expect(osvScannerJson.accepts(head(FIXTURE))).toBe(true);
    expect(osvScannerJson.accepts(head('{"results": [{"source": {"path": "/a/go.mod", "type": "lockfile"}, "packages": []}]}'))).toBe(true);
  });
  it('rejects Semgrep results, OSV records and empty files', () => {
    expect(osvScannerJson.accepts(head('{"results": [{"check_id": "x", "path": "a.py", "start": {"line": 1}}], "errors": []}'))).toBe(false);
    expect(osvScannerJson.accepts(head('{"id": "GHSA-35jh-r3h4-6jhm", "aliases": ["CVE-2021-23337"], "affected": []}'))).toBe(false);
    expect(osvScannerJson.accepts(head(''))).toBe(false);
  });
});

describe('osv-scanner-json on a project scan', () => {
  it('names the project after the folder holding every source, and keeps paths relative to it', async () => {
    const rs = await parse(FIXTURE);
    expect(recordProblems(rs)).toEqual([]);
    expect(rs.filter((r) => r.type === 'asset')).toEqual([{ type: 'asset', scope: 'osv-scanner-json:repo:shop',
      asset: { uid: 'repo:shop', kind: 'code.repository', name: 'shop', properties: { namedFrom: 'checkout-root' } } }]);
    const pkgs = rs.flatMap((r) => (r.type === 'package' ? [`${r.package.ecosystem} ${r.package.name}@${r.package.version} ${r.package.path}`] : []));
    expect(pkgs).toEqual(['npm lodash@4.17.20 package-lock.json', 'npm flot-axis@0.0.0 package-lock.json', 'PyPI django@3.2.4 api/requirements.txt',
      'npm lodash@4.17.15 web/package-lock.json', 'Debian openssl@3.0.11-1~deb12u2 docker/status']);
  });

  it('makes one finding per group of aliased records, known by its CVE', async () => {
    const rs = await parse(FIXTURE);
    const django = byAdvisory(rs, 'CVE-2022-28346');
    expect(django).toMatchObject({ originalId: 'GHSA-2gwj-7jmv-h26r', title: 'SQL Injection in Django', severity: 'critical',
      fingerprint: vulnFingerprint('repo:shop', 'PyPI', 'django', 'CVE-2022-28346'), remediation: 'Upgrade django to 3.2.13' });
    expect(django?.properties).toMatchObject({ aliases: ['GHSA-2gwj-7jmv-h26r', 'PYSEC-2022-190'], osvIds: ['GHSA-2gwj-7jmv-h26r', 'PYSEC-2022-190'] });
    // A record no group names is a vulnerability of its own.
    expect(byAdvisory(rs, 'CVE-2023-99999')?.originalId).toBe('PYSEC-2023-999');
    expect(findings(rs).map((f) => f.advisoryId).sort()).toEqual(['CVE-2021-23337', 'CVE-2022-28346', 'CVE-2023-50094', 'CVE-2023-5678', 'CVE-2023-99999', 'MAL-2023-1035']);
  });

  it('keeps one finding for one package in two lockfiles, with the fixes for that package only', async () => {
    const lodash = byAdvisory(await parse(FIXTURE), 'CVE-2021-23337');
    const occ = (lodash?.evidence as { occurrences: { path: string; installedVersion: string }[] }).occurrences;
    expect(occ.map((o) => `${o.path} ${o.installedVersion}`)).toEqual(['package-lock.json 4.17.20', 'web/package-lock.json 4.17.15']);
    expect(lodash?.properties).toMatchObject({ fixedVersions: ['4.17.21'], cweIds: ['CWE-77', 'CWE-94'] });
  });

  it('rates records by GitHub\'s word, else their CVSS vector, else a distro\'s word; a malicious package is critical', async () => {
    const rs = await parse(FIXTURE);
    expect(byAdvisory(rs, 'CVE-2021-23337')?.severity).toBe('high');
    expect(byAdvisory(rs, 'CVE-2023-99999')?.severity).toBe('medium'); // CVSS 5.3
    expect(byAdvisory(rs, 'CVE-2023-5678')).toMatchObject({ severity: 'medium', properties: { ecosystem: 'Debian' } });
    expect(byAdvisory(rs, 'MAL-2023-1035')?.severity).toBe('critical');
    expect(byAdvisory(rs, 'CVE-2023-50094')?.severity).toBe('info');
  });

  it('takes a git checkout as the vulnerable thing, at its commit', async () => {
    const git = byAdvisory(await parse(FIXTURE), 'CVE-2023-50094');
    expect(git).toMatchObject({ packagePurl: null, properties: { ecosystem: 'git', packageName: '.' },
      evidence: { installedVersion: 'f5f3c22f3ed5a6804a2a8d9ee9fa43044cfa24a6' } });
  });

  it('names the project after the report when the sources share no folder', async () => {
    const doc = JSON.parse(FIXTURE) as { results: { source: { path: string } }[] };
    doc.results[0]!.source.path = '/srv/other/package-lock.json';
    const rs = await parse(doc, 'nightly-osv.json');
    expect(rs.find((r) => r.type === 'asset')).toMatchObject({ asset: { uid: 'repo:nightly-osv' } });
    expect(rs.flatMap((r) => (r.type === 'package' ? [r.package.path] : []))[0]).toBe('/srv/other/package-lock.json');
    const none = await parse({ results: [] }, 'clean.json');
    expect(none.filter((r) => r.type !== 'coverage')).toEqual([{ type: 'asset', scope: 'osv-scanner-json:repo:clean',
      asset: { uid: 'repo:clean', kind: 'code.repository', name: 'clean', properties: { namedFrom: 'report-file' } } }]);
  });
});
