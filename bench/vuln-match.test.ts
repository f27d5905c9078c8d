import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/support/test-db.js';
import { imagePackages, PACKAGES_PER_IMAGE, advisoryRows, installedAdvisoryCount } from './synthetic-vulns.js';
import { vulnMatch } from './vuln-match.js';
import type { BenchResult } from './types.js';

const PACKAGES = 4000;

describe('synthetic estate', () => {
  it('is deterministic, with distinct packages per image', () => {
    const a = [...imagePackages(7)];
    expect([...imagePackages(7)]).toEqual(a);
    expect(a).toHaveLength(PACKAGES_PER_IMAGE);
    expect(new Set(a.map((r) => `${String(r[1])}|${String(r[2])}`)).size).toBe(PACKAGES_PER_IMAGE);
  });

  it('has advisories about installed names first, then about others', () => {
    const rows = [...advisoryRows(installedAdvisoryCount() + 100)];
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
  });
});

describe('vuln-match benchmark (smoke, tiny scale)', () => {
  let t: TestDb;
  let results: BenchResult[];
  beforeAll(async () => {
    t = await createTestDb();
    results = await vulnMatch.run({ db: t.db, backend: t.db.backend, rows: PACKAGES, log: () => undefined });
  });
  afterAll(async () => { await t?.drop(); });

  it('reports the estate match, the single image and the incremental re-match against baselines of the same run', () => {
    expect(results.map((r) => r.name)).toEqual(['vuln-match/estate', 'vuln-match/single-image', 'vuln-match/incremental-1k-advisories']);
    for (const r of results) {
      expect(r.unit).toBe('packages/s');
      expect(r.value).toBeGreaterThan(0);
      expect(r.baseline).toBeGreaterThan(0);
      expect(r.ratio).toBeCloseTo(r.value / r.baseline, 9);
      expect(r.findings as number).toBeGreaterThan(0);
    }
    for (const r of results.slice(0, 2)) expect(r.candidatePairs as number).toBeGreaterThan(0);
    const incremental = results[2]!;
    expect(incremental.changedAdvisories as number).toBeGreaterThan(0);
    // The incremental re-match touches some assets, not the whole estate's work.
    expect(incremental.assets as number).toBeGreaterThan(0);
    const estate = results[0]!;
    expect(estate.packages).toBe(PACKAGES);
    // Some OS packages come with the base images' layers.
    expect(estate.inherited as number).toBeGreaterThan(0);
    expect(estate.inherited as number).toBeLessThan(estate.findings as number);
    // Every finding is among the candidate pairs the join finds, and range evaluation drops most of them.
    expect(estate.findings as number).toBeLessThan(estate.candidatePairs as number);
  });
});
