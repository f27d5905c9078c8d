import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { githubDependabotJson } from './parser.js';

const FIXTURE = readFileSync(new URL('./testdata/rest-alerts.json', import.meta.url), 'utf8');

async function parse(text: string, name = 'alerts.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of githubDependabotJson.parse(memoryReportFile(name, text))) out.push(r);
  return out;
}
async function parseError(text: string, name = 'alerts.json'): Promise<MothershipError> {
  try {
    await parse(text, name);
  } catch (e) {
    if (e instanceof MothershipError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}
const alerts = () => JSON.parse(FIXTURE) as Record<string, unknown>[];

describe('github-dependabot-json on hostile input', () => {
  it('drops __proto__ keys anywhere without polluting prototypes', async () => {
    const text = `[{"number": 1, "state": "open", "__proto__": {"polluted": 1}, "html_url": "https://github.com/a/b/security/dependabot/1",
      "dependency": {"package": {"ecosystem": "npm", "name": "x", "__proto__": {"polluted": 2}}},
      "security_advisory": {"ghsa_id": "GHSA-aaaa-bbbb-cccc", "__proto__": {"polluted": 3}, "identifiers": [{"type": "GHSA", "value": "GHSA-aaaa-bbbb-cccc", "__proto__": {"polluted": 4}}]}}]`;
    const rs = await parse(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(rs)).not.toContain('polluted');
    expect(rs.filter((r) => r.type === 'finding')).toHaveLength(1);
  });

  it('names the file when the JSON is truncated', async () => {
    const e = await parseError(FIXTURE.slice(0, 5000), 'dependabot-export.json');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toMatch(/^dependabot-export\.json: invalid JSON/);
  });

  it('names the field that has the wrong type', async () => {
    const [a, b] = alerts();
    const bad = { ...b, security_advisory: { ...(b!.security_advisory as object), identifiers: 'GHSA-x' } };
    expect((await parseError(JSON.stringify([a, bad]), 'd.json')).message)
      .toBe('d.json: Dependabot alerts field [1].security_advisory.identifiers: Invalid input: expected array, received string');
    expect((await parseError(JSON.stringify([{ ...a, dependency: null, security_vulnerability: null }]))).message).toContain('[0]: the alert names no package');
    expect((await parseError(JSON.stringify({ data: { repository: { vulnerabilityAlerts: { nodes: [{ securityVulnerability: { package: {} } }] } } } }))).message)
      .toContain('data.repository.vulnerabilityAlerts.nodes[0].securityVulnerability.package.name');
    expect((await parseError(JSON.stringify({ data: { viewer: {} } }))).message).toContain('no repository with vulnerabilityAlerts');
    expect((await parseError(JSON.stringify({ alerts: [] }))).message).toContain('expected the REST list of alerts or a GraphQL answer');
  });
});
