import type { Db } from '../db.js';

/** Any constant: serializes recomputations of finding_counts between processes (PostgreSQL). */
const COUNTS_LOCK = 0x4d53_0020;

const inFlight = new WeakMap<Db, Promise<boolean>>();

/**
 * Brings finding_counts (migration 020) up to date: when statements since the last computation left stale
 * marks, recomputes the counts in one pass over the open findings and removes the marks it saw. A write
 * committing meanwhile leaves its mark for the next reader. Returns whether it recomputed. Concurrent
 * callers in this process share one recomputation; other processes wait on an advisory lock.
 */
export function refreshFindingCounts(db: Db): Promise<boolean> {
  let running = inFlight.get(db);
  if (!running) {
    running = refresh(db).finally(() => inFlight.delete(db));
    inFlight.set(db, running);
  }
  return running;
}

async function refresh(db: Db): Promise<boolean> {
  const [stale] = await db.query<{ id: number | null }>('select max(id) as id from finding_counts_stale');
  if (stale?.id === null || stale?.id === undefined) return false;
  const seen = stale.id;
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [COUNTS_LOCK]);
    // Marks first: a write committing after this statement keeps its mark, whether or not the count below sees it.
    await tx.query('delete from finding_counts_stale where id <= $1', [seen]);
    await tx.query('delete from finding_counts');
    await tx.query(`insert into finding_counts (owner, kind, severity, open)
      select coalesce(owner, ''), kind, severity, count(*) from findings where status = 'open' group by 1, 2, 3`);
  });
  return true;
}
