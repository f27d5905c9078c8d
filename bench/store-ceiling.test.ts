import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/support/test-db.js';
import { storeCeiling } from './store-ceiling.js';
import { ROWS_PER_SCOPE, syntheticFinding, syntheticRecords } from './synthetic-findings.js';
import { renderTable } from './table.js';
import type { BenchResult } from './types.js';

const ROWS = 2000;

describe('synthetic findings', () => {
  it('are deterministic and distinct, with one complete coverage record per scope', () => {
    expect(syntheticFinding(1234)).toEqual(syntheticFinding(1234));
    const records = [...syntheticRecords(ROWS)];
    const coverage = records.filter((r) => r.type === 'coverage');
    const findings = records.flatMap((r) => (r.type === 'finding' ? [r] : []));
    expect(coverage).toHaveLength(ROWS / ROWS_PER_SCOPE);
    expect(coverage.every((c) => c.coverage === 'complete')).toBe(true);
    expect(new Set(findings.map((f) => f.finding.fingerprint)).size).toBe(ROWS);
    expect(new Set(findings.map((f) => f.scope))).toEqual(new Set(coverage.map((c) => c.scope)));
  });
});

describe('store-ceiling benchmark (smoke, tiny scale)', () => {
  let t: TestDb;
  let results: BenchResult[];
  beforeAll(async () => {
    t = await createTestDb();
    results = await storeCeiling.run({ db: t.db, backend: t.db.backend, rows: ROWS, log: () => undefined });
  });
  afterAll(async () => { await t?.drop(); });

  it('reports the import and the identical re-import against a baseline of the same run', () => {
    expect(results.map((r) => r.name)).toEqual(['store-ceiling/import', 'store-ceiling/re-import']);
    for (const r of results) {
      expect(r.backend).toBe(t.db.backend);
      expect(r.unit).toBe('rows/s');
      expect(r.rows).toBe(ROWS);
      expect(r.value).toBeGreaterThan(0);
      expect(r.baseline).toBeGreaterThan(0);
      expect(r.ratio).toBeGreaterThan(0);
      expect(r.ratio).toBeCloseTo(r.value / r.baseline, 9);
      expect(['copy', 'insert']).toContain(r.baselineMethod);
      const statements = r.statements as { statement: string; calls: number; ms: number }[];
      // Only the slowest few are listed, and which are slowest depends on the machine's load: the findings'
      // statements are among them whatever the order.
      expect(statements.length).toBeGreaterThan(0);
      expect(statements.every((s) => s.calls >= 1 && s.ms >= 0)).toBe(true);
      expect(statements.some((s) => /\bfindings?\b|stage_finding/.test(s.statement))).toBe(true);
    }
    expect(results[0]?.baseline).toBe(results[1]?.baseline);
  });

  it('leaves the findings it imported and drops its baseline table', async () => {
    const [findings] = await t.db.query<{ n: number }>('select count(*)::int as n from findings');
    expect(findings?.n).toBe(ROWS);
    const runs = await t.db.query<{ status: string }>('select status from runs order by id');
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    const [raw] = await t.db.query<{ t: string | null }>(`select to_regclass('bench_raw_findings')::text as t`);
    expect(raw?.t).toBeNull();
  });

  it('renders a readable table', () => {
    const text = renderTable(results);
    expect(text).toContain('store-ceiling/re-import');
    expect(text).toContain('COPY stage_findings');
  });
});
