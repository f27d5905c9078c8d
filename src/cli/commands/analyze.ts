import type { Command } from 'commander';
import { withDb, seconds } from '../context.js';
import { analyze, enginesWithRulePacks } from '../../pipeline/analyze.js';
import { collectDirs } from './rules.js';
import { withLabelsConfigFile } from '../../engines/labels/engine.js';
import { loadRiskConfigFile } from '../../engines/risk/config.js';

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('run every analysis engine over what is stored')
    .option('--rules <dir>', 'also evaluate the rules of a pack directory (repeatable)', collectDirs, [])
    .option('--labels-config <yaml>', 'label configuration: sensitive-data tags, vulnerability families (docs/labels.md)')
    .option('--risk-config <yaml>', 'risk score weights (docs/risk.md)')
    .action(async (opts: { rules: string[]; labelsConfig?: string; riskConfig?: string }, cmd: Command) => {
      // Loaded before the store is opened: a malformed pack fails with nothing written.
      const engines = withLabelsConfigFile(enginesWithRulePacks(opts.rules), opts.labelsConfig);
      const risk = opts.riskConfig ? loadRiskConfigFile(opts.riskConfig) : undefined;
      await withDb(cmd, async (db) => {
        const started = performance.now();
        const results = await analyze(db, { engines, risk, log: (m) => process.stderr.write(`${m}\n`) });
        for (const r of results) {
          process.stdout.write(`${r.engine}: ${r.counts.findings.seen} findings (${r.counts.findings.new} new, ${r.counts.findings.resolved} resolved) in ${seconds(r.ms)}\n`);
        }
        process.stdout.write(`analyze: ${results.length} engines, ${results.reduce((n, r) => n + r.counts.findings.seen, 0)} findings in ${seconds(performance.now() - started)}\n`);
      });
    });
}
