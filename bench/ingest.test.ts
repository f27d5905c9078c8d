import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingInput } from '../src/model/index.js';
import { memoryReportFile } from '../src/sources/report-file.js';
import { trivyJson } from '../src/sources/trivy/parser.js';
import { createTestDb, type TestDb } from '../test/support/test-db.js';
import { ingest } from './ingest.js';
import { trivyReportText, writeTrivyReport } from './trivy-report.js';
import type { BenchResult } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'ms-bench-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generated Trivy reports', () => {
  it('are deterministic and yield exactly the findings asked for, some seen in two lockfiles', async () => {
    const a = await writeTrivyReport(join(dir, 'a.json'), { findings: 700, seed: 3 });
    const b = await writeTrivyReport(join(dir, 'b.json'), { findings: 700, seed: 3 });
    expect(readFileSync(a.path)).toEqual(readFileSync(b.path));
    expect(a.bytes).toBe(readFileSync(a.path).length);
    const findings: FindingInput[] = [];
    let packages = 0;
    for await (const r of trivyJson.parse(memoryReportFile('a.json', readFileSync(a.path)))) {
      if (r.type === 'finding') findings.push(r.finding);
      if (r.type === 'package') packages++;
    }
    expect(findings).toHaveLength(700);
    expect(a.entries).toBeGreaterThan(700);
    expect(findings.some((f) => Array.isArray(f.evidence?.occurrences))).toBe(true);
    expect(packages).toBe(a.packages);
    // Another seed is another image.
    expect([...trivyReportText({ findings: 10, seed: 4 })].join('')).not.toContain('app-3');
  });
});

describe('ingest benchmark (smoke, tiny scale)', () => {
  let t: TestDb;
  let results: BenchResult[];
  beforeAll(async () => {
    t = await createTestDb();
    results = await ingest.run({ db: t.db, backend: t.db.backend, rows: 400, log: () => undefined });
  });
  afterAll(async () => { await t?.drop(); });

  it('reports each phase end to end and for the store alone, against a raw COPY of the same rows', () => {
    expect(results.map((r) => r.name)).toEqual(['ingest/large-new', 'ingest/large-new:store', 'ingest/typical-new', 'ingest/typical-new:store',
      'ingest/typical-reimport-full', 'ingest/typical-reimport-full:store', 'ingest/typical-reimport', 'ingest/typical-reimport:store']);
    for (const r of results) {
      expect(r.unit).toBe('findings/s');
      expect(r.rows).toBe(r.name.startsWith('ingest/large') ? 400 : 104);
      expect(r.value).toBeGreaterThan(0);
      expect(r.ratio).toBeCloseTo(r.value / r.baseline, 9);
    }
    const [whole, store] = results;
    expect(store!.seconds as number).toBeLessThan(whole!.seconds as number);
    expect(whole!.parseSeconds as number).toBeGreaterThan(0);
    expect((whole!.cpuSeconds as { node: number }).node).toBeGreaterThan(0);
    // New findings are COPYed straight into findings, not through the content stage.
    const statements = (whole!.statements as { statement: string }[]).map((s) => s.statement);
    expect(statements).toContain('COPY findings');
    expect(statements).not.toContain('COPY stage_finding_content');
  });

  it('leaves both reports\' findings in the store', async () => {
    const [n] = await t.db.query<{ n: number }>('select count(*)::int as n from findings');
    expect(n?.n).toBe(504);
  });
});
