import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedRecord } from '../../model/index.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { syncRun } from '../../pipeline/sync/run.js';
import { analyze } from '../../pipeline/analyze.js';
import { coverageEngine, WORKLOAD_NOT_SCANNED } from './engine.js';

const ACC = '111111111111';
const ACC2 = '222222222222';
const inst = (account: string, id: string, owner: string | null, state = 'running'): NormalizedRecord => ({ type: 'asset', scope: `aws:${account}`,
  asset: { uid: `arn:aws:ec2:us-east-1:${account}:instance/${id}`, kind: 'aws.ec2.instance', name: id, account, region: 'us-east-1', owner, properties: { State: { Name: state } } } });
const pod = (name: string, image: string, phase = 'Running'): NormalizedRecord[] => [
  { type: 'asset', scope: 'k8s:prod', asset: { uid: `k8s:prod/shop/pod/${name}`, kind: 'k8s.pod', name, provider: 'k8s', account: 'prod', owner: 'team-shop', properties: { status: { phase } } } },
  { type: 'asset', scope: 'k8s:prod', asset: { uid: image, kind: 'container.image', provider: 'container', reference: true } },
  { type: 'relationship', scope: 'k8s:prod', relationship: { from: `k8s:prod/shop/pod/${name}`, kind: 'runs_image', to: image } },
];
const region = (account: string, name: string, states: Record<string, string>): NormalizedRecord => ({ type: 'asset', scope: `aws:${account}`,
  asset: { uid: `arn:aws::${name}:${account}`, kind: 'aws.region', account, region: name, properties: states } });
const uidOf = (account: string, id: string) => `arn:aws:ec2:us-east-1:${account}:instance/${id}`;
const pkg = (scope: string, assetUid: string): NormalizedRecord => ({ type: 'package', scope, package: { assetUid, purl: 'pkg:deb/debian/openssl@3.0.1', ecosystem: 'Debian', name: 'openssl', version: '3.0.1' } });

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await syncRun(t.db, [
    { type: 'coverage', scope: `aws:${ACC}`, coverage: 'complete' },
    { type: 'coverage', scope: `aws:${ACC2}`, coverage: 'complete' },
    { type: 'coverage', scope: 'k8s:prod', coverage: 'complete' },
    inst(ACC, 'i-trivy', 'team-a'), inst(ACC, 'i-inspector', 'team-a'), inst(ACC, 'i-engine-only', 'team-a'), inst(ACC, 'i-bare', 'team-b'),
    inst(ACC, 'i-stopped', 'team-b', 'stopped'), inst(ACC2, 'i-other', null),
    ...pod('web-1', 'registry/web@sha256:1'), ...pod('api-1', 'registry/api@sha256:2'), ...pod('done-1', 'registry/batch@sha256:3', 'Succeeded'),
    region(ACC, 'us-east-1', { CloudTrail: 'enabled', GuardDuty: 'enabled', Config: 'disabled' }),
    region(ACC, 'eu-west-1', { CloudTrail: 'enabled', GuardDuty: 'disabled', Config: 'unknown' }),
  ], { source: 'inventory' });
  await syncRun(t.db, [{ type: 'coverage', scope: 'host:i-trivy', coverage: 'complete' }, pkg('host:i-trivy', uidOf(ACC, 'i-trivy')),
    { type: 'coverage', scope: 'image:web', coverage: 'complete' }, pkg('image:web', 'registry/web@sha256:1')], { source: 'trivy' });
  const vuln = (source: string, id: string): NormalizedRecord => ({ type: 'finding', scope: `${source}:x`,
    finding: { fingerprint: `v-${id}`, kind: 'vuln', advisoryId: 'CVE-2024-1', title: 'CVE-2024-1', severity: 'high', assetUid: uidOf(ACC, id) } });
  await syncRun(t.db, [{ type: 'coverage', scope: 'asff:x', coverage: 'complete' }, vuln('asff', 'i-inspector')], { source: 'asff' });
  await syncRun(t.db, [{ type: 'coverage', scope: 'engine:vulns:x', coverage: 'complete' }, vuln('engine:vulns', 'i-engine-only')], { source: 'engine:vulns' });
  await analyze(t.db, { engines: [coverageEngine()] });
}, 180_000); // several runs: slow on a loaded machine
afterAll(async () => { await t.drop(); });

async function unscanned(): Promise<{ asset_uid: string; status: string; scope: string }[]> {
  return t.db.query(`select f.asset_uid, f.status, s.scope from findings f left join finding_sources s on s.finding_id = f.id
    where f.rule_id = $1 order by f.asset_uid`, [WORKLOAD_NOT_SCANNED]);
}

