import type { Command } from 'commander';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../store/open.js';
import { dbLocation, parsePositiveInt, seconds } from '../context.js';
import { progress } from '../progress.js';
import { serve, DEFAULT_PORT } from './serve.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('generate the synthetic organization, ingest it through the real pipeline, analyze, and serve it')
    .option('--scale <n>', 'size: 1 is a small company, 100 hundreds of accounts', parsePositiveInt('--scale'), 1)
    .option('--seed <n>', 'generator seed', parsePositiveInt('--seed'), 42)
    .option('--data-dir <dir>', 'where the generated files go (default: a folder in the temp dir)')
    .option('--port <port>', 'server port', parsePositiveInt('--port'), Number(process.env.MOTHERSHIP_PORT ?? DEFAULT_PORT))
    .option('--host <host>', 'interface to listen on', process.env.MOTHERSHIP_HOST ?? '127.0.0.1')
    .option('--no-serve', 'stop after loading')
    .action(async (opts: { scale: number; seed: number; dataDir?: string; port: number; host: string; serve: boolean }, cmd: Command) => {
      // Loaded on use: the generator is only needed by this command.
      const { runDemo } = await import('../../pipeline/demo.js');
      const db = await openDb(dbLocation(cmd));
      const dataDir = opts.dataDir ?? join(tmpdir(), `mothership-demo-s${opts.scale}-seed${opts.seed}`);
      const bar = progress('demo', 1);
      let summary;
      try {
        summary = await runDemo(db, { scale: opts.scale, seed: opts.seed, dataDir, onStep: (step, done, total) => {
          bar.update(done, step);
          void total;
        } });
      } catch (e) {
        bar.stop();
        await db.close();
        throw e;
      }
      bar.stop();
      const g = summary.generated.counts;
      process.stdout.write(`demo: ${g.accounts} accounts, ${g.images} images generated in ${dataDir}; ${summary.runs} runs; ` +
        `${summary.assets} assets, ${summary.findings} open findings in ${db.location} in ${seconds(summary.ms)}\n`);
      if (!opts.serve) {
        await db.close();
        return;
      }
      const { ensureDemoUsers } = await import('../../server/auth/demo-users.js');
      const logins = await ensureDemoUsers(db);
      const url = await serve(db, opts.port, opts.host);
      const { createOneTimeLogin, ONE_TIME_LOGIN_TTL_MS } = await import('../../server/auth/one-time-login.js');
      const once = await createOneTimeLogin(db, 'admin');
      process.stdout.write(`Mothership is serving the demo at ${url}\n`);
      process.stdout.write(`  open ${url}/auth/once?token=${once} to land on the dashboard logged in as admin ` +
        `(the link works once, for ${ONE_TIME_LOGIN_TTL_MS / 60_000} minutes)\n`);
      for (const l of logins) process.stdout.write(`  log in as ${l.name} / ${l.password} (${l.role}${l.tenant ? `, team ${l.tenant}` : ''})\n`);
    });
}
