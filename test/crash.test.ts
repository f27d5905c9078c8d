import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from './support/test-db.js';
import { openDb } from '../src/store/open.js';
import { syncRun } from '../src/pipeline/sync/run.js';
import type { NormalizedRecord } from '../src/model/index.js';

const dir = mkdtempSync(join(tmpdir(), 'ms-crash-'));
let t: TestDb | undefined;
afterAll(async () => {
  await t?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a run killed midway', () => {
  it('leaves the previous state, and the next run records it as interrupted', async () => {
    // PGlite on disk (the embedded default) or a fresh PostgreSQL database.
    t = await createTestDb({ dir: join(dir, 'db') });
    const before: NormalizedRecord[] = [{ type: 'coverage', scope: 'crash:scope', coverage: 'complete' }];
    for (let i = 0; i < 100; i++) before.push({ type: 'asset', scope: 'crash:scope', asset: { uid: `old-${i}`, kind: 'test.thing', name: `old ${i}` } });
    await syncRun(t.db, before, { source: 'crash' });
    const snapshot = await t.db.query('select * from assets order by uid');
    // PGlite is single-process: hand the directory over to the child.
    if (t.db.backend === 'pglite') await t.db.close();

    const child = spawnSync(process.execPath, [join(import.meta.dirname, 'support/crash-run.mjs'), t.location, '12000'], { encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');

    const db = t.db.backend === 'pglite' ? await openDb(t.location) : t.db;
    if (db !== t.db) t = { ...t, db, drop: () => db.close() };
    expect(await db.query('select * from assets order by uid')).toEqual(snapshot);
    const next = await syncRun(db, before, { source: 'crash' });
    expect(next.counts.assets).toMatchObject({ inserted: 0, updated: 0, gone: 0 });
    const runs = await db.query<{ status: string }>(`select status from runs where source = 'crash' order by id`);
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'interrupted', 'succeeded']);
  });
});
