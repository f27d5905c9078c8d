import { compileEntry, placeholder, type Advisory, type KeyedEntry } from './advisories.js';

/**
 * Advisories parsed and compiled once per process, kept between runs: a warm match of one image (after an
 * ingest) reads only the candidates' ids and row versions, not their `affected` lists, and reuses their
 * compiled ranges and, once read, their text. An entry is valid for one version of its row: `xmin`, which
 * every update of the row (an import replacing or withdrawing the record) changes; a stale one is rebuilt.
 * One cache per database handle; the least recently used advisories go beyond `capacity`.
 */

/** Advisories kept per database handle: ~2 KB each compiled, so about 100 MB at most. */
export const CACHE_CAPACITY = 50_000;

/** One `affected[]` entry, compiled, with the loose key the import stored for it in advisory_packages. */
interface LooseEntry extends KeyedEntry {
  looseKey: string;
}

export class CachedAdvisory {
  constructor(readonly id: string, readonly stamp: string, readonly advisory: Advisory, private readonly entries: readonly LooseEntry[]) {}

  /** The entries naming one of `keys` (LOOSE_KEY_SQL keys), in the record's order. */
  entriesFor(keys: ReadonlySet<string>): KeyedEntry[] {
    return this.entries.filter((e) => keys.has(e.looseKey));
  }
}

/**
 * LOOSE_KEY_SQL in JS, over one `affected[]` element: the same key the import stored in advisory_packages,
 * so an entry passes here exactly when the SQL filter would have passed it.
 */
export function entryLooseKey(e: unknown): string | undefined {
  if (!e || typeof e !== 'object' || Array.isArray(e)) return undefined;
  const pkg = (e as { package?: { ecosystem?: unknown; name?: unknown } }).package;
  if (typeof pkg?.ecosystem !== 'string' || typeof pkg.name !== 'string') return undefined;
  const base = pkg.ecosystem.split(':', 1)[0]!.toLowerCase();
  const name = pkg.name.toLowerCase();
  return `${base}\t${base === 'pypi' ? name.replace(/[-_.]+/g, '-') : name}`;
}

/** An advisory's entries compiled (lazily: ranges compile on first use); only those `keep` accepts, if given. */
export function compileAdvisory(id: string, stamp: string, affected: readonly unknown[], keep?: ReadonlySet<string>): CachedAdvisory {
  const advisory = placeholder(id);
  const entries: LooseEntry[] = [];
  for (const raw of affected) {
    const looseKey = entryLooseKey(raw);
    if (looseKey === undefined || (keep && !keep.has(looseKey))) continue;
    const compiled = compileEntry(advisory, raw);
    if (compiled) entries.push({ ...compiled, looseKey });
  }
  return new CachedAdvisory(id, stamp, advisory, entries);
}

export class AdvisoryCache {
  private readonly byId = new Map<string, CachedAdvisory>();
  constructor(readonly capacity = CACHE_CAPACITY) {}

  get size(): number {
    return this.byId.size;
  }

  /** The advisory compiled from this version of its row, if kept. */
  get(id: string, stamp: string): CachedAdvisory | undefined {
    const c = this.byId.get(id);
    if (!c || c.stamp !== stamp) return undefined;
    // Map order is recency order: the oldest entry is the first to go.
    this.byId.delete(id);
    this.byId.set(id, c);
    return c;
  }

  put(c: CachedAdvisory): void {
    this.byId.delete(c.id);
    this.byId.set(c.id, c);
    for (const id of this.byId.keys()) {
      if (this.byId.size <= this.capacity) break;
      this.byId.delete(id);
    }
  }
}

const caches = new WeakMap<object, AdvisoryCache>();

/** The cache of one database handle (a PGlite instance, a PostgreSQL pool). */
export function advisoryCacheFor(db: object): AdvisoryCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new AdvisoryCache();
    caches.set(db, cache);
  }
  return cache;
}
