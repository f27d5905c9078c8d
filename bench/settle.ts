import type { Db } from '../src/store/db.js';

/**
 * Between timed phases: collect garbage (when node runs with --expose-gc) and flush dirty pages, so one
 * phase does not pay for the writes of the one before it.
 */
export async function settle(db: Db): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  // CHECKPOINT needs superuser or pg_checkpoint on a server; without it the phases just share the flush.
  await db.exec('checkpoint').catch(() => undefined);
}

/** Wall-clock seconds of fn, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await fn();
  return { result, seconds: (performance.now() - started) / 1000 };
}
