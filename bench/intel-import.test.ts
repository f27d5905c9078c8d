import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/support/test-db.js';
import { advisoryFromOsv } from '../src/intel/osv/advisory.js';
import { intelImport } from './intel-import.js';
import { syntheticOsvId, syntheticOsvRecord } from './synthetic-osv.js';
import type { BenchResult } from './types.js';

const ROWS = 1500;

describe('synthetic OSV records', () => {
  it('are deterministic, distinct, valid OSV, and revised only where asked', () => {
    expect(syntheticOsvRecord(42)).toEqual(syntheticOsvRecord(42));
    expect(new Set(Array.from({ length: 50_000 }, (_, i) => syntheticOsvId(i))).size).toBe(50_000);
    const row = advisoryFromOsv(syntheticOsvRecord(7), 'synthetic');
    expect(row.cvssScore).not.toBeNull();
    expect(syntheticOsvRecord(200, 100).modified).not.toBe(syntheticOsvRecord(200).modified);
    expect(syntheticOsvRecord(201, 100)).toEqual(syntheticOsvRecord(201));
  });
});

describe('intel-import benchmark (smoke, tiny scale)', () => {
  let t: TestDb;
  let results: BenchResult[];
  beforeAll(async () => {
    t = await createTestDb();
    results = await intelImport.run({ db: t.db, backend: t.db.backend, rows: ROWS, log: () => undefined });
  });
  afterAll(async () => { await t?.drop(); });

  it('reports the three phases against one baseline', () => {
    expect(results.map((r) => r.name)).toEqual(['intel-import/import', 'intel-import/re-import', 'intel-import/revise-1pct']);
    for (const r of results) {
      expect(r).toMatchObject({ backend: t.db.backend, unit: 'rows/s', rows: ROWS });
      expect(r.value).toBeGreaterThan(0);
      expect(r.ratio).toBeCloseTo(r.value / r.baseline, 9);
    }
    expect(results[2]?.counts).toMatchObject({ updated: ROWS / 100 });
  });

  it('leaves the advisories imported and no baseline table', async () => {
    const [n] = await t.db.query<{ n: number }>('select count(*)::int as n from advisories');
    expect(n?.n).toBe(ROWS);
    const [raw] = await t.db.query<{ t: string | null }>(`select to_regclass('bench_raw_advisories')::text as t`);
    expect(raw?.t).toBeNull();
  });
});
