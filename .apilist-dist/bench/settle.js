/**
 * Between timed phases: collect garbage (when node runs with --expose-gc) and flush dirty pages, so one
 * phase does not pay for the writes of the one before it.
 */
export async function settle(db) {
    globalThis.gc?.();
    // CHECKPOINT needs superuser or pg_checkpoint on a server; without it the phases just share the flush.
    await db.exec('checkpoint').catch(() => undefined);
}
/** Wall-clock seconds of fn, with its result. */
export async function timed(fn) {
    const started = performance.now();
    const result = await fn();
    return { result, seconds: (performance.now() - started) / 1000 };
}
//# sourceMappingURL=settle.js.map