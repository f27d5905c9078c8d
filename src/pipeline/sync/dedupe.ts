import type { Queryable } from '../../store/db.js';

export interface DistinctOptions {
  /** Whether the stage may hold a key twice (the Stager knows); when not, the dedupe is skipped. */
  duplicates: boolean;
  /**
   * Index the key (and gather statistics on it) for the sweep's anti-join. Without it, a scope stored for
   * the first time in this very transaction has no statistics, the planner expects one row, and a nested
   * loop over the run table made a 7,600-package sweep take 6 s.
   */
  indexKey: boolean;
}

/**
 * Turns a stage table into the run's table of distinct items: later records win over earlier ones (and,
 * for assets, any definition over a reference). Deleting the few duplicates in place and renaming is
 * several times cheaper than copying every row through a `distinct on` sort, and skipping the delete when
 * no key came twice saves the self-join altogether.
 */
export async function distinctStage(tx: Queryable, stage: string, run: string, key: readonly string[], loses: string, options: DistinctOptions): Promise<void> {
  const on = key.map((k) => `d.${k} = s.${k}`).join(' and ');
  const statements = [
    options.duplicates ? `delete from ${stage} s using ${stage} d where ${on} and (${loses});` : '',
    `alter table ${stage} rename to ${run};`,
    options.indexKey ? `create index on ${run} (${key.join(', ')}); analyze ${run} (${key.join(', ')});` : '',
  ];
  await tx.exec(statements.join('\n'));
}
