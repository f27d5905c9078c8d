import type { Queryable } from '../store/db.js';
import { dataVersion, writesTracked } from '../store/data-version.js';

export interface ReadCacheOptions {
  /** How long an answer may be reused: bounds what writes of other processes can leave stale. */
  ttlMs: number;
  /** Oldest entries are dropped beyond this many. */
  maxEntries: number;
}

interface Entry<V> { version: number; until: number; value: Promise<V> }

/**
 * Answers of reads, shared by identical concurrent requests (one query in flight per key) and reused for
 * a short while. An entry holds the store's data version taken before its read started: after any write
 * of this process the version moves on and the entry is never served again (data-version.ts). Over a Db
 * whose writes are not counted nothing is cached. The key must hold everything the answer depends on,
 * the caller's tenant scope first among it.
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(private readonly options: ReadCacheOptions) {}

  /**
   * The cached answer for key, or load()'s. `until(value)` may shorten the entry's life (a session that
   * expires sooner); failures are not kept.
   */
  get(db: Queryable, key: string, load: () => Promise<V>, until?: (value: V) => number | null): Promise<V> {
    if (!writesTracked(db)) return load();
    const now = Date.now();
    const version = dataVersion();
    const hit = this.entries.get(key);
    if (hit && hit.version === version && hit.until > now) return hit.value;
    const entry: Entry<V> = { version, until: now + this.options.ttlMs, value: load() };
    this.entries.delete(key);
    this.entries.set(key, entry);
    entry.value.then((v) => {
      const limit = until?.(v);
      if (limit !== undefined && limit !== null) entry.until = Math.min(entry.until, limit);
    }, () => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    this.evict(now, version);
    return entry.value;
  }

  /** Forgets everything (tests, or a caller that knows better). */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(now: number, version: number): void {
    if (this.entries.size <= this.options.maxEntries) return;
    for (const [k, e] of this.entries) {
      if (e.version !== version || e.until <= now) this.entries.delete(k);
    }
    // Still too many live ones: the oldest go (a Map iterates in insertion order).
    for (const k of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries) break;
      this.entries.delete(k);
    }
  }
}
