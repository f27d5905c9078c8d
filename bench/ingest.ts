import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FindingDraft } from '../src/model/index.js';
import type { NormalizedRecord } from '../src/model/index.js';
import { openReportFile } from '../src/sources/report-file.js';
import { trivyJson } from '../src/sources/trivy/parser.js';
import type { Backend, Db } from '../src/store/db.js';
import { ingestFile, type IngestOptions, type IngestResult } from '../src/pipeline/ingest.js';
import { BASELINE_COLUMNS, BASELINE_DDL } from './synthetic-findings.js';
import { cpuClock, type CpuSeconds } from './cpu-time.js';
import { settle, timed } from './settle.js';
import { StatementTimer, type StatementTime } from './statement-timer.js';
import { writeTrivyReport, type WrittenReport } from './trivy-report.js';
import type { BenchContext, BenchResult, Benchmark } from './types.js';

/** The report sizes: a large scan and a typical one (13,000 findings). */
export const DEFAULT_FINDINGS = 50_000;
const SMALL_SHARE = 13 / 50;
const BASELINE_TABLE = 'bench_raw_ingest';

/** Targets from issue #3, shown beside the results (benchmarks, not tests). */
const TARGETS: Record<string, Partial<Record<Backend, { findingsPerSecond?: number; seconds?: number }>>> = {
  'ingest/large-new': { pglite: { findingsPerSecond: 20_000 }, postgres: { findingsPerSecond: 50_000 } },
  'ingest/typical-reimport': { postgres: { seconds: 0.5 } },
};

/** The finding rows the report yields, as the baseline table holds them (parsing is not timed). */
async function findingRows(path: string): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  for await (const r of trivyJson.parse(await openReportFile(path))) {
    if (r.type !== 'finding') continue;
    const f = FindingDraft.parse(r.finding);
    rows.push([r.scope, f.fingerprint, f.kind, f.ruleId, f.advisoryId, f.title, f.description, f.severity, f.assetUid,
      f.packagePurl, f.evidence, f.remediation, f.properties, f.originalId]);
  }
  return rows;
}

/** Raw COPY of the same rows into a plain table (no keys, no indexes): the best the backend does with them. */
async function rawCopy(ctx: BenchContext, rows: unknown[][]): Promise<number> {
  await ctx.db.exec(`drop table if exists ${BASELINE_TABLE}; ${BASELINE_DDL(BASELINE_TABLE)}`);
  await settle(ctx.db);
  const { result: loaded, seconds } = await timed(() => ctx.db.copyRows(BASELINE_TABLE, BASELINE_COLUMNS, rows));
  if (loaded !== rows.length) throw new Error(`baseline COPY loaded ${loaded} rows, expected ${rows.length}`);
  await ctx.db.exec(`drop table ${BASELINE_TABLE}`);
  return rows.length / seconds;
}

interface Measured {
  name: string;
  report: WrittenReport;
  findings: number;
  seconds: number;
  /** Of which waiting for the parser's next record: reading, parsing and validating the report. */
  parseSeconds: number;
  baseline: number;
  statements: StatementTime[];
  cpuSeconds: CpuSeconds;
}

/** The parser's records, with the time spent producing them (in the same run, interleaved with the store's). */
function timedRecords(records: AsyncIterable<NormalizedRecord>): { records: AsyncIterable<NormalizedRecord>; ms: () => number } {
  let ms = 0;
  const it = records[Symbol.asyncIterator]();
  return {
    ms: () => ms,
    records: {
      [Symbol.asyncIterator]: () => ({
        async next() {
          const started = performance.now();
          try {
            return await it.next();
          } finally {
            ms += performance.now() - started;
          }
        },
      }),
    },
  };
}

/**
 * What `mothership ingest <file>` does (pipeline/ingest.ts), with the parser's share timed. Risk scoring
 * after the run is left out: it scores the whole store, not this file, and has a benchmark of its own.
 */
async function ingestTimed(db: Db, path: string, options: IngestOptions = {}): Promise<{ result: IngestResult; parseSeconds: number }> {
  let timed: ReturnType<typeof timedRecords> | undefined;
  const result = await ingestFile(db, path, { ...options, scoreRisk: false, observe: (records) => (timed = timedRecords(records)).records });
  return { result, parseSeconds: (timed?.ms() ?? 0) / 1000 };
}

