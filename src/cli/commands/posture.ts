import type { Command } from 'commander';
import { withDb, parsePositiveInt } from '../context.js';
import { MothershipError } from '../../model/errors.js';
import { writeRows } from '../output.js';
import { currentPosture } from '../../store/queries/posture.js';
import { ALL_TENANTS } from '../../store/queries/tenant-scope.js';
import { fixPlans } from '../../engines/fixplans/fix-plans.js';
import { POSTURE_DOMAINS } from '../../pipeline/score-posture.js';

function parseTableOrJson(value: string): 'table' | 'json' {
  if (value !== 'table' && value !== 'json') throw new MothershipError('BAD_INPUT', `--format ${value}: expected one of table, json`);
  return value;
}

export function registerPosture(program: Command): void {
  program
    .command('posture')
    .description('posture scores (0-100, higher is better) of the organization, owners and accounts, as of the last analyze')
    .option('--format <format>', 'table or json', parseTableOrJson, 'table')
    .action(async (opts: { format: 'table' | 'json' }, cmd: Command) => {
      await withDb(cmd, async (db) => {
        const p = await currentPosture(db, ALL_TENANTS);
        if (opts.format === 'json') {
          process.stdout.write(`${JSON.stringify(p, null, 2)}\n`);
          return;
        }
        if (!p.day) {
          process.stdout.write('no posture scores yet: run mothership analyze\n');
          return;
        }
        const rows = [
          ...(p.overall ? [{ scope: 'organization', ...p.overall }] : []),
          ...p.owners.map((o) => ({ scope: `owner ${o.owner}`, ...o })),
          ...p.accounts.map((a) => ({ scope: `account ${a.account}`, ...a })),
        ].map((r) => ({ scope: r.scope, score: r.score, open: r.open_findings, assets: r.assets,
          ...Object.fromEntries(POSTURE_DOMAINS.map((d) => [d, r.domains[d]?.score ?? null])) }));
        process.stdout.write(`posture on ${p.day}\n`);
        writeRows(process.stdout, 'table', rows, ['scope', 'score', 'open', 'assets', ...POSTURE_DOMAINS]);
      });
    });

  program
    .command('fixes')
    .description('fix plans: the actions that resolve the most risk, each with the findings, assets, owners and attack paths it resolves')
    .option('--format <format>', 'table or json', parseTableOrJson, 'table')
    .option('--limit <n>', 'how many', parsePositiveInt('--limit'), 20)
    .action(async (opts: { format: 'table' | 'json'; limit: number }, cmd: Command) => {
      await withDb(cmd, async (db) => {
        const plans = await fixPlans(db, { owners: null, limit: opts.limit });
        if (opts.format === 'json') {
          process.stdout.write(`${JSON.stringify(plans, null, 2)}\n`);
          return;
        }
        writeRows(process.stdout, 'table', plans.map((p) => ({ risk_removed: p.risk_removed, findings: p.resolves.findings, assets: p.resolves.assets,
          owners: p.resolves.owners, paths: p.resolves.paths, action: p.action })), ['risk_removed', 'findings', 'assets', 'owners', 'paths', 'action']);
      });
    });
}
