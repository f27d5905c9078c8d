import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { withDb } from '../context.js';
import { writeRows } from '../output.js';
import { badInput } from '../../model/errors.js';
import { ALL_TENANTS } from '../../store/queries/tenant-scope.js';
import { validateTriage } from '../../findings/triage.js';
import { validateSuppression } from '../../findings/suppression.js';
import { isAcceptanceFact, type AcceptanceFact } from '../../findings/acceptance.js';
import { setTriage } from '../../pipeline/triage.js';
import { createSuppression, deleteSuppression, listSuppressions } from '../../pipeline/suppressions.js';

/**
 * `mothership triage` and `mothership suppress`: the API's triage writes for operators with the store at
 * hand (all tenants, like an admin). The actor in the history is --as, else cli:<os user>.
 */
function actorOf(opts: { as?: string }): string {
  return opts.as ?? `cli:${userInfo().username}`;
}

/** An ISO date/time, or a number of days ahead: `90d`. */
export function parseExpiry(value: string, now = new Date()): Date {
  const days = /^(\d{1,4})d$/.exec(value);
  const d = days ? new Date(now.getTime() + Number(days[1]) * 86_400_000) : new Date(value);
  if (Number.isNaN(d.getTime())) throw badInput('--expires', `"${value}" is neither a date (2026-12-31) nor days ahead (90d)`);
  return d;
}

function parseIds(value: string): number[] {
  const ids = value.split(',').map((s) => Number(s.trim()));
  if (ids.length === 0 || ids.some((n) => !Number.isInteger(n) || n < 1)) throw badInput('finding-id', `"${value}" is not a finding id or a comma-separated list of them`);
  return ids;
}

function parseFacts(value: string): AcceptanceFact[] {
  const facts = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = facts.filter((f) => !isAcceptanceFact(f));
  if (bad.length) throw badInput('--rely-on', `unknown fact(s) ${bad.join(', ')}`);
  return facts as AcceptanceFact[];
}

export function registerTriage(program: Command): void {
  program
    .command('triage <finding-id> <state>')
    .description('set the triage state of findings (comma-separated ids): none, acknowledged, in_progress, risk_accepted, false_positive')
    .option('--reason <text>', 'why (required for risk_accepted and false_positive)')
    .option('--expires <when>', 'risk_accepted: when it ends, a date or days ahead (90d)')
    .option('--rely-on <facts>', 'risk_accepted: the facts it relies on, comma-separated (default: every one that holds)')
    .option('--as <name>', 'who to record as the actor')
    .option('--format <format>', 'table or json', 'table')
    .action(async (idArg: string, state: string, opts: { reason?: string; expires?: string; relyOn?: string; as?: string; format: string }, cmd: Command) => {
      const v = validateTriage({ state, reason: opts.reason, expiresAt: opts.expires ? parseExpiry(opts.expires) : null }, new Date());
      if (!v.ok) throw badInput('state', v.error);
      const r = await withDb(cmd, (db) => setTriage(db, ALL_TENANTS, parseIds(idArg), v.value, actorOf(opts), { relyOn: opts.relyOn ? parseFacts(opts.relyOn) : undefined }));
      if (opts.format === 'json') {
        process.stdout.write(`${JSON.stringify(r)}\n`);
      } else {
        for (const id of r.updated) {
          const facts = r.facts?.[String(id)];
          process.stdout.write(`finding ${id}: ${v.value.state}${facts ? ` (relies on: ${facts.relied_on.join(', ') || 'nothing'})` : ''}\n`);
        }
        for (const id of r.unchanged) process.stdout.write(`finding ${id}: already ${v.value.state}\n`);
        for (const id of r.not_found) process.stdout.write(`finding ${id}: not found\n`);
      }
      if (r.not_found.length) throw badInput('finding-id', `${r.not_found.length} finding(s) not found`);
    });

  const suppress = program.command('suppress').description('suppression rules: matching open findings are suppressed until the rule expires or is deleted');
  suppress
    .command('add')
    .description('add a rule (at least one of --rule, --asset, --label, --owner) and apply it at once')
    .option('--rule <id>', 'a rule id or an advisory id')
    .option('--asset <glob>', 'asset uid pattern: * any characters, ? one')
    .option('--label <label>', 'a label of the asset')
    .option('--owner <owner>', 'the findings\' owner')
    .requiredOption('--reason <text>', 'why')
    .option('--expires <when>', 'when it ends, a date or days ahead (90d)')
    .option('--as <name>', 'who to record as the creator')
    .action(async (opts: { rule?: string; asset?: string; label?: string; owner?: string; reason: string; expires?: string; as?: string }, cmd: Command) => {
      const v = validateSuppression({ rule_id: opts.rule, asset_pattern: opts.asset, label: opts.label, owner: opts.owner, reason: opts.reason,
        expires_at: opts.expires ? parseExpiry(opts.expires) : null }, new Date());
      if (!v.ok) throw badInput('suppress', v.error);
      const r = await withDb(cmd, (db) => createSuppression(db, v.value, actorOf(opts)));
      process.stdout.write(`suppression ${r.suppression.id}: ${r.suppressed} finding(s) suppressed\n`);
    });
  suppress
    .command('list')
    .description('the rules, newest first')
    .option('--format <format>', 'table, json or csv', 'table')
    .action(async (opts: { format: 'table' | 'json' | 'csv' }, cmd: Command) => {
      const rows = await withDb(cmd, (db) => listSuppressions(db, ALL_TENANTS));
      writeRows(process.stdout, opts.format, rows as unknown as Record<string, unknown>[],
        ['id', 'rule_id', 'asset_pattern', 'label', 'owner', 'reason', 'expires_at', 'active', 'findings', 'created_by']);
    });
  suppress
    .command('delete <id>')
    .description('delete a rule; its findings return to triage none at once')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const n = Number(id);
      if (!Number.isInteger(n) || n < 1) throw badInput('id', `"${id}" is not a suppression id`);
      const r = await withDb(cmd, (db) => deleteSuppression(db, ALL_TENANTS, n));
      process.stdout.write(`suppression ${n} deleted: ${r.unsuppressed} finding(s) back to triage none\n`);
    });
}
