import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetInput, NormalizedRecord } from '../model/index.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { memoryReportFile } from '../sources/report-file.js';
import { backstageYaml, ownersYaml } from '../sources/catalog/parser.js';
import { resolveOwner, type CatalogueClaim, type OwnerRule, type OwnershipContext } from '../findings/ownership.js';
import { syncRun } from './sync/run.js';
import { resolveOwners } from './resolve-owners.js';

const CATALOG = `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
  namespace: payments
  annotations:
    github.com/project-slug: acme/checkout
    mothership.io/images: ghcr.io/acme/checkout
spec: {type: service, lifecycle: production, owner: group:payments}
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: {name: payments}
spec: {type: team, profile: {displayName: Payments Team}, children: []}
`;
const OWNERS = `
teams:
  - {id: payments, name: Payments, slack: "#pay", jira: PAY}
  - {id: platform, name: Platform}
rules:
  - match: {account: "012345678901"}
    owner: payments
  - match: {tag: {key: app, value: checkout}}
    owner: payments
default: platform
`;

const ec2 = (id: string, account: string, tags: Record<string, string> = {}, extra: Partial<AssetInput> = {}): AssetInput =>
  ({ uid: `arn:aws:ec2:us-east-1:${account}:instance/${id}`, kind: 'aws.ec2.instance', account, tags, ...extra });

/** One asset per precedence case, each also eligible for every level below the one that should win. */
const INVENTORY: AssetInput[] = [
  { uid: 'repo:github.com/acme/checkout', kind: 'code.repository', tags: { team: 'search' } },
  { uid: 'ghcr.io/acme/checkout@sha256:aa', kind: 'container.image', account: '012345678901' },
  ec2('tagged', '012345678901', { Team: 'Search' }),
  ec2('by-account', '012345678901'),
  ec2('by-tag-rule', '999999999999', { app: 'checkout' }),
  ec2('fallback', '999999999999'),
  ec2('explicit', '012345678901', { team: 'search' }, { owner: 'sre', ownerReason: 'explicit (--owner)' }),
];
const EXPECTED: Record<string, [string | null, string | null]> = {
  'service:payments/checkout': ['payments', 'catalogue: Component payments/checkout'],
  'repo:github.com/acme/checkout': ['payments', 'catalogue: Component payments/checkout'],
  'ghcr.io/acme/checkout@sha256:aa': ['payments', 'catalogue: Component payments/checkout'],
  'arn:aws:ec2:us-east-1:012345678901:instance/tagged': ['search', 'tag Team=Search'],
  'arn:aws:ec2:us-east-1:012345678901:instance/by-account': ['payments', 'account 012345678901 → payments (owners.yaml)'],
  'arn:aws:ec2:us-east-1:999999999999:instance/by-tag-rule': ['payments', 'tag app=checkout → payments (owners.yaml)'],
  'arn:aws:ec2:us-east-1:999999999999:instance/fallback': ['platform', 'default'],
  'arn:aws:ec2:us-east-1:012345678901:instance/explicit': ['sre', 'explicit (--owner)'],
};

async function parse(parser: typeof backstageYaml, name: string, text: string): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of parser.parse(memoryReportFile(name, text))) out.push(r);
  return out;
}
const complete = (scope: string): NormalizedRecord => ({ type: 'coverage', scope, coverage: 'complete' });
const finding = (fp: string, assetUid: string, owner: string | null = null): NormalizedRecord =>
  ({ type: 'finding', scope: 'inv', finding: { fingerprint: fp, kind: 'config', ruleId: 'r', title: fp, severity: 'low', assetUid, owner } });

function inventory(assets: AssetInput[]): NormalizedRecord[] {
  return [...assets.map((asset): NormalizedRecord => ({ type: 'asset', scope: 'inv', asset })),
    finding('f-account', 'arn:aws:ec2:us-east-1:012345678901:instance/by-account'),
    finding('f-pinned', 'arn:aws:ec2:us-east-1:012345678901:instance/by-account', 'security'),
    complete('inv')];
}

async function owners(): Promise<Record<string, [string | null, string | null]>> {
  const rows = await t.db.query<{ uid: string; owner: string | null; owner_reason: string | null }>(
    `select uid, owner, owner_reason from assets where kind not in ('team', 'ownership.rule') and gone_at is null`);
  return Object.fromEntries(rows.map((r) => [r.uid, [r.owner, r.owner_reason]]));
}
async function findingOwners(): Promise<Record<string, [string | null, string | null]>> {
  const rows = await t.db.query<{ fingerprint: string; owner: string | null; owner_reason: string | null }>('select fingerprint, owner, owner_reason from findings');
  return Object.fromEntries(rows.map((r) => [r.fingerprint, [r.owner, r.owner_reason]]));
}

