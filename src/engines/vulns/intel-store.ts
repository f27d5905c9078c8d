import type { EngineContext } from '../engine.js';
import { AdvisoryIndex, type Advisory } from './advisories.js';
import { advisoryCacheFor, CACHE_CAPACITY, compileAdvisory, type CachedAdvisory } from './advisory-cache.js';

/** Reads the advisories the intel import wrote; never writes. */

type Db = EngineContext['db'];

/** The advisory text columns, in order, as the describe query encodes them (AdvisoryText). */
type TextTuple = [string, string[] | null, string | null, string | null, string | null, string | null, number | null, unknown];

/** True when any live advisory is stored: with none, "no match" means "no data", not "not affected". */
export async function hasAdvisories(db: Db): Promise<boolean> {
  const [r] = await db.query<{ any: boolean }>('select exists (select 1 from advisories where withdrawn is null) as any');
  return r?.any ?? false;
}

/**
 * The advisories naming any installed package, keyed for the run, with only what matching needs: their
 * ids and row versions come from advisory_packages (filled at import) by the loose (ecosystem, name) keys,
 * an index lookup; advisories compiled before from the same row version are taken from the process's cache
 * (advisory-cache.ts); only the others' `affected` lists are read, in pages of ids. Summaries, details and
 * references stay in the database until `describeMatched` asks for those of the advisories that matched
 * (and are kept with the cached advisory). Withdrawn records are absent. A run with more candidates than
 * the cache holds (the whole estate) compiles only the entries it needs and keeps none.
 */
export async function loadAdvisoryIndex(db: Db, keys: readonly string[], pageSize = 5000): Promise<AdvisoryIndex> {
  const index = new AdvisoryIndex();
  if (keys.length === 0) return index;
  const wanted = new Set(keys);
  // Joined to the keys rather than `= any(array)`: planning a 400-element array compared per element cost
  // as much as running the lookup.
  const [list] = await db.query<{ rows: string | null }>(`
    select json_agg(json_build_array(a.id, a.xmin::text))::text as rows
    from advisories a
    where a.id in (select p.advisory_id from advisory_packages p join unnest($1::text[]) as k(key) on p.key = k.key)
      and a.withdrawn is null`, [keys]);
  const candidates = list?.rows ? (JSON.parse(list.rows) as [string, string][]) : [];
  candidates.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const cache = candidates.length <= CACHE_CAPACITY ? advisoryCacheFor(db) : undefined;
  const compiled = new Map<string, CachedAdvisory>();
  const missing: string[] = [];
  for (const [id, stamp] of candidates) {
    const c = cache?.get(id, stamp);
    if (c) compiled.set(id, c);
    else missing.push(id);
  }
  for (let at = 0; at < missing.length; at += pageSize) {
    // One JSON text per page (see packagePages): far cheaper on PGlite than row-by-row decoding. The
    // entries are keyed here, not in SQL: expanding every record's list there costs several times more.
    const [page] = await db.query<{ rows: string | null }>(`
      select json_agg(json_build_array(id, xmin::text, affected))::text as rows
      from advisories where id = any($1::text[]) and withdrawn is null and jsonb_typeof(affected) = 'array'`, [missing.slice(at, at + pageSize)]);
    const rows = page?.rows ? (JSON.parse(page.rows) as [string, string, unknown[]][]) : [];
    for (const [id, stamp, affected] of rows) {
      // Cached whole (any image may ask for another of its packages); uncached, only what this run needs.
      const c = compileAdvisory(id, stamp, affected, cache ? undefined : wanted);
      cache?.put(c);
      compiled.set(id, c);
    }
  }
  for (const [id] of candidates) {
    const c = compiled.get(id);
    if (c) index.addCompiled(c.advisory, c.entriesFor(wanted));
  }
  return index;
}

/** Loads the text (summary, details, severity, references) of the matched advisories the index lacks. */
export async function describeMatched(db: Db, index: AdvisoryIndex, matched: Iterable<Advisory>, pageSize = 2000): Promise<void> {
  const ids = index.undescribed(matched);
  for (let at = 0; at < ids.length; at += pageSize) {
    const [page] = await db.query<{ rows: string | null }>(`
      select json_agg(json_build_array(id, aliases, summary, details, severity, cvss_vector, cvss_score, refs))::text as rows
      from advisories where id = any($1::text[])`, [ids.slice(at, at + pageSize)]);
    const rows = page?.rows ? (JSON.parse(page.rows) as TextTuple[]) : [];
    for (const [id, aliases, summary, details, severity, cvss_vector, cvss_score, refs] of rows) {
      index.describe({ id, aliases, summary, details, severity, cvss_vector, cvss_score, refs });
    }
  }
}
