import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { MothershipError } from '../../model/errors.js';
import { collectAws } from '../../pipeline/collect-aws.js';
import { REGION_PATTERN } from '../../sources/aws/identifiers.js';
import { callerAccount, homeRegionOf, organizationTargets, sharedCredentials } from '../../sources/aws/live/accounts.js';
import { SERVICE_NAMES } from '../../sources/aws/live/collect-account.js';
import { parsePositiveInt, seconds, withDb } from '../context.js';
function csv(flag, value, valid, expected) {
    if (value === undefined)
        return undefined;
    const items = value.split(',').map((v) => v.trim()).filter((v) => v !== '');
    const bad = items.filter((v) => !valid(v));
    if (items.length === 0 || bad.length)
        throw new MothershipError('BAD_INPUT', `${flag} ${value}: ${bad.length ? `${bad.join(', ')} not ` : ''}expected ${expected}`);
    return items;
}
function summary(r, ms) {
    if (r.skipped)
        return `collect aws ${r.account}: skipped (${r.skipped})\n`;
    const head = `collect aws ${r.account}: ${r.regions} regions, ${r.requests.calls} calls (${r.requests.errors} errors)`;
    if (!r.sync)
        return `${head} in ${seconds(ms)}\n`;
    const a = r.sync.counts.assets;
    return `${head}; run ${r.sync.runId} ${r.sync.status}; ${a.seen} assets (+${a.inserted} ~${a.updated} -${a.gone}), ` +
        `${r.sync.counts.relationships.seen} relationships in ${seconds(ms)}\n`;
}
/** The accounts to collect: the credentials' own account, or with --org every active account of the organization. */
async function resolveTargets(opts, settings) {
    const credentials = sharedCredentials(opts.profile ? fromIni({ profile: opts.profile }) : fromNodeProviderChain());
    const caller = await callerAccount(credentials, opts.region ?? 'us-east-1', settings).catch((e) => {
        throw new MothershipError('BAD_INPUT', `cannot identify the AWS account (sts get-caller-identity): ${e.message}`, { cause: e });
    });
    const self = { account: caller.account, partition: caller.partition, homeRegion: homeRegionOf(caller.partition, opts.region), credentials };
    process.stderr.write(`aws: collecting as ${caller.arn}\n`);
    if (!opts.org)
        return [self];
    const targets = await organizationTargets(self, { roleName: opts.roleName ?? 'OrganizationAccountAccessRole' }, settings).catch((e) => {
        throw new MothershipError('BAD_INPUT', `--org: cannot list the organization's accounts from ${caller.account}: ${e.message}`, { cause: e });
    });
    process.stderr.write(`aws: organization ${targets[0]?.organizationId ?? ''}: ${targets.length} active accounts\n`);
    return targets;
}
/** `mothership collect aws`: the live AWS collector (the `collect` group is shared with other collectors). */
export function registerCollectAws(program) {
    const collect = program.commands.find((c) => c.name() === 'collect')
        ?? program.command('collect').description('collect inventory from live APIs');
    collect
        .command('aws')
        .description('read AWS accounts through the AWS SDK (the calls of docs/aws-dump-layout.md) and sync them, and/or write the dump layout')
        .option('--profile <name>', 'AWS profile (~/.aws/config and credentials); default: the SDK default credential chain')
        .option('--region <name>', 'region for STS, IAM, Organizations and the S3 bucket list (default: us-east-1, or the partition\'s)')
        .option('--regions <list>', 'comma-separated regions to collect (default: every region enabled in the account)')
        .option('--services <list>', `comma-separated services to collect (default: all): ${SERVICE_NAMES.join(', ')}`)
        .option('--org', 'collect every active account of the organization (run from the management or a delegated administrator account)')
        .option('--role-name <name>', 'with --org: the role assumed in each member account', undefined)
        .option('--dump <dir>', 'also write the AWS dump layout (docs/aws-dump-layout.md); `mothership import aws <dir>` reads it')
        .option('--no-sync', 'do not write to the store (with --dump: collect for an offline import)')
        .option('--concurrency <n>', 'requests in flight per service and account', parsePositiveInt('--concurrency'), 4)
        .option('--endpoint-url <url>', 'send every request to this endpoint (LocalStack, tests)')
        .action(async (opts, cmd) => {
        if (!opts.sync && !opts.dump)
            throw new MothershipError('BAD_INPUT', 'collect aws --no-sync without --dump: nothing to do');
        if (opts.roleName && !opts.org)
            throw new MothershipError('BAD_INPUT', '--role-name is only used with --org');
        const regions = csv('--regions', opts.regions, (r) => REGION_PATTERN.test(r), 'region names such as us-east-1');
        const services = csv('--services', opts.services, (s) => SERVICE_NAMES.includes(s), `one of ${SERVICE_NAMES.join(', ')}`);
        const client = opts.endpointUrl ? { endpoint: opts.endpointUrl } : {};
        const targets = await resolveTargets(opts, client);
        const options = {
            regions, services, client, dumpDir: opts.dump, concurrency: Math.max(1, opts.concurrency),
            log: (m) => process.stderr.write(`${m}\n`),
        };
        const started = performance.now();
        const results = opts.sync ? await withDb(cmd, (db) => collectAws(targets, { ...options, db })) : await collectAws(targets, options);
        for (const r of results)
            process.stdout.write(summary(r, r.sync?.ms ?? performance.now() - started));
        if (results.every((r) => r.skipped))
            throw new MothershipError('BAD_INPUT', 'no account could be collected (see the reasons above)');
    });
}
//# sourceMappingURL=collect-aws.js.map