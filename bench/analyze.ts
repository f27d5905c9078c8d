import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOrganization } from '../src/demo/generator/index.js';
import { importDump } from '../src/pipeline/import-dump.js';
import { analyze } from '../src/pipeline/analyze.js';
import { ENGINES } from '../src/engines/registry.js';
import type { BenchContext, BenchResult, Benchmark } from './types.js';
import { settle, timed } from './settle.js';
import { cpuClock, type CpuSeconds } from './cpu-time.js';

/** Resources in the analyzed inventory by default: the issue's "≥ 50k-resource dump". */
export const DEFAULT_RESOURCES = 50_000;
/** Assets the demo generator makes per unit of scale (measured: 631 at scale 1), to size the dump. */
const ASSETS_PER_SCALE = 630;

/** Reading the whole inventory once, as an engine must at least: the floor of any analysis. */
async function readInventory(ctx: BenchContext): Promise<{ seconds: number; cpu: CpuSeconds }> {
  await settle(ctx.db);
  const clock = await cpuClock(ctx.db);
  const { seconds } = await timed(async () => {
    await ctx.db.query('select uid, kind, account, region, properties, tags, labels, owner from v_assets where gone_at is null');
    await ctx.db.query('select from_uid, kind, to_uid, properties from relationships');
  });
  return { seconds, cpu: await clock() };
}

/** Wall seconds and CPU seconds of one phase: on a shared machine the CPU time is the figure to compare. */
async function measured<T>(ctx: BenchContext, fn: () => Promise<T>): Promise<{ result: T; seconds: number; cpu: CpuSeconds }> {
  const clock = await cpuClock(ctx.db);
  const { result, seconds } = await timed(fn);
  return { result, seconds, cpu: await clock() };
}

const cpuText = (c: CpuSeconds) => `cpu ${c.node.toFixed(1)} s${c.postgres === null ? '' : ` + server ${c.postgres.toFixed(1)} s`}`;

/**
 * All posture engines (rules, IAM, labels, coverage; the matcher has no packages to match in a cloud dump) over
 * a generated AWS organization imported from its dump: the first analysis, then each engine again on the
 * unchanged inventory. Baseline: one read of every asset and relationship in the same store.
 */
export const analyzeBench: Benchmark = {
  name: 'analyze',
  description: `rules + IAM + labels + coverage over a generated AWS dump of ~${DEFAULT_RESOURCES.toLocaleString('en')} resources, ` +
    'first analysis and per-engine re-runs, vs one full read of the inventory',
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const target = ctx.rows ?? DEFAULT_RESOURCES;
    const scale = Math.max(1, Math.round(target / ASSETS_PER_SCALE));
    const dir = await mkdtemp(join(tmpdir(), 'ms-bench-analyze-'));
    try {
      ctx.log(`generating an organization at scale ${scale}`);
      const org = await generateOrganization({ outDir: dir, scale, seed: 7 });
      const { seconds: importSeconds, cpu: importCpu } = await measured(ctx, () => importDump(ctx.db, 'aws', join(dir, org.awsDir)));
      const [{ n: resources } = { n: 0 }] = await ctx.db.query<{ n: number }>('select count(*)::int as n from assets where gone_at is null');
      ctx.log(`imported ${resources} resources in ${importSeconds.toFixed(1)} s (${cpuText(importCpu)})`);
      const { seconds: readSeconds, cpu: readCpu } = await readInventory(ctx);
      const baseline = resources / readSeconds;
      ctx.log(`baseline: one read of the inventory ${readSeconds.toFixed(2)} s (${cpuText(readCpu)})`);
      const engines = ENGINES.filter((e) => e.id !== 'vulns');
      const results: BenchResult[] = [{
        name: 'analyze/import', backend: ctx.backend, value: resources / importSeconds, unit: 'resources/s', baseline, ratio: resources / importSeconds / baseline,
        rows: resources, seconds: importSeconds, cpuSeconds: importCpu, baselineMethod: 'read-inventory', baselineSeconds: readSeconds, baselineCpuSeconds: readCpu,
      }];
      const row = (name: string, seconds: number, extra: Record<string, unknown>): BenchResult => ({
        name, backend: ctx.backend, value: resources / seconds, unit: 'resources/s', baseline, ratio: resources / seconds / baseline,
        rows: resources, seconds, baselineMethod: 'read-inventory', baselineSeconds: readSeconds, ...extra,
      });
      await settle(ctx.db);
      const { result: first, seconds, cpu } = await measured(ctx, () => analyze(ctx.db, { engines }));
      const findings = first.reduce((n, r) => n + r.counts.findings.new, 0);
      ctx.log(`first analysis: ${seconds.toFixed(1)} s (${cpuText(cpu)}), ${findings} findings opened`);
      results.push(row('analyze/first', seconds, { findings, engines: engines.map((e) => e.id), cpuSeconds: cpu }));
      for (const engine of engines) {
        await settle(ctx.db);
        const { result, seconds: s, cpu: c } = await measured(ctx, () => analyze(ctx.db, { engines: [engine] }));
        const changed = result.reduce((n, r) => n + r.counts.findings.new + r.counts.findings.updated + r.counts.findings.resolved, 0);
        ctx.log(`${engine.id} again: ${s.toFixed(2)} s (${cpuText(c)}), ${changed} findings changed`);
        results.push(row(`analyze/${engine.id}`, s, { changed, cpuSeconds: c }));
      }
      return results;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
