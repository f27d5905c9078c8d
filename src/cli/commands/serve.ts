import type { Command } from 'commander';
import type { Db } from '../../store/db.js';
import { openDb } from '../../store/open.js';
import { buildServer } from '../../server/app.js';
import { dbLocation, parsePositiveInt } from '../context.js';
import { ensureInitialAdmin } from '../../server/auth/accounts.js';

export const DEFAULT_PORT = 7420;

/** Starts the server on the store and keeps running until SIGINT/SIGTERM. */
export async function serve(db: Db, port: number, host: string): Promise<string> {
  const app = await buildServer({ db });
  const address = await app.listen({ port, host });
  const stop = () => {
    void app.close().then(() => db.close()).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return address.replace('127.0.0.1', 'localhost');
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the HTTP server')
    .option('--port <port>', 'port', parsePositiveInt('--port'), Number(process.env.MOTHERSHIP_PORT ?? DEFAULT_PORT))
    .option('--host <host>', 'interface to listen on', process.env.MOTHERSHIP_HOST ?? '127.0.0.1')
    .action(async (opts: { port: number; host: string }, cmd: Command) => {
      const db = await openDb(dbLocation(cmd));
      const url = await serve(db, opts.port, opts.host);
      // Only once listening: a server that fails to start must not create an admin whose password nobody saw.
      const password = await ensureInitialAdmin(db);
      process.stdout.write(`Mothership is serving ${db.location} at ${url}\n`);
      if (password) process.stdout.write(`First run: created user admin with the one-time password ${password} (shown only now)\n`);
    });
}
