import { withDb, parseFormat, parsePositiveInt } from '../context.js';
import { writeRows } from '../output.js';
export function registerRuns(program) {
    program
        .command('runs')
        .description('recent runs (collections, imports, analyses) with status and counts')
        .option('--format <format>', 'table, json or csv', parseFormat, 'table')
        .option('--limit <n>', 'how many', parsePositiveInt('--limit'), 20)
        .action(async (opts, cmd) => {
        await withDb(cmd, async (db) => {
            const rows = await db.query(`select id, source, status, started_at, finished_at,
            round(extract(epoch from (finished_at - started_at))::numeric, 2) as seconds,
            input, counts, error from runs order by id desc limit $1`, [opts.limit]);
            if (opts.format === 'table') {
                writeRows(process.stdout, 'table', rows.map((r) => ({ ...r, input: undefined, counts: summarizeCounts(r.counts) })), ['id', 'source', 'status', 'started_at', 'seconds', 'counts', 'error']);
            }
            else
                writeRows(process.stdout, opts.format, rows);
        });
    });
}
function summarizeCounts(c) {
    const counts = c;
    if (!counts?.assets)
        return '';
    return `assets +${counts.assets.inserted} ~${counts.assets.updated} -${counts.assets.gone}; findings ${counts.findings?.seen ?? 0} (+${counts.findings?.new ?? 0} -${counts.findings?.resolved ?? 0})`;
}
//# sourceMappingURL=runs.js.map