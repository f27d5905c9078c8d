import type { Command } from 'commander';
import { withDb, seconds } from '../context.js';
import { analyze } from '../../pipeline/analyze.js';

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('run every analysis engine over what is stored')
    .action(async (_opts: unknown, cmd: Command) => {
      await withDb(cmd, async (db) => {
        const started = performance.now();
        const results = await analyze(db, { log: (m) => process.stderr.write(`${m}\n`) });
        for (const r of results) {
          process.stdout.write(`${r.engine}: ${r.counts.findings.seen} findings (${r.counts.findings.new} new, ${r.counts.findings.resolved} resolved) in ${seconds(r.ms)}\n`);
        }
        process.stdout.write(`analyze: ${results.length} engines, ${results.reduce((n, r) => n + r.counts.findings.seen, 0)} findings in ${seconds(performance.now() - started)}\n`);
      });
    });
}
