import { openDb } from '../src/store/open.js';
import type { Backend } from '../src/store/db.js';
import { BENCHMARKS } from './registry.js';
import type { BenchResult } from './types.js';

/**
 * Runs one benchmark on one backend in a process of its own, so its peak RSS is its own (the process's
 * maxRSS never goes down, and a PGlite heap never shrinks). main.ts forks this and reads one message.
 */
export interface WorkerJob {
  benchmark: string;
  backend: Backend;
  location: string;
  rows?: number;
}

export type WorkerReply = { ok: true; results: BenchResult[] } | { ok: false; error: string };

async function work(job: WorkerJob): Promise<BenchResult[]> {
  const bench = BENCHMARKS.find((b) => b.name === job.benchmark);
  if (!bench) throw new Error(`no benchmark ${job.benchmark}`);
  const db = await openDb(job.location);
  try {
    const log = (m: string) => process.stderr.write(`[${job.benchmark} ${job.backend}] ${m}\n`);
    const results = await bench.run({ db, backend: job.backend, rows: job.rows, log });
    // resourceUsage().maxRSS is in kilobytes.
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    return results.map((r) => ({ ...r, peakRssMb }));
  } finally {
    await db.close();
  }
}

const job = JSON.parse(process.argv[2] ?? '{}') as WorkerJob;
const reply: WorkerReply = await work(job).then(
  (results): WorkerReply => ({ ok: true, results }),
  (e: unknown): WorkerReply => ({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
);
process.send?.(reply, () => process.exit(0));
