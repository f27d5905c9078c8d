import { describe, expect, it } from 'vitest';
import { vulnFingerprint } from '../../findings/fingerprint.js';
import type { NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { recordProblems } from '../shared/dojo-corpus.js';
import { npmAuditJson } from './parser.js';

async function parse(doc: unknown, name = 'audit.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of npmAuditJson.parse(memoryReportFile(name, typeof doc === 'string' ? doc : JSON.stringify(doc)))) out.push(r);
  return out;
}
const findings = (rs: NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));

/** npm 6: lodash in two versions and two paths, an advisory with two CVEs, one without a GHSA. */
const V6 = {
  actions: [],
  advisories: {
    1065345: { id: 1065345, module_name: 'lodash', title: 'Command Injection in lodash', severity: 'high', cves: ['CVE-2021-23337'],
      github_advisory_id: 'GHSA-35jh-r3h4-6jhm', cwe: ['CWE-77'], vulnerable_versions: '<4.17.21', patched_versions: '>=4.17.21',
      recommendation: 'Upgrade to version 4.17.21 or later', url: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm',
      cvss: { score: 7.2, vectorString: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' },
      findings: [{ version: '4.17.20', paths: ['a>lodash'] }, { version: '4.17.15', paths: ['b>c>lodash', 'd>lodash'] }] },
    2000: { id: 2000, module_name: 'minimist', title: 'Prototype Pollution', severity: 'moderate', cves: ['CVE-2020-7598', 'CVE-2021-44906'],
      cwe: '["CWE-1321"]', patched_versions: '>=0.2.4 <1.0.0 || >=1.2.6', recommendation: 'Upgrade to version 1.2.6 or later',
      url: 'https://github.com/advisories/GHSA-xvch-5gv4-984h', findings: [{ version: '1.2.5', paths: ['mkdirp>minimist'] }] },
    146: { id: 146, module_name: 'growl', title: 'Command Injection', severity: 'critical', cves: [], cwe: 'CWE-94',
      url: 'https://npmjs.com/advisories/146', findings: [{ version: '1.9.2', paths: ['mocha>growl'] }] },
  },
  muted: [],
  metadata: { vulnerabilities: { high: 1, moderate: 1, critical: 1 } },
};

/** npm 7+: debug with two advisories, its dependents vulnerable only through it. */
const V7 = {
  auditReportVersion: 2,
  vulnerabilities: {
    debug: { name: 'debug', severity: 'high', isDirect: false, range: '<=2.6.8', nodes: ['node_modules/debug'], effects: ['express'],
      via: [
        { source: 1094222, name: 'debug', dependency: 'debug', title: 'Regular Expression Denial of Service in debug', url: 'https://github.com/advisories/GHSA-gxpj-cx7g-858c',
          severity: 'moderate', cwe: ['CWE-400'], cvss: { score: 5.3, vectorString: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L' }, range: '<2.6.9' },
        { source: 1094457, name: 'debug', dependency: 'debug', title: 'debug ReDoS', url: 'https://github.com/advisories/GHSA-9vvw-cc9w-f27h', severity: 'high', cwe: ['CWE-1333'], range: '<2.6.9' },
        'ms',
      ],
      fixAvailable: { name: 'express', version: '4.18.3', isSemVerMajor: false } },
    express: { name: 'express', severity: 'high', isDirect: true, via: ['debug'], effects: [], range: '<=4.17.3', nodes: ['node_modules/express'], fixAvailable: true },
  },
  metadata: { vulnerabilities: { high: 2, total: 2 } },
};

describe('npm-audit-json accepts()', () => {
  const head = (s: string) => ({ name: 'x', head: Buffer.from(s) });
  it('sniffs both report versions and npm\'s error document', () => {
    expect(npmAuditJson.accepts(head(JSON.stringify(V6)))).toBe(true);
    expect(npmAuditJson.accepts(head(JSON.stringify(V7)))).toBe(true);
    expect(npmAuditJson.accepts(head('{"error": {"code": "ENOAUDIT", "summary": "no audit"}}'))).toBe(true);
  });
  it('rejects Snyk\'s and other tools\' vulnerabilities and errors', () => {
    expect(npmAuditJson.accepts(head('{"vulnerabilities": [], "ok": true, "packageManager": "npm", "dependencyCount": 3}'))).toBe(false);
    expect(npmAuditJson.accepts(head('{"error": "something"}'))).toBe(false);
    expect(npmAuditJson.accepts(head('{"type":"auditSummary","data":{}}'))).toBe(false);
  });
});

describe('npm-audit-json on npm 6 reports', () => {
  it('makes one finding per module and advisory, known by its CVE, with every version in evidence', async () => {
    const rs = await parse(V6, 'shop-audit.json');
    expect(recordProblems(rs)).toEqual([]);
    expect(rs.find((r) => r.type === 'asset')).toMatchObject({ scope: 'npm-audit-json:repo:shop-audit', asset: { uid: 'repo:shop-audit', kind: 'code.repository' } });
    const lodash = findings(rs).find((f) => f.advisoryId === 'CVE-2021-23337');
    expect(lodash).toMatchObject({
      fingerprint: vulnFingerprint('repo:shop-audit', 'npm', 'lodash', 'CVE-2021-23337'), originalId: '1065345', severity: 'high',
      title: 'Command Injection in lodash', remediation: 'Upgrade lodash to 4.17.21',
      properties: { aliases: ['GHSA-35jh-r3h4-6jhm', 'npm:1065345'], cweIds: ['CWE-77'], fixedVersions: ['4.17.21'] },
    });
    const occ = (lodash?.evidence as { occurrences: { installedVersion: string; dependencyPaths: string[] }[] }).occurrences;
    expect(occ.map((o) => [o.installedVersion, o.dependencyPaths])).toEqual([['4.17.20', ['a>lodash']], ['4.17.15', ['b>c>lodash', 'd>lodash']]]);
  });

  it('keeps the GHSA when an advisory names two CVEs, npm\'s number when it has no other id', async () => {
    const rs = await parse(V6);
    const minimist = findings(rs).find((f) => f.properties?.packageName === 'minimist');
    expect(minimist).toMatchObject({ advisoryId: 'GHSA-xvch-5gv4-984h', severity: 'medium', remediation: 'Upgrade to version 1.2.6 or later',
      properties: { cweIds: ['CWE-1321'], aliases: ['CVE-2020-7598', 'CVE-2021-44906', 'npm:2000'] } });
    expect(findings(rs).find((f) => f.properties?.packageName === 'growl'))
      .toMatchObject({ advisoryId: 'npm:146', severity: 'critical', title: 'Command Injection in growl', properties: { cweIds: ['CWE-94'] } });
  });

  it('lists the installed versions of vulnerable modules as packages', async () => {
    const pkgs = (await parse(V6)).flatMap((r) => (r.type === 'package' ? [r.package.purl] : []));
    expect(pkgs.sort()).toEqual(['pkg:npm/growl@1.9.2', 'pkg:npm/lodash@4.17.15', 'pkg:npm/lodash@4.17.20', 'pkg:npm/minimist@1.2.5']);
  });
});

describe('npm-audit-json on npm 7+ reports', () => {
  it('makes one finding per advisory of a vulnerable package, and none for its dependents', async () => {
    const rs = await parse(V7);
    expect(recordProblems(rs)).toEqual([]);
    expect(rs.some((r) => r.type === 'package')).toBe(false); // npm 7 names no installed version
    const fs = findings(rs);
    expect(fs.map((f) => `${String(f.properties?.packageName)} ${f.advisoryId} ${f.severity}`)).toEqual([
      'debug GHSA-gxpj-cx7g-858c medium', 'debug GHSA-9vvw-cc9w-f27h high']);
    expect(fs[0]).toMatchObject({ originalId: '1094222', remediation: 'Upgrade express to 4.18.3, which fixes debug', packagePurl: 'pkg:npm/debug',
      properties: { cweIds: ['CWE-400'], cvss: [{ vector: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L', baseScore: 5.3 }], aliases: ['npm:1094222'] },
      evidence: { installedRange: '<=2.6.8', nodes: ['node_modules/debug'], effects: ['express'] } });
  });

  it('refuses a failed audit with npm\'s reason, and report versions it does not know', async () => {
    await expect(parse({ error: { code: 'ENOAUDIT', summary: 'Your configured registry may not support audit requests', detail: '' } }, 'ci-audit.json'))
      .rejects.toThrow('ci-audit.json: npm audit report contains errors: ENOAUDIT: Your configured registry may not support audit requests');
    await expect(parse({ ...V7, auditReportVersion: 3 })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
  });
});
