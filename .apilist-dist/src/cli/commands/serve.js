import { openDb } from '../../store/open.js';
import { buildServer } from '../../server/app.js';
import { dbLocation, parsePositiveInt } from '../context.js';
import { ensureInitialAdmin } from '../../server/auth/accounts.js';
export const DEFAULT_PORT = 7420;
/** Starts the server on the store and keeps running until SIGINT/SIGTERM. */
export async function serve(db, port, host) {
    const app = await buildServer({ db });
    const address = await app.listen({ port, host });
    const stop = () => {
        void app.close().then(() => db.close()).then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return address.replace('127.0.0.1', 'localhost');
}
export function registerServe(program) {
    program
        .command('serve')
        .description('start the HTTP server')
        .option('--port <port>', 'port', parsePositiveInt('--port'), Number(process.env.MOTHERSHIP_PORT ?? DEFAULT_PORT))
        .option('--host <host>', 'interface to listen on', process.env.MOTHERSHIP_HOST ?? '127.0.0.1')
        .action(async (opts, cmd) => {
        const db = await openDb(dbLocation(cmd));
        const password = await ensureInitialAdmin(db);
        const url = await serve(db, opts.port, opts.host);
        process.stdout.write(`Mothership is serving ${db.location} at ${url}\n`);
        if (password)
            process.stdout.write(`First run: created user admin with the one-time password ${password} (shown only now)\n`);
    });
}
//# sourceMappingURL=serve.js.map