let t: TestDb;
let catalog: NormalizedRecord[];
let ownersFile: NormalizedRecord[];
beforeAll(async () => {
  t = await createTestDb();
  catalog = await parse(backstageYaml, 'catalog-info.yaml', CATALOG);
  ownersFile = await parse(ownersYaml, 'owners.yaml', OWNERS);
  await syncRun(t.db, inventory(INVENTORY), { source: 'inv' });
  await syncRun(t.db, catalog, { source: 'backstage-yaml' });
  await syncRun(t.db, ownersFile, { source: 'owners-yaml' });
});
afterAll(async () => { await t.drop(); });

describe('resolveOwners', () => {
  it('applies the precedence: explicit > catalogue > tag > owners.yaml rule > default', async () => {
    const result = await resolveOwners(t.db);
    expect(await owners()).toEqual(EXPECTED);
    expect(result.assets).toBe(Object.keys(EXPECTED).length - 1); // all but the explicit one
  });

  it('agrees with the reference function in findings/ownership.ts', () => {
    const props = (records: NormalizedRecord[]) => records.flatMap((r) => (r.type === 'asset' ? [r.asset] : []));
    const catalogue: CatalogueClaim[] = props(catalog).filter((a) => a.kind === 'service').map((a) => ({
      uid: a.uid, ref: String(a.properties?.catalogueRef), owner: String(a.properties?.owner),
      repositories: a.properties?.repositories as string[], imageRepositories: a.properties?.imageRepositories as string[],
    }));
    const rules = props(ownersFile).filter((a) => a.kind === 'ownership.rule' && a.properties?.match !== 'default')
      .map((a) => a.properties as unknown as OwnerRule);
    const ctx: OwnershipContext = { catalogue, rules, defaultOwner: 'platform' };
    const service = props(catalog)[0]!;
    for (const a of [...INVENTORY, service]) {
      const choice = resolveOwner({ uid: a.uid, kind: a.kind, account: a.account ?? null, tags: a.tags ?? {}, owner: a.owner ?? null, ownerReason: a.ownerReason ?? null }, ctx);
      expect([choice?.owner ?? null, choice?.reason ?? null], a.uid).toEqual(EXPECTED[a.uid]);
    }
  });

  it('moves findings with their asset, except those whose source named an owner', async () => {
    expect(await findingOwners()).toEqual({ 'f-account': ['payments', 'asset'], 'f-pinned': ['security', 'source'] });
  });

  it('fills the owners table from the catalogue teams, owners.yaml contacts first', async () => {
    const rows = await t.db.query<{ id: string; name: string; slack_channel: string | null; jira_project: string | null }>(
      'select id, name, slack_channel, jira_project from owners order by id');
    expect(rows).toEqual([
      { id: 'payments', name: 'Payments', slack_channel: '#pay', jira_project: 'PAY' },
      { id: 'platform', name: 'Platform', slack_channel: null, jira_project: null },
    ]);
  });

  it('writes no row the second time', async () => {
    const before = await t.db.query<{ uid: string; x: string }>('select uid, xmin::text as x from assets order by uid');
    const ownersBefore = await t.db.query('select id, xmin::text as x from owners order by id');
    expect(await resolveOwners(t.db)).toEqual({ owners: 0, assets: 0, findings: 0 });
    expect(await t.db.query('select uid, xmin::text as x from assets order by uid')).toEqual(before);
    expect(await t.db.query('select id, xmin::text as x from owners order by id')).toEqual(ownersBefore);
  });

  it('follows changes: a removed tag falls to the account rule, a removed catalogue to the tag, no default to none', async () => {
    const untagged = INVENTORY.map((a) => (a.uid.endsWith('/tagged') ? { ...a, tags: {} } : a));
    await syncRun(t.db, inventory(untagged), { source: 'inv' });
    await syncRun(t.db, [complete(catalog[0]!.scope)], { source: 'backstage-yaml' });
    await syncRun(t.db, (await parse(ownersYaml, 'owners.yaml', OWNERS.replace('default: platform', ''))), { source: 'owners-yaml' });
    await resolveOwners(t.db);
    const now = await owners();
    expect(now['arn:aws:ec2:us-east-1:012345678901:instance/tagged']).toEqual(['payments', 'account 012345678901 → payments (owners.yaml)']);
    expect(now['repo:github.com/acme/checkout']).toEqual(['search', 'tag team=search']);
    expect(now['ghcr.io/acme/checkout@sha256:aa']).toEqual(['payments', 'account 012345678901 → payments (owners.yaml)']);
    expect(now['arn:aws:ec2:us-east-1:999999999999:instance/fallback']).toEqual([null, null]);
    expect(now['arn:aws:ec2:us-east-1:012345678901:instance/explicit']).toEqual(['sre', 'explicit (--owner)']);
    expect(await resolveOwners(t.db, { defaultOwner: 'ops' })).toMatchObject({ assets: 1 });
    expect((await owners())['arn:aws:ec2:us-east-1:999999999999:instance/fallback']).toEqual(['ops', 'default']);
  });
});
