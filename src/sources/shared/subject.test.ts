import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleFingerprint } from '../../findings/fingerprint.js';
import { MothershipError } from '../../model/errors.js';
import type { NormalizedRecord, ParseOptions, Parser } from '../../model/index.js';
import { githubDependabotJson } from '../github-dependabot/parser.js';
import { gitleaksJson } from '../gitleaks/parser.js';
import { grypeJson } from '../grype/parser.js';
import { memoryReportFile } from '../report-file.js';
import { sarif } from '../sarif/parser.js';
import { trivyJson } from '../trivy/parser.js';
import { checkovJson } from '../checkov/parser.js';
import { repositoryAsset } from './repository.js';
import { refuseSubject, withSubject } from './subject.js';

const SUBJECT = 'repo:github.com/acme/shop';

async function parse(parser: Parser, name: string, doc: unknown, options?: ParseOptions): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of parser.parse(memoryReportFile(name, typeof doc === 'string' ? doc : JSON.stringify(doc)), options)) out.push(r);
  return out;
}
async function failure(p: Promise<unknown>): Promise<MothershipError> {
  const e = await p.then(() => null, (err: unknown) => err);
  if (e instanceof MothershipError) return e;
  throw new Error(`expected a MothershipError, got ${String(e)}`);
}
const findings = (rs: readonly NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
const assets = (rs: readonly NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'asset' ? [r.asset] : []));
const relationships = (rs: readonly NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'relationship' ? [{ scope: r.scope, ...r.relationship }] : []));

describe('withSubject', () => {
  it('leaves the asset alone without a subject', () => {
    const a = repositoryAsset('repo:x', 'report-file', { reportFile: 'x.json' });
    expect(withSubject(a, undefined)).toBe(a);
  });

  it('turns a name guessed from the report file into a repository named by the subject', () => {
    const a = withSubject(repositoryAsset('repo:checkov', 'report-file', { reportFile: 'checkov.json' }), SUBJECT);
    expect(a).toEqual({ uid: SUBJECT, kind: 'code.repository', name: 'github.com/acme/shop', properties: { reportFile: 'checkov.json', namedFrom: 'asset-option' } });
  });

  it('keeps the kind and name the report gives, and the uid it said, when it named its subject', () => {
    const image = { uid: 'docker.io/library/alpine@sha256:abc', kind: 'container.image', name: 'alpine:3.19', provider: 'container', properties: { imageId: 'sha256:1' } };
    expect(withSubject(image, 'image:prod-api')).toEqual({
      uid: 'image:prod-api', kind: 'container.image', name: 'alpine:3.19', provider: 'container',
      properties: { imageId: 'sha256:1', namedFrom: 'asset-option', reportedUid: 'docker.io/library/alpine@sha256:abc' },
    });
  });
});

describe('refuseSubject', () => {
  it('says which report type --asset does not apply to, only when a subject is given', () => {
    expect(() => refuseSubject(undefined, 'a.json', 'asff-json', 'why')).not.toThrow();
    expect(() => refuseSubject({}, 'a.json', 'asff-json', 'why')).not.toThrow();
    expect(() => refuseSubject({ subject: 'x' }, 'a.json', 'asff-json', 'each finding is on its ARN')).toThrow(
      'a.json: --asset does not apply to asff-json reports: each finding is on its ARN');
  });
});

describe('--asset on image reports (Trivy, Grype): the base-image edge leaves from the new uid', () => {
  for (const [parser, fixture] of [[trivyJson, '../trivy/testdata/image-report.json'], [grypeJson, '../grype/testdata/image-report.json']] as const) {
    it(parser.type, async () => {
      const text = readFileSync(new URL(fixture, import.meta.url), 'utf8');
      const before = await parse(parser, 'report.json', text);
      const after = await parse(parser, 'report.json', text, { subject: 'image:prod/api' });
      const [edge] = relationships(before);
      expect(edge).toBeDefined();
      expect(relationships(after).map(({ scope, ...r }) => ({ ...r, scopeNamesSubject: scope.includes('image:prod/api') })))
        .toEqual([{ from: 'image:prod/api', kind: edge!.kind, to: edge!.to, scopeNamesSubject: true }]);
      const subject = assets(after).find((a) => a.uid === 'image:prod/api');
      expect(subject).toMatchObject({ kind: 'container.image', properties: { reportedUid: edge!.from, namedFrom: 'asset-option' } });
      // The base image is another asset: it keeps its own uid.
      expect(assets(after).some((a) => a.uid === edge!.to && a.reference)).toBe(true);
      expect(findings(after).every((f) => f.assetUid === 'image:prod/api')).toBe(true);
    });
  }
});

