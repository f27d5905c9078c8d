import type { Backend, Db } from '../src/store/db.js';

/** What a benchmark gets: one fresh, migrated database of one backend, and where to say what it is doing. */
export interface BenchContext {
  db: Db;
  backend: Backend;
  /** Rows asked for on the command line (a smoke-test scale knob); each benchmark has its own default. */
  rows?: number;
  /** Progress for people; goes to stderr, never into --json output. */
  log(message: string): void;
}

/**
 * One measurement. `ratio` is always value / baseline, both measured in the same run on the same backend,
 * so it reads the same way for every unit where more is better (rows/s): below 1 is slower than the baseline.
 * Anything else a benchmark wants to report rides along as extra fields.
 */
export interface BenchResult {
  name: string;
  backend: Backend;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  [extra: string]: unknown;
}

export interface Benchmark {
  readonly name: string;
  readonly description: string;
  run(ctx: BenchContext): Promise<BenchResult[]>;
}
