import { withDb, parseFormat, parsePositiveInt } from '../context.js';
import { writeRows } from '../output.js';
import { countAssets, listAssets } from '../../store/queries/assets.js';
import { countFindings, listFindings } from '../../store/queries/findings.js';
import { MothershipError } from '../../model/errors.js';
import { FINDING_KINDS, SEVERITIES } from '../../model/finding.js';
const PAGE = 50;
/** Table output shows one page and says how to get the next; json and csv print every match unless --limit. */
function pageOf(opts) {
    if (opts.format === 'table') {
        const size = opts.limit ?? PAGE;
        return { limit: size, offset: (opts.page - 1) * size };
    }
    return { limit: opts.limit };
}
function footer(total, shown, opts) {
    if (opts.format !== 'table')
        return;
    const size = opts.limit ?? PAGE;
    const first = (opts.page - 1) * size + 1;
    const last = first + shown - 1;
    const more = last < total ? `; next: --page ${opts.page + 1}` : '';
    process.stdout.write(shown ? `\n${first}-${last} of ${total}${more}\n` : `\nno match (${total} in all)\n`);
}
function oneOf(flag, allowed) {
    return (v) => {
        for (const part of v.split(','))
            if (!allowed.includes(part.trim().toLowerCase()))
                throw new MothershipError('BAD_INPUT', `${flag} ${v}: expected ${allowed.join(', ')}`);
        return v;
    };
}
export function registerInventory(program) {
    program
        .command('assets')
        .description('list assets (JSON contract: uid, kind, name, owner, labels, ...)')
        .option('--kind <kind>', 'asset kind, * as wildcard (aws.ec2.*)')
        .option('--account <id>', 'cloud account')
        .option('--owner <team>', 'owning team')
        .option('--label <label>', 'derived label, e.g. isPublic')
        .option('--search <text>', 'substring of uid or name')
        .option('--include-gone', 'also assets no longer seen')
        .option('--format <format>', 'table, json or csv', parseFormat, 'table')
        .option('--limit <n>', 'at most n rows', parsePositiveInt('--limit'))
        .option('--page <n>', 'table page', parsePositiveInt('--page'), 1)
        .action(async (opts, cmd) => {
        await withDb(cmd, async (db) => {
            const rows = await listAssets(db, opts, pageOf(opts));
            writeRows(process.stdout, opts.format, rows, opts.format === 'table' ? ['uid', 'kind', 'name', 'owner', 'account', 'region', 'labels'] : undefined);
            if (opts.format === 'table')
                footer(await countAssets(db, opts), rows.length, opts);
        });
    });
    program
        .command('findings')
        .description('list findings, most urgent first (JSON contract: id, fingerprint, kind, rule_id, title, severity, risk_score, status, asset_uid, owner, evidence, ...)')
        .option('--kind <kind>', `one of ${FINDING_KINDS.join(', ')}`, oneOf('--kind', FINDING_KINDS))
        .option('--rule <id>', 'rule id')
        .option('--severity <s>', `one or more of ${SEVERITIES.join(', ')} (comma-separated)`, oneOf('--severity', SEVERITIES))
        .option('--owner <team>', 'owning team')
        .option('--asset <uid>', 'asset uid')
        .option('--status <s>', 'open, resolved or all', oneOf('--status', ['open', 'resolved', 'all']), 'open')
        .option('--format <format>', 'table, json or csv', parseFormat, 'table')
        .option('--limit <n>', 'at most n rows', parsePositiveInt('--limit'))
        .option('--page <n>', 'table page', parsePositiveInt('--page'), 1)
        .action(async (opts, cmd) => {
        await withDb(cmd, async (db) => {
            const rows = await listFindings(db, opts, pageOf(opts));
            writeRows(process.stdout, opts.format, rows, opts.format === 'table' ? ['id', 'severity', 'risk_score', 'kind', 'title', 'asset_uid', 'owner', 'status'] : undefined);
            if (opts.format === 'table')
                footer(await countFindings(db, opts), rows.length, opts);
        });
    });
}
//# sourceMappingURL=inventory.js.map