import type { Command } from 'commander';
import { MothershipError } from '../../model/errors.js';
import { ALL_TENANTS } from '../../store/queries/tenant-scope.js';
import { allPaths } from '../../store/queries/paths.js';
import { withDb, parseFormat } from '../context.js';
import { writeRows } from '../output.js';

const STATUSES = ['open', 'resolved', 'all'];

export function registerPaths(program: Command): void {
  program
    .command('paths')
    .description('attack paths (findings of kind path), riskiest first, each hop with its evidence')
    .option('--format <format>', 'table, json or csv', parseFormat, 'table')
    .option('--status <status>', 'open, resolved or all', 'open')
    .option('--technique <technique>', 'only this technique, e.g. ssrf-imds-credentials')
    .option('--asset <uid>', 'only the paths through this asset (its uid among the nodes)')
    .action(async (opts: { format: 'table' | 'json' | 'csv'; status: string; technique?: string; asset?: string }, cmd: Command) => {
      if (!STATUSES.includes(opts.status)) throw new MothershipError('BAD_INPUT', `--status ${opts.status}: expected one of ${STATUSES.join(', ')}`);
      await withDb(cmd, async (db) => {
        const rows = await allPaths(db, ALL_TENANTS, { status: opts.status, technique: opts.technique, asset: opts.asset });
        if (opts.format === 'json') {
          writeRows(process.stdout, 'json', rows.map((r) => ({ id: r.id, title: r.title, risk_score: r.risk_score, status: r.status, severity: r.severity,
            technique: r.technique, owner: r.owner, target: r.target, target_kinds: r.target_kinds, nodes: r.nodes, edges: r.edges })));
        } else {
          writeRows(process.stdout, opts.format, rows.map((r) => ({
            id: r.id, risk: r.risk_score, severity: r.severity, technique: r.technique, owner: r.owner, status: r.status,
            hops: r.nodes.map((n) => (n.uid === 'internet' ? 'internet' : n.name ?? n.uid.split(/[/:]/).pop())).join(' → '),
          })), ['id', 'risk', 'severity', 'technique', 'owner', 'status', 'hops']);
        }
      });
    });
}
