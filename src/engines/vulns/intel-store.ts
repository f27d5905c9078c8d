import type { EngineContext } from '../engine.js';
import { AdvisoryIndex } from './advisories.js';
import { LOOSE_KEY_SQL } from './package-names.js';

/** Reads the advisories the intel import wrote; never writes. */

type Db = EngineContext['db'];

/** An advisory row as the loader's page query encodes it (the AdvisoryRow columns, in order). */
type AdvisoryTuple = [string, string[] | null, string | null, string | null, string | null, string | null, number | null, unknown, unknown];

/** True when any live advisory is stored: with none, "no match" means "no data", not "not affected". */
export async function hasAdvisories(db: Db): Promise<boolean> {
  const [r] = await db.query<{ any: boolean }>('select exists (select 1 from advisories where withdrawn is null) as any');
  return r?.any ?? false;
}

/**
 * The advisories naming any installed package, keyed for the run. Their ids come from advisory_packages
 * (filled at import) by the loose (ecosystem, name) keys, an index lookup; then the records are read in
 * pages of ids, with only the `affected[]` entries that pass the key, so neither the unrelated advisories
 * nor their other entries leave the database. Withdrawn records are absent.
 */
export async function loadAdvisoryIndex(db: Db, keys: readonly string[], pageSize = 2000): Promise<AdvisoryIndex> {
  const index = new AdvisoryIndex();
  if (keys.length === 0) return index;
  const [list] = await db.query<{ ids: string | null }>(
    'select json_agg(distinct advisory_id)::text as ids from advisory_packages where key = any($1::text[])', [keys]);
  const ids = list?.ids ? (JSON.parse(list.ids) as string[]).sort() : [];
  for (let at = 0; at < ids.length; at += pageSize) {
    // One JSON text per page (see packagePages): far cheaper on PGlite than row-by-row decoding.
    const [page] = await db.query<{ rows: string | null }>(`
      select json_agg(json_build_array(id, aliases, summary, details, severity, cvss_vector, cvss_score, refs, entries) order by id)::text as rows
      from (
        select a.id, a.aliases, a.summary, a.details, a.severity, a.cvss_vector, a.cvss_score, a.refs, m.entries
        from advisories a
        cross join lateral (
          select jsonb_agg(e) as entries
          from jsonb_array_elements(case when jsonb_typeof(a.affected) = 'array' then a.affected else '[]' end) e
          where jsonb_typeof(e) = 'object' and (${LOOSE_KEY_SQL}) = any($1::text[])) m
        where a.id = any($2::text[]) and a.withdrawn is null and m.entries is not null) p`, [keys, ids.slice(at, at + pageSize)]);
    const rows = page?.rows ? (JSON.parse(page.rows) as AdvisoryTuple[]) : [];
    for (const [id, aliases, summary, details, severity, cvss_vector, cvss_score, refs, entries] of rows) {
      index.add({ id, aliases, summary, details, severity, cvss_vector, cvss_score, refs, entries });
    }
  }
  return index;
}
