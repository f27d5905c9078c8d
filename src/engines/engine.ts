import type { NormalizedRecord, Plugin } from '../model/index.js';
import type { Queryable } from '../store/db.js';

export interface EngineContext {
  /** Read access to the stored inventory; engines never write directly, they yield records. */
  db: Pick<Queryable, 'query'>;
  now: Date;
  log: (message: string) => void;
  /**
   * Values computed once per analyze run and shared by the engines that read them (the IAM model, built by
   * the IAM engine and read again by the paths engine). Absent when an engine runs on its own.
   */
  shared?: RunShared;
}

/** A per-run memo: the first engine asking for a key computes it, the later ones get the same value. */
export interface RunShared {
  once<T>(key: string, make: () => Promise<T>): Promise<T>;
}

export function runShared(): RunShared {
  const values = new Map<string, Promise<unknown>>();
  return {
    once<T>(key: string, make: () => Promise<T>): Promise<T> {
      let v = values.get(key);
      if (!v) {
        v = make();
        values.set(key, v);
      }
      return v as Promise<T>;
    },
  };
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