describe('--asset on a report that names its subject wrongly (SARIF versionControlProvenance)', () => {
  const log = {
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'CodeQL', rules: [{ id: 'js/sql-injection' }] } },
      versionControlProvenance: [{ repositoryUri: 'https://github.com/someone/fork-of-shop' }],
      results: [{ ruleId: 'js/sql-injection', message: { text: 'SQL built from user input' },
        partialFingerprints: { primaryLocationLineHash: 'abc123:1' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'src/db.js' }, region: { startLine: 12 } } }] }],
    }],
  };
  it('puts the run on the given repository and keeps the uid the log said', async () => {
    const before = await parse(sarif, 'codeql.sarif', log);
    const after = await parse(sarif, 'codeql.sarif', log, { subject: SUBJECT });
    expect(assets(before).map((a) => a.uid)).toEqual(['repo:github.com/someone/fork-of-shop']);
    expect(assets(after)).toMatchObject([{ uid: SUBJECT, kind: 'code.repository', name: 'github.com/acme/shop',
      properties: { reportedUid: 'repo:github.com/someone/fork-of-shop', namedFrom: 'asset-option' } }]);
    expect(after[0]).toMatchObject({ type: 'coverage', scope: `sarif:codeql:${SUBJECT}` });
    const [f] = findings(after);
    expect(f?.fingerprint).toBe(ruleFingerprint('code', 'js/sql-injection', SUBJECT, 'src/db.js#pfp:primaryLocationLineHash=abc123:1'));
  });
});

describe('--asset on Dependabot alerts', () => {
  const text = readFileSync(new URL('../github-dependabot/testdata/rest-alerts.json', import.meta.url), 'utf8');
  it('is refused for the alerts of several repositories, which each name theirs', async () => {
    const e = await failure(parse(githubDependabotJson, 'alerts.json', text, { subject: SUBJECT }));
    expect(e.code).toBe('UNSUPPORTED');
    expect(e.message).toMatch(/^alerts\.json: --asset names one repository, but these Dependabot alerts are of 2 \(/);
  });

  it('renames the one repository of a list, and makes an empty list the subject\'s (no open alerts)', async () => {
    const shop = (JSON.parse(text) as { html_url: string }[]).filter((a) => a.html_url.includes('/acme/shop/'));
    const after = await parse(githubDependabotJson, 'alerts.json', shop, { subject: 'repo:ghes.example.com/acme/shop' });
    expect(assets(after).map((a) => a.uid)).toEqual(['repo:ghes.example.com/acme/shop']);
    expect(findings(after).length).toBeGreaterThan(0);
    expect(findings(after).every((f) => f.assetUid === 'repo:ghes.example.com/acme/shop')).toBe(true);
    expect(await parse(githubDependabotJson, 'alerts.json', [])).toEqual([]);
    expect(await parse(githubDependabotJson, 'alerts.json', [], { subject: SUBJECT })).toEqual([
      { type: 'coverage', scope: `github-dependabot-json:${SUBJECT}`, coverage: 'complete' },
      { type: 'asset', scope: `github-dependabot-json:${SUBJECT}`, asset: { uid: SUBJECT, kind: 'code.repository', name: 'github.com/acme/shop', properties: { namedFrom: 'asset-option' } } },
    ]);
  });
});

describe('--asset lets reports of different tools on one repository merge', () => {
  const secret = 'AKIAIOSFODNN7EXAMPLE';
  const leaks = [{ RuleID: 'aws-access-token', Description: 'AWS Access Key', File: 'config/settings.py', StartLine: 3, EndLine: 3,
    Secret: secret, Match: `key = ${secret}`, Commit: '0123456789abcdef0123456789abcdef01234567' }];
  const log = {
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'gitleaks', rules: [{ id: 'aws-access-token', shortDescription: { text: 'AWS Access Key' } }] } },
      results: [{ ruleId: 'aws-access-token', message: { text: 'aws-access-token has detected secret for file config/settings.py.' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'config/settings.py' }, region: { startLine: 3, snippet: { text: secret } } } }] }],
    }],
  };

  it('Gitleaks JSON and Gitleaks SARIF: one secret, one fingerprint, only with the same subject', async () => {
    const json = findings(await parse(gitleaksJson, 'gitleaks.json', leaks));
    const sarifFindings = findings(await parse(sarif, 'ci-secrets.sarif', log));
    expect(json[0]?.assetUid).toBe('repo:gitleaks');
    expect(json[0]?.fingerprint).not.toBe(sarifFindings[0]?.fingerprint);
    const a = findings(await parse(gitleaksJson, 'gitleaks.json', leaks, { subject: SUBJECT }));
    const b = findings(await parse(sarif, 'ci-secrets.sarif', log, { subject: SUBJECT }));
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(a[0]!.fingerprint).toBe(b[0]!.fingerprint);
    expect(a[0]!.assetUid).toBe(SUBJECT);
    expect(JSON.stringify([a, b])).not.toContain(secret);
  });

  it('Checkov: the report file no longer names the repository', async () => {
    const report = { check_type: 'terraform', results: { passed_checks: [], failed_checks: [{ check_id: 'CKV_AWS_20', check_name: 'S3 public READ',
      check_result: { result: 'FAILED' }, file_path: '/main.tf', file_line_range: [1, 8], resource: 'aws_s3_bucket.logs' }], skipped_checks: [], parsing_errors: [] } };
    const one = findings(await parse(checkovJson, 'checkov-main.json', report, { subject: SUBJECT }));
    const other = findings(await parse(checkovJson, 'results_json.json', report, { subject: SUBJECT }));
    expect(one[0]?.fingerprint).toBe(ruleFingerprint('config', 'CKV_AWS_20', SUBJECT, '/main.tf#resource:aws_s3_bucket.logs'));
    expect(other[0]?.fingerprint).toBe(one[0]?.fingerprint);
  });
});
