import type { Queryable } from '../../store/db.js';

/**
 * Turns a stage table into the run's table of distinct items: later records win over earlier ones (and,
 * for assets, any definition over a reference). Deleting the few duplicates in place and renaming is
 * several times cheaper than copying every row through a `distinct on` sort.
 */
export async function distinctStage(tx: Queryable, stage: string, run: string, key: readonly string[], loses: string): Promise<void> {
  const on = key.map((k) => `d.${k} = s.${k}`).join(' and ');
  await tx.exec(`delete from ${stage} s using ${stage} d where ${on} and (${loses});
    alter table ${stage} rename to ${run};
    analyze ${run} (${key.join(', ')});`);
}
