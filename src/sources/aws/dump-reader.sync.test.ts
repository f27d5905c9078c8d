import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { syncRun } from '../../pipeline/sync/run.js';
import { awsDump } from './dump-reader.js';

const A = '111122223333';
const region = join(A, 'us-east-1');
const instance = (id: string, name: string) => ({
  InstanceId: id, InstanceType: 't3.micro', State: { Code: 16, Name: 'running' }, SubnetId: 'subnet-01', VpcId: 'vpc-01',
  SecurityGroups: [{ GroupName: 'web', GroupId: 'sg-01' }], Tags: [{ Key: 'Name', Value: name }, { Key: 'team', Value: 'payments' }],
});
const uid = (id: string) => `arn:aws:ec2:us-east-1:${A}:instance/${id}`;

let t: TestDb;
let dir: string;

async function put(path: string, content: unknown): Promise<void> {
  await mkdir(join(dir, path, '..'), { recursive: true });
  await writeFile(join(dir, path), JSON.stringify(content));
}

async function sync(day: number) {
  return syncRun(t.db, awsDump.read(dir, { log: () => undefined }), { source: awsDump.id, where: dir, now: new Date(Date.UTC(2026, 0, day)) });
}

async function instanceRow(id: string) {
  const rows = await t.db.query<{ gone_at: Date | null; unverified: boolean; owner: string | null }>(
    'select gone_at, unverified, owner from assets where uid = $1', [uid(id)]);
  return rows[0];
}

const snapshot = () => Promise.all(['assets', 'relationships'].map((tbl) => t.db.query(`select * from ${tbl} order by 1, 2, 3`)));

beforeAll(async () => {
  t = await createTestDb();
  dir = await mkdtemp(join(tmpdir(), 'aws-dump-sync-'));
  await put(`${A}/meta.json`, { Alias: 'payments-prod' });
  await put(`${region}/ec2-describe-instances.json`, { Reservations: [{ Instances: [instance('i-01', 'web-1'), instance('i-02', 'web-2')] }] });
  await put(`${region}/ec2-describe-security-groups.json`, { SecurityGroups: [{ GroupId: 'sg-01', GroupName: 'web', VpcId: 'vpc-01' }] });
});
afterAll(async () => {
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('aws dump through the scoped sync', () => {
  it('stores the dump', async () => {
    const r = await sync(1);
    expect(r.status).toBe('succeeded');
    expect(r.counts.assets).toMatchObject({ inserted: 4, gone: 0 }); // 2 instances, 1 security group, the account
    expect(r.counts.scopes).toEqual({ complete: 2, partial: 0, failed: 0 });
    expect(await instanceRow('i-01')).toMatchObject({ gone_at: null, unverified: false, owner: 'payments' });
    const edges = await t.db.query<{ kind: string; to_uid: string }>('select kind, to_uid from relationships where from_uid = $1 order by kind', [uid('i-01')]);
    expect(edges.map((e) => e.kind)).toEqual(['in_security_group', 'in_subnet', 'in_vpc']);
  });

  it('re-reading the same dump changes no row', async () => {
    const before = await snapshot();
    const r = await sync(2);
    expect(r.counts.assets).toMatchObject({ inserted: 0, updated: 0, gone: 0, unverified: 0 });
    expect(r.counts.relationships).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('an instance removed from the dump is marked gone, with its edges', async () => {
    await put(`${region}/ec2-describe-instances.json`, { Reservations: [{ Instances: [instance('i-01', 'web-1')] }] });
    const r = await sync(3);
    expect(r.counts.assets.gone).toBe(1);
    expect((await instanceRow('i-02'))?.gone_at).toEqual(new Date(Date.UTC(2026, 0, 3)));
    expect(await instanceRow('i-01')).toMatchObject({ gone_at: null });
    const left = await t.db.query('select 1 from relationships where from_uid = $1', [uid('i-02')]);
    expect(left).toEqual([]);
  });

  it('an AccessDenied instead of describe-instances keeps the instances, flagged unverified', async () => {
    await put(`${region}/ec2-describe-instances.json`, { Error: { Code: 'AccessDenied', Message: 'not authorized to perform: ec2:DescribeInstances' } });
    const r = await sync(4);
    expect(r.status).toBe('partial');
    expect(r.counts.assets).toMatchObject({ gone: 0, unverified: 1 });
    expect(await instanceRow('i-01')).toMatchObject({ gone_at: null, unverified: true });
    const sg = await t.db.query<{ unverified: boolean; gone_at: Date | null }>('select unverified, gone_at from assets where uid = $1', [`arn:aws:ec2:us-east-1:${A}:security-group/sg-01`]);
    expect(sg[0]).toEqual({ unverified: false, gone_at: null });
    const scope = await t.db.query<{ coverage: string; error: string }>('select coverage, error from run_scopes where run_id = $1 and scope = $2', [r.runId, `aws:${A}:us-east-1:ec2`]);
    expect(scope[0]?.coverage).toBe('partial');
    expect(scope[0]?.error).toContain('ec2-describe-instances: AccessDenied');
  });
});
