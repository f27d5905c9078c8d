import { indexAdvisoryPackagesSql } from '../../findings/package-key.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseUntrustedJson } from '../../sources/json.js';
/**
 * Test support: real OSV records from the shared corpus (../shared/corpus/osv-records, read in place,
 * never copied) and hand-written ones, as `advisories` rows the way the OSV import stores them.
 */
export const OSV_DIR = join(process.cwd(), '..', 'shared', 'corpus', 'osv-records');
export const HAVE_OSV = existsSync(OSV_DIR);
/** One corpus record, by its path under osv-records/. */
export function corpusRecord(path) {
    const full = join(OSV_DIR, path);
    return parseUntrustedJson(readFileSync(full, 'utf8'), full);
}
const GITHUB_SEVERITY = { LOW: 'low', MODERATE: 'medium', MEDIUM: 'medium', HIGH: 'high', CRITICAL: 'critical' };
function columns(r, o = {}) {
    return {
        id: r.id,
        aliases: r.aliases ?? [],
        summary: r.summary ?? null,
        details: r.details ?? null,
        severity: GITHUB_SEVERITY[(r.database_specific?.severity ?? '').toUpperCase()] ?? null,
        cvss_vector: r.severity?.find((s) => s.type.startsWith('CVSS'))?.score ?? null,
        cvss_score: o.cvssScore ?? null,
        published: r.published ?? null,
        modified: r.modified ?? null,
        withdrawn: o.withdrawn !== undefined ? o.withdrawn : (r.withdrawn ?? null),
        affected: r.affected ?? [],
        refs: r.references ?? [],
    };
}
/** The row the matcher's loader would return for the record (every affected entry passing the pre-selection). */
export function advisoryRow(r, o = {}) {
    const c = columns(r, o);
    return { id: c.id, aliases: c.aliases, summary: c.summary, details: c.details, severity: c.severity, cvss_vector: c.cvss_vector, cvss_score: c.cvss_score, refs: c.refs, entries: c.affected };
}
const COLS = ['id', 'aliases', 'summary', 'details', 'severity', 'cvss_vector', 'cvss_score', 'published', 'modified', 'withdrawn', 'affected', 'refs', 'source'];
/** Stores records in `advisories` (and their package keys) as the OSV import does (affected and references verbatim). */
export async function insertAdvisories(db, records) {
    const rows = records.map((x) => {
        const [r, o] = Array.isArray(x) ? x : [x, {}];
        const c = columns(r, o);
        // jsonb arrays go as JSON text: copyRows encodes a JS array as a text[] literal.
        return [c.id, c.aliases, c.summary, c.details, c.severity, c.cvss_vector, c.cvss_score, c.published, c.modified, c.withdrawn,
            JSON.stringify(c.affected), JSON.stringify(c.refs), 'osv'];
    });
    await db.copyRows('advisories', COLS, rows);
    await db.exec(indexAdvisoryPackagesSql('select id, affected from advisories'));
}
/** A minimal OSV record: one package, one ECOSYSTEM range from `introduced` to `fixed` (or open). */
export function osvRecord(id, ecosystem, name, introduced, fixed, extra = {}) {
    return {
        id,
        affected: [{ package: { ecosystem, name }, ranges: [{ type: 'ECOSYSTEM', events: fixed ? [{ introduced }, { fixed }] : [{ introduced }] }] }],
        ...extra,
    };
}
//# sourceMappingURL=osv-fixtures.js.map