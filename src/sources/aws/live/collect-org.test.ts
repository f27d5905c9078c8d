import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedRecord } from '../../../model/index.js';
import { collectAws } from '../../../pipeline/collect-aws.js';
import { normalizeAwsAccount } from '../account-calls.js';
import { callerAccount, homeRegionOf, organizationTargets, type AccountTarget } from './accounts.js';
import { collectAccount, collectedCalls } from './collect-account.js';
import { MAIN_ACCOUNT, MAIN_KEY, MEMBER_ACCOUNT, OPT_IN_REGION, startAwsTestServer, type AwsTestServer } from './testing/aws-test-server.js';

/** --org (Organizations ListAccounts over two pages, STS AssumeRole into each member) and opt-in regions, over the wire. */

let server: AwsTestServer;
let dump: string;
const credentials = { accessKeyId: MAIN_KEY, secretAccessKey: 'test-secret' };

beforeAll(async () => {
  server = await startAwsTestServer();
  dump = await mkdtemp(join(tmpdir(), 'aws-org-dump-'));
});
afterAll(async () => {
  await server.close();
  await rm(dump, { recursive: true, force: true });
});

async function targets(roleName: string): Promise<AccountTarget[]> {
  const settings = { endpoint: server.url };
  const me = await callerAccount(credentials, 'us-east-1', settings);
  const caller: AccountTarget = { account: me.account, partition: me.partition, homeRegion: homeRegionOf(me.partition, undefined), credentials };
  return organizationTargets(caller, { roleName }, settings);
}

describe('collect aws --org', () => {
  it('lists the active accounts of the organization and collects each through the assumed role', async () => {
    const list = await targets('audit');
    expect(list.map((t) => [t.account, t.name, t.organizationId])).toEqual([
      [MAIN_ACCOUNT, 'main', 'o-acme12345'], [MEMBER_ACCOUNT, 'member', 'o-acme12345'], // the suspended account is left out
    ]);
    const log: string[] = [];
    const results = await collectAws(list, { dumpDir: dump, services: ['ec2'], regions: ['us-east-1'], concurrency: 2, client: { endpoint: server.url }, log: (m) => log.push(m) });
    expect(results.map((r) => [r.account, r.skipped])).toEqual([[MAIN_ACCOUNT, undefined], [MEMBER_ACCOUNT, undefined]]);
    expect((await readdir(dump)).sort()).toEqual([MAIN_ACCOUNT, MEMBER_ACCOUNT]);
    // The member's calls were signed with the assumed role's key, which the endpoint maps to the member account.
    expect(JSON.parse(await readFile(join(dump, MEMBER_ACCOUNT, 'meta.json'), 'utf8'))).toEqual({ Alias: 'acme-member', Name: 'member', OrganizationId: 'o-acme12345' });
    expect(server.requests.filter((r) => r.operation === 'AssumeRole')).toHaveLength(1);
    expect(log).toContain(`aws ${MEMBER_ACCOUNT} us-east-1: 1 services`);
  });

  it('skips an account whose role cannot be assumed, with the reason, and collects the others', async () => {
    const log: string[] = [];
    const results = await collectAws(await targets('missing-role'), { services: ['ec2'], regions: ['us-east-1'], concurrency: 2, client: { endpoint: server.url }, log: (m) => log.push(m) });
    expect(results.find((r) => r.account === MAIN_ACCOUNT)?.skipped).toBeUndefined();
    expect(results.find((r) => r.account === MEMBER_ACCOUNT)?.skipped).toMatch(/AccessDenied/);
    expect(log.some((l) => l.startsWith(`aws ${MEMBER_ACCOUNT}: skipped, cannot get credentials`))).toBe(true);
  });
});

describe('a region the account has not opted in to', () => {
  it('fails that region\'s scopes with the service\'s answer and collects the others', async () => {
    const collected = await collectAccount({ account: MAIN_ACCOUNT, partition: 'aws', homeRegion: 'us-east-1', credentials },
      { regions: ['us-east-1', OPT_IN_REGION], services: ['ec2', 'kms'], concurrency: 4, client: { endpoint: server.url }, log: () => undefined });
    const records: NormalizedRecord[] = [];
    for await (const r of normalizeAwsAccount(collectedCalls(collected))) records.push(r);
    const coverage = new Map(records.flatMap((r) => (r.type === 'coverage' ? [[r.scope, r]] : [])));
    expect(coverage.get(`aws:${MAIN_ACCOUNT}:${OPT_IN_REGION}:ec2`)).toMatchObject({ coverage: 'failed' });
    expect(coverage.get(`aws:${MAIN_ACCOUNT}:${OPT_IN_REGION}:ec2`)?.error).toMatch(/^ec2-describe-instances: AuthFailure: /);
    expect(coverage.get(`aws:${MAIN_ACCOUNT}:${OPT_IN_REGION}:kms`)?.error).toMatch(/^kms-list-keys: UnrecognizedClientException: /);
    expect(coverage.get(`aws:${MAIN_ACCOUNT}:us-east-1:ec2`)).toMatchObject({ coverage: 'complete' });
    expect(records.filter((r) => r.type === 'asset' && r.asset.kind === 'aws.ec2.instance')).toHaveLength(3);
  });
});