describe('workload coverage', () => {
  it('finds running workloads no scanner covers, one scope per account or cluster', async () => {
    expect(await unscanned()).toEqual([
      { asset_uid: uidOf(ACC, 'i-bare'), status: 'open', scope: `coverage:${ACC}` },
      { asset_uid: uidOf(ACC, 'i-engine-only'), status: 'open', scope: `coverage:${ACC}` },
      { asset_uid: uidOf(ACC2, 'i-other'), status: 'open', scope: `coverage:${ACC2}` },
      { asset_uid: 'k8s:prod/shop/pod/api-1', status: 'open', scope: 'coverage:prod' },
      { asset_uid: 'registry/api@sha256:2', status: 'open', scope: 'coverage:prod' },
    ]);
    const f = await t.db.query<{ kind: string; evidence: Record<string, unknown> }>(`select kind, evidence from findings where asset_uid = 'k8s:prod/shop/pod/api-1'`);
    expect(f[0]?.kind).toBe('coverage');
    expect(f[0]?.evidence).toMatchObject({ kind: 'k8s.pod', account: 'prod', images: ['registry/api@sha256:2'] });
  });

  it('v_workload_coverage says which scanners cover each workload; a pod is covered by its image\'s scan', async () => {
    const rows = await t.db.query<{ uid: string; scanned_by: string[] }>('select uid, scanned_by from v_workload_coverage where scanned order by uid');
    expect(rows).toEqual([
      { uid: uidOf(ACC, 'i-inspector'), scanned_by: ['asff'] },
      { uid: uidOf(ACC, 'i-trivy'), scanned_by: ['trivy'] },
      { uid: 'k8s:prod/shop/pod/web-1', scanned_by: ['trivy'] },
      { uid: 'registry/web@sha256:1', scanned_by: ['trivy'] },
    ]);
  });

  it('v_coverage: per account and per owner, workloads scanned and detective services per region', async () => {
    const rows = await t.db.query<Record<string, unknown>>('select * from v_coverage order by grouping, account, owner nulls first');
    expect(rows).toEqual([
      { grouping: 'account', account: ACC, owner: null, compute_assets: 4, scanned_assets: 2, scanned_pct: 50, regions: 2,
        cloudtrail_regions: 2, cloudtrail_pct: 100, guardduty_regions: 1, guardduty_pct: 50, config_regions: 0, config_pct: 0 },
      { grouping: 'account', account: ACC2, owner: null, compute_assets: 1, scanned_assets: 0, scanned_pct: 0, regions: 0,
        cloudtrail_regions: 0, cloudtrail_pct: null, guardduty_regions: 0, guardduty_pct: null, config_regions: 0, config_pct: null },
      { grouping: 'account', account: 'prod', owner: null, compute_assets: 4, scanned_assets: 2, scanned_pct: 50, regions: 0,
        cloudtrail_regions: 0, cloudtrail_pct: null, guardduty_regions: 0, guardduty_pct: null, config_regions: 0, config_pct: null },
      { grouping: 'owner', account: null, owner: null, compute_assets: 1, scanned_assets: 0, scanned_pct: 0, regions: 0,
        cloudtrail_regions: 0, cloudtrail_pct: null, guardduty_regions: 0, guardduty_pct: null, config_regions: 0, config_pct: null },
      { grouping: 'owner', account: null, owner: 'team-a', compute_assets: 3, scanned_assets: 2, scanned_pct: 66.7, regions: 1,
        cloudtrail_regions: 1, cloudtrail_pct: 100, guardduty_regions: 1, guardduty_pct: 100, config_regions: 0, config_pct: 0 },
      { grouping: 'owner', account: null, owner: 'team-b', compute_assets: 1, scanned_assets: 0, scanned_pct: 0, regions: 1,
        cloudtrail_regions: 1, cloudtrail_pct: 100, guardduty_regions: 1, guardduty_pct: 100, config_regions: 0, config_pct: 0 },
      { grouping: 'owner', account: null, owner: 'team-shop', compute_assets: 4, scanned_assets: 2, scanned_pct: 50, regions: 0,
        cloudtrail_regions: 0, cloudtrail_pct: null, guardduty_regions: 0, guardduty_pct: null, config_regions: 0, config_pct: null },
    ]);
  });

  it('resolves the finding once a scanner covers the workload, or it stops running; writes nothing when nothing changed', async () => {
    const before = await t.db.query('select id, status, last_seen from findings order by id');
    const same = await analyze(t.db, { engines: [coverageEngine()] });
    expect(same[0]?.counts.findings).toMatchObject({ new: 0, updated: 0, resolved: 0 });
    expect(await t.db.query('select id, status, last_seen from findings order by id')).toEqual(before);

    await syncRun(t.db, [{ type: 'coverage', scope: 'image:api', coverage: 'complete' }, pkg('image:api', 'registry/api@sha256:2')], { source: 'trivy' });
    await syncRun(t.db, [{ type: 'coverage', scope: `aws:${ACC2}`, coverage: 'complete' }, inst(ACC2, 'i-other', null, 'stopped')], { source: 'inventory' });
    const r = await analyze(t.db, { engines: [coverageEngine()] });
    expect(r[0]?.counts.findings.resolved).toBe(3);
    expect((await unscanned()).filter((f) => f.status === 'open').map((f) => f.asset_uid)).toEqual([uidOf(ACC, 'i-bare'), uidOf(ACC, 'i-engine-only')]);
  });
});
