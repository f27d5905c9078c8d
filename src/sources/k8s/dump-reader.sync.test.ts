import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { importDump } from '../../pipeline/import-dump.js';
import { clusterItems, kubectlList } from './fixture.js';

const C = 'shop-prod';
let t: TestDb;
let dir: string;

async function writeCluster(items = clusterItems(), skip: string[] = []): Promise<void> {
  await rm(join(dir, C), { recursive: true, force: true });
  await mkdir(join(dir, C), { recursive: true });
  for (const [resource, list] of Object.entries(items)) {
    if (!skip.includes(resource)) await writeFile(join(dir, C, `${resource}.json`), JSON.stringify(kubectlList(resource, list), null, 2));
  }
}

const row = async (uid: string) =>
  (await t.db.query<{ gone_at: Date | null; unverified: boolean }>('select gone_at, unverified from assets where uid = $1', [uid]))[0];

beforeAll(async () => {
  t = await createTestDb();
  dir = await mkdtemp(join(tmpdir(), 'k8s-dump-'));
});
afterAll(async () => {
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('k8s dump through importDump', () => {
  it('stores the cluster with one complete scope per kind', async () => {
    await writeCluster();
    const logs: string[] = [];
    await writeFile(join(dir, C, 'notes.txt'), 'x');
    const r = await importDump(t.db, 'k8s', dir, { log: (m) => logs.push(m) });
    expect(r.status).toBe('succeeded');
    expect(r.counts.scopes).toEqual({ complete: 18, partial: 0, failed: 0 });
    expect(logs).toEqual([`${join(dir, C, 'notes.txt')}: ignored, not a resource this reader knows`]);
    const kinds = await t.db.query<{ kind: string; n: number }>(
      `select kind, count(*)::int as n from v_assets where source = 'k8s' and not reference group by kind order by kind`);
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k.n]))).toMatchObject({ 'k8s.pod': 4, 'k8s.namespace': 3, 'k8s.secret': 1, 'k8s.clusterrolebinding': 1 });
    const [secret] = await t.db.query<{ p: string }>(`select properties::text as p from assets where kind = 'k8s.secret'`);
    expect(secret!.p).not.toContain('aHVudGVyMg==');
    const selects = await t.db.query(`select to_uid from relationships where kind = 'selects' order by 1`);
    expect(selects).toHaveLength(2);
  });

  it('is idempotent: the same dump again writes no row', async () => {
    const r = await importDump(t.db, 'k8s', dir);
    expect(r.counts.assets).toMatchObject({ inserted: 0, updated: 0, gone: 0 });
    expect(r.counts.relationships).toMatchObject({ inserted: 0, deleted: 0 });
  });

  it('marks a deleted pod gone, and keeps pods unverified when pods.json is refused', async () => {
    const items = clusterItems();
    const podUid = `k8s:${C}/payments/pod/api-6d4cf56db6-fghij`;
    items.pods = items.pods!.filter((p) => (p.metadata as { name: string }).name !== 'api-6d4cf56db6-fghij');
    await writeCluster(items);
    const r = await importDump(t.db, 'k8s', dir);
    expect(r.counts.assets.gone).toBe(1);
    expect((await row(podUid))!.gone_at).not.toBeNull();
    expect(await t.db.query(`select 1 from relationships where to_uid = $1 or from_uid = $1`, [podUid])).toEqual([]);

    await writeCluster(clusterItems(), ['pods']);
    await writeFile(join(dir, C, 'pods.json'), JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Forbidden', code: 403,
      message: 'pods is forbidden: User "audit" cannot list resource "pods" in API group "" at the cluster scope' }));
    const refused = await importDump(t.db, 'k8s', dir);
    expect(refused.status).toBe('partial');
    expect(refused.counts.scopes).toEqual({ complete: 16, partial: 1, failed: 1 });
    const [scope] = await t.db.query<{ last_coverage: string; last_error: string }>(
      `select last_coverage, last_error from scope_state where scope = $1`, [`k8s:${C}:pod`]);
    expect(scope).toEqual({ last_coverage: 'failed', last_error: expect.stringContaining('list pods: 403 Forbidden: pods is forbidden') as string });
    expect(await row(`k8s:${C}/payments/pod/api-6d4cf56db6-abcde`)).toEqual({ gone_at: null, unverified: true });
    // the service scope is partial: its selects edges stay
    expect(await t.db.query(`select 1 from relationships where kind = 'selects'`)).toHaveLength(1);
  });

  it('refuses a directory without cluster folders, naming it', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'k8s-empty-'));
    await expect(importDump(t.db, 'k8s', empty)).rejects.toThrow(`${empty}: no cluster folder found`);
    await rm(empty, { recursive: true });
  });
});
