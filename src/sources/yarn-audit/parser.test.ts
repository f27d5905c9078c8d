import { describe, expect, it } from 'vitest';
import { vulnFingerprint } from '../../findings/fingerprint.js';
import type { NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { recordProblems } from '../shared/dojo-corpus.js';
import { yarnAuditJson } from './parser.js';

async function parse(text: string, name = 'yarn-audit.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of yarnAuditJson.parse(memoryReportFile(name, text))) out.push(r);
  return out;
}
const findings = (rs: NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
const ndjson = (...lines: unknown[]) => `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;

const advisory = {
  id: 1065345, module_name: 'lodash', title: 'Command Injection in lodash', severity: 'high', cves: ['CVE-2021-23337'],
  github_advisory_id: 'GHSA-35jh-r3h4-6jhm', cwe: '["CWE-77"]', patched_versions: '>=4.17.21', url: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm',
  findings: [{ version: '4.17.20', paths: ['a>lodash', 'b>lodash'] }],
};
const line = (path: string) => ({ type: 'auditAdvisory', data: { resolution: { id: 1065345, path, dev: false }, advisory } });
const summary = { type: 'auditSummary', data: { vulnerabilities: { high: 1 }, dependencies: 10, totalDependencies: 10 } };
const YARN1 = ndjson({ type: 'info', data: 'Auditing' }, line('a>lodash'), line('b>lodash'), summary);
const BERRY = ndjson(
  { value: '@babel/plugin-proposal-class-properties', children: { ID: '@babel/plugin-proposal-class-properties (deprecation)', Issue: 'no longer maintained', Severity: 'moderate', 'Vulnerable Versions': '7.18.6', 'Tree Versions': ['7.18.6'], Dependents: ['x@npm:1'] } },
  { value: 'transformers', children: { ID: 1096536, Issue: 'Transformers Deserialization of Untrusted Data vulnerability', URL: 'https://github.com/advisories/GHSA-37q5-v5qm-c9v8', Severity: 'low', 'Vulnerable Versions': '< 4.38.0', 'Tree Versions': ['4.37', '4.36'], Dependents: ['test@npm:1.13.0'] } },
);

describe('yarn-audit-json accepts()', () => {
  const head = (s: string) => ({ name: 'x', head: Buffer.from(s) });
  it('sniffs yarn 1 and yarn 2+ output, and a failed audit', () => {
    expect(yarnAuditJson.accepts(head(YARN1))).toBe(true);
    expect(yarnAuditJson.accepts(head(BERRY))).toBe(true);
    expect(yarnAuditJson.accepts(head('{"type":"warning","data":"No license field"}\n{"type":"error","data":"An unexpected error occurred"}\n'))).toBe(true);
    expect(yarnAuditJson.accepts(head(YARN1.slice(0, YARN1.length - 40)))).toBe(true);
  });
  it('rejects yarn logs without audit lines, npm audit and other JSON', () => {
    expect(yarnAuditJson.accepts(head('{"type":"info","data":"Resolving packages"}\n{"type":"success","data":"Done"}\n'))).toBe(false);
    expect(yarnAuditJson.accepts(head(JSON.stringify({ actions: [], advisories: {} })))).toBe(false);
    expect(yarnAuditJson.accepts(head('{"value": 1}\n'))).toBe(false);
    expect(yarnAuditJson.accepts(head(''))).toBe(false);
  });
});

describe('yarn-audit-json', () => {
  it('reads yarn 1\'s advisory lines as npm advisories: one finding per module and advisory', async () => {
    const rs = await parse(YARN1, 'web-yarn-audit.json');
    expect(recordProblems(rs)).toEqual([]);
    const fs = findings(rs);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ fingerprint: vulnFingerprint('repo:web-yarn-audit', 'npm', 'lodash', 'CVE-2021-23337'),
      advisoryId: 'CVE-2021-23337', severity: 'high', remediation: 'Upgrade lodash to 4.17.21', properties: { cweIds: ['CWE-77'] } });
    expect(fs[0]?.evidence).toMatchObject({ installedVersion: '4.17.20', dependencyPaths: ['a>lodash', 'b>lodash'] });
    expect(rs.filter((r) => r.type === 'package').map((r) => r.type === 'package' && r.package.purl)).toEqual(['pkg:npm/lodash@4.17.20']);
    expect(rs.find((r) => r.type === 'asset')).toMatchObject({ scope: 'yarn-audit-json:repo:web-yarn-audit', asset: { uid: 'repo:web-yarn-audit' } });
  });

  it('reads yarn 2+ lines, skipping deprecation notices', async () => {
    const rs = await parse(BERRY);
    expect(recordProblems(rs)).toEqual([]);
    const fs = findings(rs);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ advisoryId: 'GHSA-37q5-v5qm-c9v8', originalId: '1096536', severity: 'low', properties: { aliases: ['npm:1096536'] } });
    expect((fs[0]?.evidence as { occurrences: { installedVersion: string }[] }).occurrences.map((o) => o.installedVersion)).toEqual(['4.37', '4.36']);
  });

  it('refuses an audit that failed or did not finish, with yarn\'s reason', async () => {
    await expect(parse(ndjson({ type: 'error', data: 'connect ECONNREFUSED 127.0.0.1:80' }), 'ci.json'))
      .rejects.toThrow('ci.json: yarn audit report contains errors: connect ECONNREFUSED 127.0.0.1:80');
    await expect(parse(ndjson(line('a>lodash')), 'cut.json')).rejects.toThrow('cut.json: yarn audit report has no auditSummary line');
    await expect(parse('\n\n', 'blank.json')).rejects.toThrow('blank.json: yarn audit report is empty');
  });
});
