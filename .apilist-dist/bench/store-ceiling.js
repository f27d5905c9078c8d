import { syncRun } from '../src/pipeline/sync/run.js';
import { BASELINE_COLUMNS, BASELINE_DDL, baselineRow, ROWS_PER_SCOPE, syntheticFindings, syntheticRecords } from './synthetic-findings.js';
import { StatementTimer } from './statement-timer.js';
import { insertRows } from './raw-insert.js';
import { settle, timed } from './settle.js';
export const DEFAULT_ROWS = 1_000_000;
const SOURCE = 'bench-store-ceiling';
const BASELINE_TABLE = 'bench_raw_findings';
/** Loads the rows into a plain table (no keys, no indexes) with one raw method, then drops the table. */
async function measureRaw(ctx, rows, method) {
    await ctx.db.exec(`drop table if exists ${BASELINE_TABLE}; ${BASELINE_DDL(BASELINE_TABLE)}`);
    await settle(ctx.db);
    ctx.log(`baseline: raw ${method} of ${rows} rows`);
    const source = (function* () {
        for (const f of syntheticFindings(rows))
            yield baselineRow(f);
    })();
    const { result: loaded, seconds } = await timed(() => method === 'copy' ? ctx.db.copyRows(BASELINE_TABLE, BASELINE_COLUMNS, source) : insertRows(ctx.db, BASELINE_TABLE, BASELINE_COLUMNS, source));
    if (loaded !== rows)
        throw new Error(`baseline ${method} loaded ${loaded} rows, expected ${rows}`);
    await ctx.db.exec(`drop table ${BASELINE_TABLE}`);
    ctx.log(`baseline: raw ${method} ${Math.round(rows / seconds)} rows/s (${seconds.toFixed(1)} s)`);
    return { method, rowsPerSecond: rows / seconds, seconds };
}
async function measureSync(ctx, db, rows, what) {
    await settle(ctx.db);
    ctx.log(`${what}: syncRun of ${rows} findings in ${Math.ceil(rows / ROWS_PER_SCOPE)} scopes`);
    const step = Math.max(ROWS_PER_SCOPE, Math.round(rows / 10));
    return timed(() => syncRun(db, syntheticRecords(rows), {
        source: SOURCE,
        onProgress: (n) => { if (n % step === 0)
            ctx.log(`${what}: ${n} records staged`); },
    }));
}
function check(ok, what, r) {
    if (!ok)
        throw new Error(`store-ceiling: ${what}; counts ${JSON.stringify(r.counts.findings)}`);
}
function result(ctx, name, rows, seconds, baseline, others, statements) {
    const value = rows / seconds;
    const inStatements = statements.reduce((sum, s) => sum + s.ms, 0);
    return {
        name, backend: ctx.backend, value, unit: 'rows/s', baseline: baseline.rowsPerSecond, ratio: value / baseline.rowsPerSecond,
        rows, seconds, baselineMethod: baseline.method, baselineSeconds: baseline.seconds,
        baselines: Object.fromEntries(others.map((b) => [b.method, b.rowsPerSecond])),
        // Where the time went: the slowest statements, and what ran outside any (row generation, validation,
        // hashing in JS, BEGIN/COMMIT).
        statements: statements.slice(0, 10).map((s) => ({ ...s, ms: Math.round(s.ms) })),
        outsideStatementsMs: Math.round(seconds * 1000 - inStatements),
    };
}
/**
 * The store's ceiling: findings per second through the batched write path every source uses (syncRun),
 * against the fastest raw load of the same rows into a plain table on the same backend.
 */
export const storeCeiling = {
    name: 'store-ceiling',
    description: `syncRun of ${DEFAULT_ROWS.toLocaleString('en')} findings (first import, then the identical re-import) vs raw COPY` +
        ' of the same rows into a plain table (PGlite: the faster of COPY and multi-row INSERT)',
    async run(ctx) {
        const rows = ctx.rows ?? DEFAULT_ROWS;
        const baselines = [await measureRaw(ctx, rows, 'copy')];
        if (ctx.backend === 'pglite')
            baselines.push(await measureRaw(ctx, rows, 'insert'));
        const baseline = baselines.reduce((a, b) => (b.rowsPerSecond > a.rowsPerSecond ? b : a));
        const timer = new StatementTimer();
        const db = timer.wrap(ctx.db);
        const first = await measureSync(ctx, db, rows, 'import');
        check(first.result.counts.findings.new === rows, `first import opened ${first.result.counts.findings.new} findings, expected ${rows}`, first.result);
        const firstStatements = timer.report();
        timer.reset();
        ctx.log(`import: ${Math.round(rows / first.seconds)} rows/s (${first.seconds.toFixed(1)} s)`);
        const again = await measureSync(ctx, db, rows, 're-import');
        const f = again.result.counts.findings;
        check(f.seen === rows && f.new + f.updated + f.reopened + f.resolved === 0, 'the identical re-import changed findings', again.result);
        ctx.log(`re-import: ${Math.round(rows / again.seconds)} rows/s (${again.seconds.toFixed(1)} s)`);
        return [
            result(ctx, 'store-ceiling/import', rows, first.seconds, baseline, baselines, firstStatements),
            result(ctx, 'store-ceiling/re-import', rows, again.seconds, baseline, baselines, timer.report()),
        ];
    },
};
//# sourceMappingURL=store-ceiling.js.map