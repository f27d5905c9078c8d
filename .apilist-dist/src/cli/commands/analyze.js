import { withDb, seconds } from '../context.js';
import { analyze, enginesWithRulePacks } from '../../pipeline/analyze.js';
import { collectDirs } from './rules.js';
import { withLabelsConfigFile } from '../../engines/labels/engine.js';
export function registerAnalyze(program) {
    program
        .command('analyze')
        .description('run every analysis engine over what is stored')
        .option('--rules <dir>', 'also evaluate the rules of a pack directory (repeatable)', collectDirs, [])
        .option('--labels-config <yaml>', 'label configuration: sensitive-data tags, vulnerability families (docs/labels.md)')
        .action(async (opts, cmd) => {
        // Loaded before the store is opened: a malformed pack fails with nothing written.
        const engines = withLabelsConfigFile(enginesWithRulePacks(opts.rules), opts.labelsConfig);
        await withDb(cmd, async (db) => {
            const started = performance.now();
            const results = await analyze(db, { engines, log: (m) => process.stderr.write(`${m}\n`) });
            for (const r of results) {
                process.stdout.write(`${r.engine}: ${r.counts.findings.seen} findings (${r.counts.findings.new} new, ${r.counts.findings.resolved} resolved) in ${seconds(r.ms)}\n`);
            }
            process.stdout.write(`analyze: ${results.length} engines, ${results.reduce((n, r) => n + r.counts.findings.seen, 0)} findings in ${seconds(performance.now() - started)}\n`);
        });
    });
}
//# sourceMappingURL=analyze.js.map