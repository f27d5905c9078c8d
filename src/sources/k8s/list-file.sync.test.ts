import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { importK8sListFile } from '../../pipeline/import-dump.js';
import { clusterItems, kubectlList } from './fixture.js';

const C = 'shop-prod';
let t: TestDb;
let dir: string;
let file: string;

/** One List of mixed kinds, as `kubectl get <resources> -A -o json` prints it. */
async function writeMixed(resources: string[], items = clusterItems(), extra: unknown[] = []): Promise<void> {
  const all = resources.flatMap((r) => kubectlList(r, items[r]!).items as unknown[]);
  await writeFile(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [...all, ...extra] }));
}

const gone = async (uid: string) =>
  (await t.db.query<{ gone_at: Date | null; unverified: boolean }>('select gone_at, unverified from assets where uid = $1', [uid]))[0];

beforeAll(async () => {
  t = await createTestDb();
  dir = await mkdtemp(join(tmpdir(), 'k8s-list-'));
  file = join(dir, 'all.json');
});
afterAll(async () => {
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('import k8s <file>: one mixed List', () => {
  const podA = `k8s:${C}/payments/pod/api-6d4cf56db6-abcde`;
  const podB = `k8s:${C}/payments/pod/api-6d4cf56db6-fghij`;
  const svc = `k8s:${C}/payments/service/api`;

  it('groups items by kind and covers only the kinds present; unknown kinds are reported', async () => {
    await writeMixed(['pods', 'services', 'deployments', 'replicasets'], clusterItems(), [{ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'api', namespace: 'payments' } }]);
    const logs: string[] = [];
    const r = await importK8sListFile(t.db, file, C, { log: (m) => logs.push(m) });
    expect(r.status).toBe('succeeded');
    expect(r.counts.scopes).toEqual({ complete: 3, partial: 0, failed: 0 });
    expect(logs).toEqual([`${file}: Endpoints items ignored, not a kind this reader knows`]);
    const kinds = await t.db.query<{ kind: string; n: number }>(
      `select kind, count(*)::int as n from assets where uid like 'k8s:%' and not reference group by kind order by kind`);
    expect(kinds).toEqual([{ kind: 'k8s.deployment', n: 1 }, { kind: 'k8s.pod', n: 4 }, { kind: 'k8s.service', n: 3 }]);
    expect(await t.db.query(`select 1 from relationships where kind = 'manages' and to_uid = $1`, [podA])).toHaveLength(1);
    expect(await t.db.query(`select 1 from relationships where kind = 'selects'`)).toHaveLength(2);
  });

  it('is idempotent: the same file again writes no row', async () => {
    const r = await importK8sListFile(t.db, file, C);
    expect(r.counts.assets).toMatchObject({ inserted: 0, updated: 0, gone: 0 });
    expect(r.counts.relationships).toMatchObject({ inserted: 0, deleted: 0 });
  });

  it('marks a removed pod gone and leaves services untouched when only pods are given', async () => {
    const items = clusterItems();
    items.pods = items.pods!.filter((p) => (p.metadata as { name: string }).name !== 'api-6d4cf56db6-fghij');
    await writeMixed(['pods'], items);
    const r = await importK8sListFile(t.db, file, C);
    expect(r.status).toBe('succeeded');
    expect(r.counts.scopes).toEqual({ complete: 1, partial: 0, failed: 0 });
    expect(r.counts.assets.gone).toBe(1);
    expect((await gone(podB))!.gone_at).not.toBeNull();
    expect(await gone(podA)).toEqual({ gone_at: null, unverified: false });
    expect(await gone(svc)).toEqual({ gone_at: null, unverified: false });
    const [svcScope] = await t.db.query<{ last_coverage: string }>(`select last_coverage from scope_state where scope = $1`, [`k8s:${C}:service`]);
    expect(svcScope).toEqual({ last_coverage: 'complete' });
    // Service edges belong to the service scope, which this file did not speak for: they stay as they were
    // until services are imported again (documented in docs/k8s-dump-layout.md).
    expect(await t.db.query(`select to_uid from relationships where kind = 'selects' order by 1`)).toEqual([{ to_uid: podA }, { to_uid: podB }]);
  });

  it('refuses items without a kind, a bad cluster name, and a file with no known kind, naming them', async () => {
    await writeFile(file, JSON.stringify({ kind: 'List', items: [{ metadata: { name: 'x', namespace: 'y' } }] }));
    await expect(importK8sListFile(t.db, file, C)).rejects.toThrow(`${file} items[0]: kind: missing`);
    await writeMixed(['pods']);
    await expect(importK8sListFile(t.db, file, 'bad/name')).rejects.toThrow('--cluster: bad/name: a cluster name is');
    await writeFile(file, JSON.stringify({ kind: 'List', items: [] }));
    await expect(importK8sListFile(t.db, file, C)).rejects.toThrow(`${file}: no item of a kind this reader knows`);
  });
});
