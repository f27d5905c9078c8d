import { withDb, parseFormat, parsePositiveInt } from '../context.js';
import { writeRows } from '../output.js';
import { MothershipError } from '../../model/errors.js';
export function registerQuery(program) {
    program
        .command('query')
        .description('run read-only SQL over the store (read-only transaction, statement timeout)')
        .argument('<sql>', 'one SQL statement')
        .option('--format <format>', 'table, json or csv', parseFormat, 'table')
        .option('--timeout <ms>', 'statement timeout in milliseconds', parsePositiveInt('--timeout'), 30_000)
        .action(async (sql, opts, cmd) => {
        await withDb(cmd, async (db) => {
            let rows;
            try {
                rows = await db.readOnly((tx) => tx.query(sql), { timeoutMs: opts.timeout });
            }
            catch (e) {
                throw new MothershipError('BAD_INPUT', `query: ${e.message}`, { cause: e });
            }
            writeRows(process.stdout, opts.format, rows);
        });
    });
}
//# sourceMappingURL=query.js.map