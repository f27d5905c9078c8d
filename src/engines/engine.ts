import type { NormalizedRecord, Plugin } from '../model/index.js';
import type { Queryable } from '../store/db.js';

export interface EngineContext {
  /** Read access to the stored inventory; engines never write directly, they yield records. */
  db: Pick<Queryable, 'query'>;
  now: Date;
  log: (message: string) => void;
}

/**
 * Analysis over the stored inventory. An engine yields findings (and coverage for the scopes it
 * evaluated); the pipeline syncs them like any source, so a fixed problem resolves on the next analyze.
 */
export interface Engine extends Plugin {
  readonly description: string;
  /** Ids of engines whose output this one reads; they run first. */
  readonly after: readonly string[];
  run(ctx: EngineContext): AsyncIterable<NormalizedRecord>;
}
