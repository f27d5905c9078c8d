import { AdvisoryIndex } from './advisories.js';
/** True when any live advisory is stored: with none, "no match" means "no data", not "not affected". */
export async function hasAdvisories(db) {
    const [r] = await db.query('select exists (select 1 from advisories where withdrawn is null) as any');
    return r?.any ?? false;
}
/**
 * LOOSE_KEY_SQL in JS, over one `affected[]` element: the same key the import stored in advisory_packages,
 * so an entry passes here exactly when the SQL filter would have passed it.
 */
function entryLooseKey(e) {
    if (!e || typeof e !== 'object' || Array.isArray(e))
        return undefined;
    const pkg = e.package;
    if (typeof pkg?.ecosystem !== 'string' || typeof pkg.name !== 'string')
        return undefined;
    const base = pkg.ecosystem.split(':', 1)[0].toLowerCase();
    const name = pkg.name.toLowerCase();
    return `${base}\t${base === 'pypi' ? name.replace(/[-_.]+/g, '-') : name}`;
}
/**
 * The advisories naming any installed package, keyed for the run, with only what matching needs: their
 * ids come from advisory_packages (filled at import) by the loose (ecosystem, name) keys, an index lookup;
 * then only their `affected` lists are read, in pages of ids, and only the entries that pass the key are
 * kept. Summaries, details and references stay in the database until `describeMatched` asks for those of
 * the advisories that matched. Withdrawn records are absent.
 */
export async function loadAdvisoryIndex(db, keys, pageSize = 5000) {
    const index = new AdvisoryIndex();
    if (keys.length === 0)
        return index;
    const wanted = new Set(keys);
    const [list] = await db.query('select json_agg(distinct advisory_id)::text as ids from advisory_packages where key = any($1::text[])', [keys]);
    const ids = list?.ids ? JSON.parse(list.ids).sort() : [];
    for (let at = 0; at < ids.length; at += pageSize) {
        // One JSON text per page (see packagePages): far cheaper on PGlite than row-by-row decoding. The
        // entries are filtered here, not in SQL: expanding every record's list there costs several times more.
        const [page] = await db.query(`
      select json_agg(json_build_array(id, affected) order by id)::text as rows
      from advisories where id = any($1::text[]) and withdrawn is null and jsonb_typeof(affected) = 'array'`, [ids.slice(at, at + pageSize)]);
        const rows = page?.rows ? JSON.parse(page.rows) : [];
        for (const [id, affected] of rows) {
            const entries = affected.filter((e) => {
                const key = entryLooseKey(e);
                return key !== undefined && wanted.has(key);
            });
            index.addEntries(id, entries);
        }
    }
    return index;
}
/** Loads the text (summary, details, severity, references) of the matched advisories the index lacks. */
export async function describeMatched(db, index, matched, pageSize = 2000) {
    const ids = index.undescribed(matched);
    for (let at = 0; at < ids.length; at += pageSize) {
        const [page] = await db.query(`
      select json_agg(json_build_array(id, aliases, summary, details, severity, cvss_vector, cvss_score, refs))::text as rows
      from advisories where id = any($1::text[])`, [ids.slice(at, at + pageSize)]);
        const rows = page?.rows ? JSON.parse(page.rows) : [];
        for (const [id, aliases, summary, details, severity, cvss_vector, cvss_score, refs] of rows) {
            index.describe({ id, aliases, summary, details, severity, cvss_vector, cvss_score, refs });
        }
    }
}
//# sourceMappingURL=intel-store.js.map