function resultsOf(ctx: BenchContext, m: Measured): BenchResult[] {
  const target = TARGETS[m.name]?.[ctx.backend];
  const storeSeconds = m.seconds - m.parseSeconds;
  const common = {
    backend: ctx.backend, unit: 'findings/s', baseline: m.baseline, rows: m.findings, baselineMethod: 'copy',
    reportBytes: m.report.bytes, vulnerabilityEntries: m.report.entries, packages: m.report.packages,
  };
  const inStatements = m.statements.reduce((sum, s) => sum + s.ms, 0);
  const value = m.findings / m.seconds;
  const storeValue = m.findings / storeSeconds;
  return [
    {
      ...common, name: m.name, value, ratio: value / m.baseline, seconds: m.seconds, parseSeconds: m.parseSeconds, cpuSeconds: m.cpuSeconds,
      ...(target ? { target, meetsTarget: (target.findingsPerSecond ?? 0) <= value && (target.seconds ?? Infinity) >= m.seconds } : {}),
      statements: m.statements.slice(0, 10).map((s) => ({ ...s, ms: Math.round(s.ms) })),
      outsideStatementsMs: Math.round(m.seconds * 1000 - inStatements),
    },
    {
      // The same run without the parser's time: the write path alone (validate, stage, merge), as store-ceiling measures it.
      ...common, name: `${m.name}:store`, value: storeValue, ratio: storeValue / m.baseline, seconds: storeSeconds,
      ...(target ? { target, meetsTarget: (target.findingsPerSecond ?? 0) <= storeValue && (target.seconds ?? Infinity) >= storeSeconds } : {}),
    },
  ];
}

/**
 * Ingest of Trivy reports through the real path (sniff, parse, syncRun: what `mothership ingest` does), on
 * generated reports of 50,000 and 13,000 findings, against a raw COPY of the same finding rows on the same
 * backend. Each measurement is reported twice: end to end, and without the parser's share (`:store`).
 */
export const ingest: Benchmark = {
  name: 'ingest',
  description: `ingest of generated Trivy reports: ${DEFAULT_FINDINGS.toLocaleString('en')} findings into an empty store, ` +
    `${Math.round(DEFAULT_FINDINGS * SMALL_SHARE).toLocaleString('en')} more, their identical re-import; vs raw COPY of the same finding rows`,
  async run(ctx) {
    const large = ctx.rows ?? DEFAULT_FINDINGS;
    const typical = Math.max(1, Math.round(large * SMALL_SHARE));
    const dir = await mkdtemp(join(tmpdir(), 'mothership-bench-ingest-'));
    try {
      ctx.log(`writing reports of ${large} and ${typical} findings`);
      const reports = {
        large: await writeTrivyReport(join(dir, 'large.json'), { findings: large, seed: 1 }),
        typical: await writeTrivyReport(join(dir, 'typical.json'), { findings: typical, seed: 2 }),
      };
      const prepared = { large: { baseline: 0 }, typical: { baseline: 0 } };
      for (const key of ['large', 'typical'] as const) {
        const rows = await findingRows(reports[key].path);
        prepared[key].baseline = await rawCopy(ctx, rows);
        ctx.log(`${key}: ${reports[key].bytes} bytes, ${rows.length} findings; raw COPY of their rows ${Math.round(prepared[key].baseline)} rows/s`);
      }

      const timer = new StatementTimer();
      const db = timer.wrap(ctx.db);
      const measured: Measured[] = [];
      const step = async (name: string, key: 'large' | 'typical', check: (r: IngestResult) => string | null, options: IngestOptions = {}) => {
        await settle(ctx.db);
        timer.reset();
        const clock = await cpuClock(ctx.db);
        const { result: { result, parseSeconds }, seconds } = await timed(() => ingestTimed(db, reports[key].path, options));
        const cpuSeconds = await clock();
        const problem = check(result);
        if (problem) throw new Error(`${name}: ${problem}; counts ${JSON.stringify(result.counts.findings)}`);
        ctx.log(`${name}: ${Math.round(result.counts.findings.seen / seconds)} findings/s (${seconds.toFixed(2)} s, of which parsing ${parseSeconds.toFixed(2)} s)`);
        measured.push({ name, report: reports[key], findings: result.counts.findings.seen, seconds, parseSeconds, cpuSeconds, statements: timer.report(), baseline: prepared[key].baseline });
      };
      await step('ingest/large-new', 'large', (r) => (r.counts.findings.new === large ? null : `opened ${r.counts.findings.new}, expected ${large}`));
      await step('ingest/typical-new', 'typical', (r) => (r.counts.findings.new === typical ? null : `opened ${r.counts.findings.new}, expected ${typical}`));
      const unchanged = (shortcut: boolean) => (r: IngestResult) => {
        const f = r.counts.findings;
        if ((r.identicalTo !== undefined) !== shortcut) return shortcut ? 'the identical re-import was parsed again' : 'the full re-import took the shortcut';
        return f.seen === typical && f.new + f.updated + f.reopened + f.resolved === 0 && r.counts.packages.inserted + r.counts.packages.updated === 0
          ? null : 'the identical re-import changed something';
      };
      // The same re-import parsed and merged in full, then as `mothership ingest` does it: the file is the one
      // the last run of its scopes read, nothing changed since, so it is recorded without being parsed.
      await step('ingest/typical-reimport-full', 'typical', unchanged(false), { identicalShortcut: false });
      await step('ingest/typical-reimport', 'typical', unchanged(true));
      return measured.flatMap((m) => resultsOf(ctx, m));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
