import { withDb, seconds } from '../context.js';
import { refingerprintFindings } from '../../pipeline/refingerprint.js';
import { MothershipError } from '../../model/errors.js';
export function registerRefingerprint(program) {
    program
        .command('refingerprint')
        .description('re-apply the current fingerprint rules to stored findings, merging findings that now collide (one transaction)')
        .option('--dry-run', 'count what would change, write nothing')
        .option('--format <format>', 'table (one line) or json (one object)', 'table')
        .action(async (opts, cmd) => {
        if (opts.format !== 'table' && opts.format !== 'json')
            throw new MothershipError('BAD_INPUT', `--format must be table or json, got ${opts.format}`);
        await withDb(cmd, async (db) => {
            const r = await refingerprintFindings(db, { dryRun: opts.dryRun === true });
            if (opts.format === 'json') {
                process.stdout.write(`${JSON.stringify({ run: r.runId, dryRun: opts.dryRun === true, examined: r.examined, renamed: r.renamed, merged: r.merged, removed: r.removed })}\n`);
            }
            else {
                process.stdout.write(`refingerprint${opts.dryRun ? ' (dry run)' : ''}: ${r.examined} findings examined, ${r.renamed} renamed, ` +
                    `${r.merged} merged groups (${r.removed} findings merged away) in ${seconds(r.ms)}\n`);
            }
        });
    });
}
//# sourceMappingURL=refingerprint.js.map