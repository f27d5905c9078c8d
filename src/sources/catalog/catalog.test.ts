import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AssetInput, NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { backstageYaml, ownersYaml } from './parser.js';

const CATALOG = readFileSync(new URL('./testdata/catalog-info.yaml', import.meta.url), 'utf8');

async function collect(parser: typeof backstageYaml, name: string, text: string): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of parser.parse(memoryReportFile(name, text))) out.push(r);
  return out;
}
const assets = (records: NormalizedRecord[]): AssetInput[] => records.flatMap((r) => (r.type === 'asset' ? [r.asset] : []));
const sniff = (name: string, text: string) => ({ name, head: Buffer.from(text) });

describe('backstage-yaml', () => {
  it('turns Components into services with owner, repositories, images and tier', async () => {
    const records = await collect(backstageYaml, 'catalog-info.yaml', CATALOG);
    const service = assets(records).find((a) => a.kind === 'service');
    expect(service?.uid).toBe('service:payments/checkout');
    expect(service?.name).toBe('Checkout service');
    expect(service?.criticality).toBe('tier-1');
    expect(service?.tags).toEqual({ 'cost-center': '4711' });
    expect(service?.owner ?? null).toBeNull(); // resolution sets it, with a reason
    expect(service?.properties).toMatchObject({
      owner: 'payments', ownerRef: 'group:payments', lifecycle: 'production', system: 'storefront',
      catalogueRef: 'Component payments/checkout', catalogueTags: ['java', 'pci'],
      repositories: ['repo:github.com/acme/checkout'],
      imageRepositories: ['docker.io/acme/checkout-worker', 'ghcr.io/acme/checkout'],
    });
  });

  it('keeps Groups as teams and Systems, skips APIs, and covers one scope named by the first entity', async () => {
    const records = await collect(backstageYaml, 'catalog-info.yaml', CATALOG);
    const all = assets(records);
    expect(all.map((a) => a.uid)).toEqual(['service:payments/checkout', 'system:default/storefront', 'group:default/payments']);
    expect(all[1]?.properties).toMatchObject({ owner: 'jdoe', catalogueRef: 'System default/storefront' });
    expect(all[2]).toMatchObject({ kind: 'team', name: 'Payments', properties: { ownerId: 'payments', slack: '#payments', jira: 'PAY', email: 'payments@acme.example', members: ['alice', 'bob'] } });
    const scopes = new Set(records.map((r) => r.scope));
    expect([...scopes]).toEqual(['catalog:component:payments/checkout']);
    expect(records.at(-1)).toEqual({ type: 'coverage', scope: 'catalog:component:payments/checkout', coverage: 'complete' });
  });

  it('sniffs Backstage and owners files apart, and neither from JSON reports', () => {
    expect(backstageYaml.accepts(sniff('catalog-info.yaml', CATALOG))).toBe(true);
    expect(ownersYaml.accepts(sniff('catalog-info.yaml', CATALOG))).toBe(false);
    expect(ownersYaml.accepts(sniff('owners.yaml', 'teams:\n  - id: a\n'))).toBe(true);
    expect(backstageYaml.accepts(sniff('owners.yaml', 'teams:\n  - id: a\n'))).toBe(false);
    expect(backstageYaml.accepts(sniff('r.json', '{"apiVersion":"backstage.io/v1"}'))).toBe(false);
    expect(ownersYaml.accepts(sniff('r.json', '{"teams": []}'))).toBe(false);
  });

  it('rejects a document that is no entity, naming it', async () => {
    const bad = `${CATALOG}\n---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {}\n`;
    await expect(collect(backstageYaml, 'c.yaml', bad)).rejects.toThrow(/c\.yaml: document 5 field metadata\.name/);
  });
});

describe('hostile YAML', () => {
  it('bounds alias expansion', async () => {
    const lines = ['apiVersion: backstage.io/v1alpha1', 'kind: Group', 'metadata: {name: x}', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    await expect(collect(backstageYaml, 'bomb.yaml', lines.join('\n'))).rejects.toThrow(/bomb\.yaml: invalid YAML/);
  });

  it('refuses language tags and duplicate keys', async () => {
    await expect(collect(ownersYaml, 'o.yaml', 'teams: !!js/function "x"\n')).rejects.toThrow(/o\.yaml/);
    await expect(collect(ownersYaml, 'o.yaml', 'teams: []\nteams: []\n')).rejects.toThrow(/o\.yaml: invalid YAML/);
  });

  it('drops __proto__ keys', async () => {
    const records = await collect(backstageYaml, 'p.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: x\n  annotations:\n    __proto__: {polluted: yes}\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(assets(records)[0]?.uid).toBe('group:default/x');
  });
});

describe('owners-yaml', () => {
  const OWNERS = `
teams:
  - id: payments
    name: Payments
    slack: "#payments"
    jira: PAY
    email: payments@acme.example
    members: [alice]
  - id: platform
rules:
  - match: {account: 012345678901}
    owner: payments
  - match: {tag: {key: app, value: checkout}}
    owner: payments
  - match: {repository: https://github.com/acme/infra.git}
    owner: platform
  - match: {image_repository: "nginx:1.25"}
    owner: platform
default: group:platform
`;

  it('yields teams, ordered rules with readable reasons, and the default', async () => {
    const records = await collect(ownersYaml, 'owners.yaml', OWNERS);
    const all = assets(records);
    expect(all.filter((a) => a.kind === 'team').map((a) => [a.uid, a.properties?.slack ?? null])).toEqual([['team:payments', '#payments'], ['team:platform', null]]);
    const rules = all.filter((a) => a.kind === 'ownership.rule').map((a) => a.properties);
    expect(rules.map((p) => p?.reason)).toEqual([
      'account 012345678901 → payments (owners.yaml)',
      'tag app=checkout → payments (owners.yaml)',
      'repository repo:github.com/acme/infra → platform (owners.yaml)',
      'image repository docker.io/library/nginx → platform (owners.yaml)',
      undefined,
    ]);
    expect(rules.at(-1)).toEqual({ order: 4, match: 'default', owner: 'platform' });
    expect(records.at(-1)).toEqual({ type: 'coverage', scope: 'owners:owners.yaml', coverage: 'complete' });
  });

  it('names the field of a malformed rule', async () => {
    await expect(collect(ownersYaml, 'owners.yaml', 'rules:\n  - match: {cluster: x}\n    owner: a\n')).rejects.toThrow(/owners\.yaml: field rules\.0\.match/);
    await expect(collect(ownersYaml, 'owners.yaml', 'teams:\n  - id: a\n  - id: A\n')).rejects.toThrow(/team a is listed twice/);
  });
});
