import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { NormalizedRecord } from '../src/model/index.js';
import { createTestDb, type TestDb } from './support/test-db.js';
import { buildServer } from '../src/server/app.js';
import { addUser, createToken } from '../src/server/auth/accounts.js';
import { syncRun } from '../src/pipeline/sync/run.js';
import { analyze } from '../src/pipeline/analyze.js';
import { labelsEngine } from '../src/engines/labels/engine.js';

/**
 * The differentiator end to end: a risk acceptance made through the API on a private instance is revoked,
 * with the reason, by the analysis that follows an inventory import in which the instance became public.
 * An acceptance on an instance that stays private stands.
 */
const ACC = '111111111111';
const R = 'us-east-1';
const SCOPE = `aws:${ACC}:${R}:ec2`;
const arn = (type: string, id: string) => `arn:aws:ec2:${R}:${ACC}:${type}/${id}`;
const WEB = arn('instance', 'i-web');
const BATCH = arn('instance', 'i-batch');

const asset = (uid: string, kind: string, properties: Record<string, unknown>): NormalizedRecord =>
  ({ type: 'asset', scope: SCOPE, asset: { uid, kind, name: uid.split('/').pop()!, provider: 'aws', account: ACC, region: R, properties, owner: 'team-shop' } });
const inSg = (from: string, sg: string): NormalizedRecord => ({ type: 'relationship', scope: SCOPE, relationship: { from, kind: 'in_security_group', to: arn('security-group', sg) } });

/** A public subnet (default route to an internet gateway) and a group open to the internet on 443. */
function inventory(webPublicIp: string | null): NormalizedRecord[] {
  const instance = (uid: string, id: string, ip: string | null) => asset(uid, 'aws.ec2.instance', {
    InstanceId: id, State: { Name: 'running' }, SubnetId: 'subnet-pub', VpcId: 'vpc-1', NetworkInterfaces: [], ...(ip ? { PublicIpAddress: ip } : {}) });
  return [
    { type: 'coverage', scope: SCOPE, coverage: 'complete' },
    asset(arn('route-table', 'rtb-pub'), 'aws.ec2.route-table', { RouteTableId: 'rtb-pub', VpcId: 'vpc-1',
      Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' }, { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' }],
      Associations: [{ Main: true }, { Main: false, SubnetId: 'subnet-pub' }] }),
    asset(arn('security-group', 'sg-https'), 'aws.ec2.security-group', { GroupId: 'sg-https',
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }),
    instance(WEB, 'i-web', webPublicIp), inSg(WEB, 'sg-https'),
    instance(BATCH, 'i-batch', null), inSg(BATCH, 'sg-https'),
  ];
}

const scan: NormalizedRecord[] = [
  { type: 'coverage', scope: 'scanner:hosts', coverage: 'complete' },
  ...[WEB, BATCH].map((uid, i): NormalizedRecord => ({ type: 'finding', scope: 'scanner:hosts', finding: {
    fingerprint: `openssh-${i}`, kind: 'vuln', advisoryId: 'CVE-2026-4242', title: 'openssh: pre-auth overflow', severity: 'high', assetUid: uid } })),
];

let t: TestDb;
let app: FastifyInstance;
let token: string;

beforeAll(async () => {
  t = await createTestDb();
  await addUser(t.db, { name: 'ana', role: 'analyst' });
  token = await createToken(t.db, { user: 'ana' });
  app = await buildServer({ db: t.db });
});
afterAll(async () => { await app.close(); await t.drop(); });

const auth = () => ({ authorization: `Bearer ${token}` });
const idOf = async (uid: string) => (await t.db.query<{ id: number }>('select id from findings where asset_uid = $1', [uid]))[0]!.id;
const labelsOf = async (uid: string) => (await t.db.query<{ labels: string[] }>('select labels from assets where uid = $1', [uid]))[0]!.labels;
interface History { items: { type: string; run_id: number | null; actor: string | null; details: Record<string, unknown> }[]; triage: { state: string; reason: string | null; facts: unknown } }
const history = async (id: number) => (await app.inject({ url: `/api/v1/findings/${id}/history`, headers: auth() })).json<History>();

describe('a risk acceptance relying on "not internet-exposed"', () => {
  it('is revoked with the reason when an import makes the asset public and analyze labels it', async () => {
    await syncRun(t.db, inventory(null), { source: 'aws-dump' });
    await syncRun(t.db, scan, { source: 'trivy-json' });
    await analyze(t.db, { engines: [labelsEngine()] });
    expect(await labelsOf(WEB)).not.toContain('isPublic');

    const expires = new Date(Date.now() + 90 * 86_400_000).toISOString();
    for (const uid of [WEB, BATCH]) {
      const r = await app.inject({ method: 'POST', url: `/api/v1/findings/${await idOf(uid)}/triage`, headers: auth(),
        payload: { state: 'risk_accepted', reason: 'only reachable from the VPN', expires_at: expires } });
      expect(r.statusCode).toBe(200);
      expect(r.json<{ triage: { facts: { relied_on: string[] } } }>().triage.facts.relied_on).toContain('not_internet_exposed');
    }

    // The instance gets a public IP: the import alone changes no label; the analysis that follows does.
    await syncRun(t.db, inventory('54.0.0.10'), { source: 'aws-dump' });
    expect((await history(await idOf(WEB))).triage.state).toBe('risk_accepted');
    const results = await analyze(t.db, { engines: [labelsEngine()] });
    expect(await labelsOf(WEB)).toContain('isPublic');

    const web = await history(await idOf(WEB));
    expect(web.triage).toMatchObject({ state: 'none', facts: null });
    expect(web.triage.reason).toBe('acceptance revoked: not_internet_exposed no longer holds (asset is internet-exposed (isPublic))');
    const revoked = web.items.at(-1)!;
    expect(revoked).toMatchObject({ type: 'triaged', actor: null, run_id: results[0]!.runId,
      details: { from: 'risk_accepted', to: 'none', expired: false, accepted_by: 'ana', flipped: [{ fact: 'not_internet_exposed', holds: false }] } });

    // The private instance's acceptance stands.
    expect(await labelsOf(BATCH)).not.toContain('isPublic');
    expect((await history(await idOf(BATCH))).triage.state).toBe('risk_accepted');
  });
});
