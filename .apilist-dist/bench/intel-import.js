import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importIntel } from '../src/pipeline/intel-import.js';
import { advisoryFromOsv } from '../src/intel/osv/advisory.js';
import { writeZip } from '../src/intel/zip/writer.js';
import { settle, timed } from './settle.js';
import { syntheticOsvRecord } from './synthetic-osv.js';
export const DEFAULT_RECORDS = 200_000;
/** The incremental phase revises one record in this many. */
const REVISE_EVERY = 100;
const BASELINE_TABLE = 'bench_raw_advisories';
const BASELINE_COLUMNS = ['id', 'aliases', 'summary', 'details', 'severity', 'cvss_vector', 'cvss_score', 'published', 'modified', 'withdrawn', 'affected', 'refs', 'source'];
function* zipSources(n, revision) {
    for (let i = 0; i < n; i++) {
        const r = syntheticOsvRecord(i, revision);
        yield { name: `${r.id}.json`, data: JSON.stringify(r) };
    }
}
/** The same records as rows, COPYed straight into an unkeyed copy of `advisories`: the floor any import pays. */
async function measureBaseline(ctx, n) {
    await ctx.db.exec(`drop table if exists ${BASELINE_TABLE};
    create table ${BASELINE_TABLE} (like advisories including defaults)`);
    await settle(ctx.db);
    const rows = (function* () {
        for (let i = 0; i < n; i++) {
            const r = advisoryFromOsv(syntheticOsvRecord(i), 'bench');
            // affected/refs go in as JSON text: the encoder would write a bare array as text[].
            yield [r.id, r.aliases, r.summary, r.details, r.severity, r.cvssVector, r.cvssScore, r.published, r.modified, r.withdrawn,
                JSON.stringify(r.affected), JSON.stringify(r.refs), 'osv'];
        }
    })();
    const { result: loaded, seconds } = await timed(() => ctx.db.copyRows(BASELINE_TABLE, BASELINE_COLUMNS, rows));
    if (loaded !== n)
        throw new Error(`intel-import baseline loaded ${loaded} rows, expected ${n}`);
    await ctx.db.exec(`drop table ${BASELINE_TABLE}`);
    ctx.log(`baseline: raw COPY ${Math.round(n / seconds)} rows/s (${seconds.toFixed(1)} s)`);
    return { rowsPerSecond: n / seconds, seconds };
}
async function phase(ctx, zip, what, n, check) {
    await settle(ctx.db);
    ctx.log(`${what}: importing ${n} OSV records from a zip`);
    const step = Math.max(1000, Math.round(n / 10));
    const { result, seconds } = await timed(() => importIntel(ctx.db, zip, { onProgress: (k) => { if (k % step === 0)
            ctx.log(`${what}: ${k} records staged`); } }));
    if (!check(result))
        throw new Error(`intel-import ${what}: unexpected counts ${JSON.stringify(result.counts)}`);
    ctx.log(`${what}: ${Math.round(n / seconds)} records/s (${seconds.toFixed(1)} s)`);
    return { result, seconds };
}
/**
 * OSV import throughput: N synthetic GHSA-like records in an all.zip, imported (first time, identical
 * re-import, and re-import with 1% of records revised), against a raw COPY of the same rows.
 */
export const intelImport = {
    name: 'intel-import',
    description: `OSV import of ${DEFAULT_RECORDS.toLocaleString('en')} synthetic records from a zip (first import, identical re-import,` +
        ` 1% revised) vs raw COPY of the same rows into a plain table`,
    async run(ctx) {
        const n = ctx.rows ?? DEFAULT_RECORDS;
        const dir = await mkdtemp(join(tmpdir(), 'ms-bench-intel-'));
        try {
            const first = join(dir, 'all.zip');
            const revised = join(dir, 'all-revised.zip');
            ctx.log(`writing ${n} synthetic OSV records to ${first}`);
            await writeZip(first, zipSources(n, 0));
            await writeZip(revised, zipSources(n, REVISE_EVERY));
            const baseline = await measureBaseline(ctx, n);
            const expectRevised = Math.ceil(n / REVISE_EVERY);
            const phases = [
                ['intel-import/import', await phase(ctx, first, 'import', n, (r) => r.counts.inserted === n)],
                ['intel-import/re-import', await phase(ctx, first, 're-import', n, (r) => r.counts.unchanged === n)],
                ['intel-import/revise-1pct', await phase(ctx, revised, 'revise 1%', n, (r) => r.format === 'osv' && r.counts.updated === expectRevised && r.changes.updated.length === expectRevised)],
            ];
            return phases.map(([name, p]) => ({
                name, backend: ctx.backend, value: n / p.seconds, unit: 'rows/s', baseline: baseline.rowsPerSecond,
                ratio: n / p.seconds / baseline.rowsPerSecond, rows: n, seconds: p.seconds, baselineMethod: 'copy',
                baselineSeconds: baseline.seconds, counts: p.result.counts,
            }));
        }
        finally {
            await rm(dir, { recursive: true, force: true });
        }
    },
};
//# sourceMappingURL=intel-import.js.map