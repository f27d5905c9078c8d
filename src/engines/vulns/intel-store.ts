import type { EngineContext } from '../engine.js';
import { AdvisoryIndex } from './advisories.js';
import type { EpssEntry, KevEntry } from './exploitability.js';
import { LOOSE_KEY_SQL } from './package-names.js';

/** Reads the vulnerability intelligence (advisories, kev, epss) the import wrote; never writes. */

type Db = EngineContext['db'];

/** An advisory row as the loader's page query encodes it (the AdvisoryRow columns, in order). */
type AdvisoryTuple = [string, string[] | null, string | null, string | null, string | null, string | null, number | null, unknown, unknown];

/** True when any live advisory is stored: with none, "no match" means "no data", not "not affected". */
export async function hasAdvisories(db: Db): Promise<boolean> {
  const [r] = await db.query<{ any: boolean }>('select exists (select 1 from advisories where withdrawn is null) as any');
  return r?.any ?? false;
}

/**
 * The advisories naming any installed package, keyed for the run. The database pre-selects by a loose
 * (ecosystem, name) key and returns only the `affected[]` entries that pass it, in keyset pages by id, so
 * neither the unrelated advisories nor their other entries leave the database. Withdrawn records are absent.
 */
export async function loadAdvisoryIndex(db: Db, keys: readonly string[], pageSize = 2000): Promise<AdvisoryIndex> {
  const index = new AdvisoryIndex();
  if (keys.length === 0) return index;
  let after = '';
  for (;;) {
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
        where a.withdrawn is null and a.id > $2 and m.entries is not null
        order by a.id
        limit $3) p`, [keys, after, pageSize]);
    const rows = page?.rows ? (JSON.parse(page.rows) as AdvisoryTuple[]) : [];
    for (const [id, aliases, summary, details, severity, cvss_vector, cvss_score, refs, entries] of rows) {
      index.add({ id, aliases, summary, details, severity, cvss_vector, cvss_score, refs, entries });
    }
    if (rows.length < pageSize) return index;
    after = rows[rows.length - 1]![0];
  }
}

/** KEV entries of these CVEs. */
export async function loadKev(db: Db, cves: readonly string[]): Promise<Map<string, KevEntry>> {
  const out = new Map<string, KevEntry>();
  if (cves.length === 0) return out;
  const rows = await db.query<{ cve_id: string; date_added: string | null; known_ransomware: boolean }>(
    `select upper(cve_id) as cve_id, date_added::text as date_added, known_ransomware from kev where upper(cve_id) = any($1::text[])`, [cves]);
  for (const r of rows) out.set(r.cve_id, { dateAdded: r.date_added, ransomware: r.known_ransomware });
  return out;
}

/** EPSS scores of these CVEs. */
export async function loadEpss(db: Db, cves: readonly string[]): Promise<Map<string, EpssEntry>> {
  const out = new Map<string, EpssEntry>();
  if (cves.length === 0) return out;
  const rows = await db.query<{ cve_id: string; score: number; percentile: number }>(
    `select upper(cve_id) as cve_id, score, percentile from epss where cve_id = any($1::text[])`, [cves]);
  for (const r of rows) out.set(r.cve_id, { score: r.score, percentile: r.percentile });
  return out;
}
