import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vulnFingerprint } from '../../findings/fingerprint.js';
import type { NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { recordProblems } from '../shared/dojo-corpus.js';
import { githubDependabotJson } from './parser.js';

const FIXTURE = readFileSync(new URL('./testdata/rest-alerts.json', import.meta.url), 'utf8');
const SHOP = 'repo:github.com/acme/shop';

async function parse(doc: unknown, name = 'alerts.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of githubDependabotJson.parse(memoryReportFile(name, typeof doc === 'string' ? doc : JSON.stringify(doc)))) out.push(r);
  return out;
}
const findings = (rs: NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
const alerts = () => JSON.parse(FIXTURE) as Record<string, unknown>[];

const graphql = (nodes: unknown[], hasNextPage = false) => ({ data: { repository: { nameWithOwner: 'acme/shop', url: 'https://github.com/acme/shop',
  vulnerabilityAlerts: { pageInfo: { hasNextPage, endCursor: 'abc' }, nodes } } } });
const node = (id: string, extra: Record<string, unknown> = {}) => ({
  id, state: 'OPEN', vulnerableManifestPath: 'pom.xml', vulnerableRequirements: '= 5.3.29',
  securityVulnerability: { severity: 'MODERATE', package: { name: 'org.springframework:spring-web' }, vulnerableVersionRange: '< 6.0.0', firstPatchedVersion: { identifier: '6.0.0' },
    advisory: { summary: 'Unsafe deserialization in Spring', description: 'd', identifiers: [{ type: 'GHSA', value: 'GHSA-4wrc-f8pq-fpqp' }, { type: 'CVE', value: 'CVE-2016-1000027' }],
      references: [], cvss: { vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }, cwes: { nodes: [{ cweId: 'CWE-502' }] } } },
  ...extra,
});

describe('github-dependabot-json accepts()', () => {
  const head = (s: string) => ({ name: 'x', head: Buffer.from(s) });
  it('sniffs the REST list, paginated pages and the GraphQL answer', () => {
    expect(githubDependabotJson.accepts(head(FIXTURE))).toBe(true);
    expect(githubDependabotJson.accepts(head(JSON.stringify([alerts().slice(0, 2), alerts().slice(2)])))).toBe(true);
    expect(githubDependabotJson.accepts(head(JSON.stringify(graphql([node('a')]))))).toBe(true);
  });
  it('rejects code scanning and secret scanning alerts', () => {
    expect(githubDependabotJson.accepts(head('[{"number": 35, "state": "open", "rule": {"id": "py/sql-injection"}, "tool": {"name": "CodeQL"}, "most_recent_instance": {}}]'))).toBe(false);
    expect(githubDependabotJson.accepts(head('[{"number": 2, "state": "open", "secret_type": "github_personal_access_token", "secret": "x"}]'))).toBe(false);
    expect(githubDependabotJson.accepts(head('{"data": {"repository": {"issues": {"nodes": []}}}}'))).toBe(false);
  });
});

describe('github-dependabot-json on the REST list', () => {
  it('makes each repository an asset with a scope of its own, from the alerts\' URLs', async () => {
    const rs = await parse(FIXTURE);
    expect(recordProblems(rs)).toEqual([]);
    expect(rs.filter((r) => r.type === 'coverage')).toEqual([
      { type: 'coverage', scope: `github-dependabot-json:${SHOP}`, coverage: 'complete' },
      { type: 'coverage', scope: 'github-dependabot-json:repo:github.com/acme/api', coverage: 'complete' }]);
    expect(rs.find((r) => r.type === 'asset')).toMatchObject({ asset: { uid: SHOP, kind: 'code.repository', name: 'github.com/acme/shop' } });
  });

  it('keeps open alerts only, one finding per package and advisory with each manifest in evidence', async () => {
    const fs = findings(await parse(FIXTURE));
    expect(fs.map((f) => `${f.assetUid} ${String(f.properties?.packageName)} ${f.advisoryId} ${f.severity}`)).toEqual([
      `${SHOP} lodash CVE-2021-23337 high`, `${SHOP} org.springframework:spring-web GHSA-4wrc-f8pq-fpqp critical`,
      'repo:github.com/acme/api openssl CVE-2023-0286 medium']);
    const lodash = fs[0];
    expect(lodash).toMatchObject({ fingerprint: vulnFingerprint(SHOP, 'npm', 'lodash', 'CVE-2021-23337'), title: 'Command Injection in lodash',
      remediation: 'Upgrade lodash to 4.17.21', packagePurl: 'pkg:npm/lodash', originalId: '1',
      properties: { aliases: ['GHSA-35jh-r3h4-6jhm'], cweIds: ['CWE-77', 'CWE-94'], epss: { percentage: 0.0123, percentile: 0.84 },
        cvss: [{ vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H', baseScore: 7.2 }] } });
    const occ = (lodash?.evidence as { occurrences: { path: string; alert: string; url: string }[] }).occurrences;
    expect(occ.map((o) => [o.path, o.alert, o.url])).toEqual([
      ['package-lock.json', '1', 'https://github.com/acme/shop/security/dependabot/1'],
      ['web/package-lock.json', '2', 'https://github.com/acme/shop/security/dependabot/2']]);
    expect(fs[2]?.properties?.ecosystem).toBe('crates.io');
  });

  it('reads pages nested by gh api --paginate --slurp, and names the repository from its API URL', async () => {
    const pages = [alerts().slice(0, 3), alerts().slice(3)];
    expect(findings(await parse(pages)).map((f) => f.fingerprint)).toEqual(findings(await parse(FIXTURE)).map((f) => f.fingerprint));
    const ghes = { ...alerts()[0], html_url: null, url: 'https://ghe.acme.io/api/v3/repos/team/tool/dependabot/alerts/1' };
    expect((await parse([ghes])).find((r) => r.type === 'asset')).toMatchObject({ asset: { uid: 'repo:ghe.acme.io/team/tool' } });
  });

  it('names the repository after the file when no alert says which it is', async () => {
    const bare = { ...alerts()[0], html_url: null, url: null };
    expect((await parse([bare], 'shop-dependabot.json')).find((r) => r.type === 'asset')).toMatchObject({ asset: { uid: 'repo:shop-dependabot' } });
  });
});

describe('github-dependabot-json on GraphQL answers', () => {
  it('reads vulnerabilityAlerts, the installed version of an exact requirement, an ecosystem from the manifest', async () => {
    const rs = await parse(graphql([node('RVA_1'), node('RVA_2', { state: 'DISMISSED' }), node('RVA_3', { state: undefined, fixedAt: '2026-01-01T00:00:00Z' })]));
    expect(recordProblems(rs)).toEqual([]);
    const fs = findings(rs);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ assetUid: SHOP, advisoryId: 'CVE-2016-1000027', severity: 'medium', originalId: 'RVA_1',
      packagePurl: 'pkg:maven/org.springframework/spring-web@5.3.29', remediation: 'Upgrade org.springframework:spring-web to 6.0.0',
      properties: { ecosystem: 'Maven', cweIds: ['CWE-502'] }, evidence: { installedVersion: '5.3.29', requirement: '= 5.3.29', path: 'pom.xml' } });
  });

  it('covers a repository only partly when the file holds one page of its alerts', async () => {
    const rs = await parse(graphql([node('RVA_1')], true));
    expect(rs.find((r) => r.type === 'coverage')).toMatchObject({ coverage: 'partial' });
  });

  it('reads several repositories of a search', async () => {
    const doc = { data: { search: { nodes: [
      { name: 'shop', url: 'https://github.com/acme/shop', vulnerabilityAlerts: { nodes: [node('A')] } },
      { name: 'empty', vulnerabilityAlerts: { nodes: [] } }] } } };
    const rs = await parse(doc);
    expect(rs.filter((r) => r.type === 'asset').map((r) => r.type === 'asset' && r.asset.uid)).toEqual([SHOP, 'repo:empty']);
  });
});
