import { describe, expect, it } from 'vitest';
import type { FindingInput, NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { sarif } from './parser.js';

async function parse(log: unknown, name = 'scan.sarif'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of sarif.parse(memoryReportFile(name, JSON.stringify(log)))) out.push(r);
  return out;
}

const findings = (rs: NormalizedRecord[]): FindingInput[] => rs.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
const assets = (rs: NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'asset' ? [r.asset] : []));
const coverage = (rs: NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'coverage' ? [{ scope: r.scope, coverage: r.coverage, error: r.error ?? null }] : []));

type Result = Record<string, unknown>;
const at = (uri: string, startLine: number, extra: Record<string, unknown> = {}) =>
  [{ physicalLocation: { artifactLocation: { uri, ...extra }, region: { startLine } } }];

function log(results: Result[], run: Record<string, unknown> = {}, driver: Record<string, unknown> = {}) {
  return {
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'CodeScanner', rules: [{ id: 'R1', shortDescription: { text: 'Rule one' }, messageStrings: { default: { text: 'Variable "{0}" is {1}.' } } }], ...driver } },
      results,
      ...run,
    }],
  };
}

describe('sarif', () => {
  it('recognises SARIF whatever the key order, and nothing else', () => {
    const head = (s: string) => ({ name: 'x', head: Buffer.from(s) });
    expect(sarif.accepts(head('{"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": []}'))).toBe(true);
    expect(sarif.accepts(head('{"runs": [{"tool": {"driver": {"name": "x"}}, "results": []}]}'))).toBe(true);
    expect(sarif.accepts(head('{"runs": [{"invocations": []'))).toBe(false);
    expect(sarif.accepts(head('{"SchemaVersion": 2, "ArtifactName": "x", "Results": []}'))).toBe(false);
    expect(sarif.accepts(head('[{"runs": []}]'))).toBe(false);
  });

  it('substitutes message arguments, from the result text or the rule\'s message strings', async () => {
    const fs = findings(await parse(log([
      { ruleId: 'R1', message: { id: 'default', arguments: ['count', 'unset'] }, locations: at('a.c', 3) },
      { ruleId: 'R1', message: { text: 'Literal {{0}} and {0}', arguments: ['x'] }, locations: at('a.c', 4) },
    ])));
    expect(fs.map((f) => f.title)).toEqual(['Variable "count" is unset.', 'Literal {0} and x']);
  });

  it('rates by security-severity, else by the level of the result, its rule, or warning', async () => {
    const rules = [
      { id: 'S', properties: { 'security-severity': '9.1' } },
      { id: 'D', defaultConfiguration: { level: 'error' } },
      { id: 'N' },
    ];
    const fs = findings(await parse(log([
      { ruleId: 'S', level: 'note', message: { text: 's' }, locations: at('a', 1) },
      { ruleId: 'D', message: { text: 'd' }, locations: at('a', 2) },
      { ruleId: 'N', message: { text: 'n' }, locations: at('a', 3) },
      { ruleId: 'N', level: 'note', message: { text: 'n2' }, locations: at('a', 4) },
      { ruleId: 'N', level: 'none', message: { text: 'n3' }, locations: at('a', 5) },
    ], {}, { rules })));
    expect(fs.map((f) => `${f.title}:${f.severity}`)).toEqual(['s:critical', 'd:high', 'n:medium', 'n2:low', 'n3:info']);
  });

  it('leaves out suppressed, absent, passing and informational results', async () => {
    const base = { ruleId: 'R1', locations: at('a', 1) };
    const fs = findings(await parse(log([
      { ...base, message: { text: 'suppressed' }, suppressions: [{ kind: 'inSource' }] },
      { ...base, message: { text: 'accepted' }, suppressions: [{ kind: 'external', status: 'accepted' }] },
      { ...base, message: { text: 'under review' }, suppressions: [{ kind: 'external', status: 'underReview' }] },
      { ...base, message: { text: 'rejected' }, suppressions: [{ kind: 'external', status: 'rejected' }] },
      { ...base, message: { text: 'empty list' }, suppressions: [] },
      { ...base, message: { text: 'gone' }, baselineState: 'absent' },
      { ...base, message: { text: 'new' }, baselineState: 'new' },
      { ...base, message: { text: 'pass' }, kind: 'pass' },
      { ...base, message: { text: 'info' }, kind: 'informational' },
      { ...base, message: { text: 'fail' }, kind: 'fail' },
    ])));
    expect(fs.map((f) => f.title).sort()).toEqual(['empty list', 'fail', 'new', 'rejected', 'under review']);
  });

  it('keeps a finding\'s fingerprint when lines move, by the tool\'s fingerprints or the message', async () => {
    const results = (shift: number) => [
      { ruleId: 'R1', message: { text: 'a' }, locations: at('src/a.js', 10 + shift), partialFingerprints: { primaryLocationLineHash: 'abc:1' } },
      { ruleId: 'R1', message: { text: 'b' }, locations: at('src/a.js', 20 + shift), fingerprints: { 'stable/v1': 'f00' } },
      { ruleId: 'R1', message: { text: 'same text' }, locations: at('src/b.js', 5 + shift) },
      { ruleId: 'R1', message: { text: 'same text' }, locations: at('src/b.js', 9 + shift) },
    ];
    const before = findings(await parse(log(results(0)))).map((f) => f.fingerprint);
    const after = findings(await parse(log(results(3)))).map((f) => f.fingerprint);
    expect(new Set(before).size).toBe(4);
    expect(after).toEqual(before);
  });

  it('makes one finding of a result repeated at one position, two of one fingerprint at two positions', async () => {
    const r = (line: number) => ({ ruleId: 'R1', message: { text: 'x' }, locations: at('a.sh', line), partialFingerprints: { h: 'same' } });
    expect(findings(await parse(log([r(1), r(1), r(1)])))).toHaveLength(1);
    expect(findings(await parse(log([r(1), r(7)])))).toHaveLength(2);
  });

  it('names the repository of versionControlProvenance, without credentials, and makes paths relative to the checkout', async () => {
    const rs = await parse(log([{ ruleId: 'R1', message: { text: 'x' }, locations: at('file:///builds/shop/api/src/app.py', 3) }], {
      versionControlProvenance: [{ repositoryUri: 'https://ci:s3cret@GitHub.com/shop/api.git', revisionId: 'abc123' }],
      invocations: [{ executionSuccessful: true, workingDirectory: { uri: 'file:///builds/shop/api/' } }],
    }));
    expect(assets(rs)).toMatchObject([{ uid: 'repo:github.com/shop/api', kind: 'code.repository', properties: { revision: 'abc123' } }]);
    expect(JSON.stringify(rs)).not.toContain('s3cret');
    expect(findings(rs)[0]?.evidence).toMatchObject({ path: 'src/app.py', startLine: 3 });
    expect(coverage(rs)).toEqual([{ scope: 'sarif:codescanner:repo:github.com/shop/api', coverage: 'complete', error: null }]);
  });

  it('resolves relative uriBaseId chains, and names the repository after the checkout or the report', async () => {
    const rs = await parse(log([{ ruleId: 'R1', message: { text: 'x' }, locations: at('list.h', 15, { uriBaseId: 'SRCROOT' }) }], {
      originalUriBaseIds: { PROJECTROOT: { uri: 'file:///home/ci/browser/' }, SRCROOT: { uri: 'src/', uriBaseId: 'PROJECTROOT' } },
    }));
    expect(assets(rs)[0]?.uid).toBe('repo:browser');
    expect(findings(rs)[0]?.evidence).toMatchObject({ path: 'src/list.h' });
    const bare = await parse(log([{ ruleId: 'R1', message: { text: 'x' }, locations: at('a.c', 1) }]), 'nightly-web.sarif');
    expect(assets(bare)[0]).toMatchObject({ uid: 'repo:nightly-web', properties: { namedFrom: 'report-file' } });
  });

  it('keeps one scope per tool and analysis category, so tools and categories do not sweep each other', async () => {
    const two = {
      version: '2.1.0',
      runs: [
        { tool: { driver: { name: 'CodeQL' } }, automationDetails: { id: 'language:python/run-42' }, results: [] },
        { tool: { driver: { name: 'CodeQL' } }, automationDetails: { id: 'language:js/run-43' }, results: [] },
        { tool: { driver: { name: 'Semgrep OSS' } }, results: [] },
      ],
    };
    expect(coverage(await parse(two, 'r.sarif')).map((c) => c.scope)).toEqual([
      'sarif:codeql/language:python:repo:r', 'sarif:codeql/language:js:repo:r', 'sarif:semgrep-oss:repo:r',
    ]);
  });

  it('says a run that did not execute successfully covered its subject partially', async () => {
    const rs = await parse(log([], { invocations: [{ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'out of memory' } }] }] }));
    expect(coverage(rs)).toMatchObject([{ coverage: 'partial', error: 'CodeScanner reported an unsuccessful execution: out of memory' }]);
  });

  it('classifies secrets, IaC checks and vulnerabilities in packages', async () => {
    const secret = findings(await parse(log([{ ruleId: 'aws-access-token', message: { text: 'AWS key AKIAIOSFODNN7EXAMPLE found' }, properties: { secret: 'AKIAIOSFODNN7EXAMPLE' }, locations: at('.env', 2) }], {}, { name: 'gitleaks', rules: [] })));
    expect(secret).toMatchObject([{ kind: 'secret', ruleId: 'aws-access-token' }]);
    expect(JSON.stringify(secret)).not.toContain('AKIAIOSFODNN7EXAMPLE');

    const iac = findings(await parse(log([{ ruleId: 'CKV_AWS_20', message: { text: 'bucket is public' }, locations: at('main.tf', 1) }], {}, { name: 'checkov', rules: [] })));
    expect(iac[0]?.kind).toBe('config');

    const trivy = findings(await parse(log([{
      ruleId: 'CVE-2021-23337', ruleIndex: 0, level: 'error',
      message: { text: 'Package: lodash\nInstalled Version: 4.17.20\nVulnerability CVE-2021-23337\nSeverity: HIGH\nFixed Version: 4.17.21' },
      locations: at('app/package-lock.json', 1),
    }], {}, { name: 'Trivy', rules: [{ id: 'CVE-2021-23337', name: 'LanguageSpecificPackageVulnerability', properties: { 'security-severity': '7.2', tags: ['vulnerability'] } }] })));
    expect(trivy).toMatchObject([{
      kind: 'vuln', advisoryId: 'CVE-2021-23337', severity: 'high', packagePurl: 'pkg:npm/lodash@4.17.20',
      properties: { ecosystem: 'npm', packageName: 'lodash' }, remediation: 'Upgrade lodash to 4.17.21',
    }]);

    // An advisory on a file (dependency-check's RetireJS results) names no package: a code finding with the advisory.
    const file = findings(await parse(log([{ ruleId: 'CVE-2019-11358', message: { text: 'jQuery' }, locations: at('static/jquery.js', 1) }], {}, { name: 'dependency-check', rules: [] })));
    expect(file).toMatchObject([{ kind: 'code', advisoryId: 'CVE-2019-11358' }]);
  });

  it('refuses SARIF versions other than 2.1', async () => {
    await expect(parse({ version: '1.0.0', runs: [] })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
  });
});
