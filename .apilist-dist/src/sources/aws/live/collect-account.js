import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import { DescribeOrganizationCommand } from '@aws-sdk/client-organizations';
import { GLOBAL_PLANS, REGION_PLANS } from '../account-calls.js';
import { callSet } from '../service.js';
import { sdkCalls } from './calls.js';
import { ClientPool } from './clients.js';
import { executePlan, failedCall, planCallSet } from './execute-plan.js';
import { Semaphore } from './semaphore.js';
/** The plan names a run can be limited to (`--services`): each is one scope per region or per account. */
export const SERVICE_NAMES = [...Object.keys(GLOBAL_PLANS), ...Object.keys(REGION_PLANS)];
/** Clients of services with one global endpoint per partition: they are called in the home region. */
const GLOBAL_CLIENTS = new Set(['iam', 's3', 's3control', 'sts', 'organizations']);
/** A collected account as the normalizer reads it; a plan not run is all `missing`. */
export function collectedCalls(c) {
    const empty = callSet(new Map(), new Map());
    return {
        account: c.account,
        regions: c.regions,
        plan: (region, name) => {
            const results = region === null ? c.global.get(name) : c.regional.get(region)?.get(name);
            return Promise.resolve(results ? planCallSet(results) : empty);
        },
        meta: () => Promise.resolve(c.meta),
    };
}
function ok(call, where, data) {
    return { status: 'ok', call, where, data };
}
/** The account's enabled regions (DescribeRegions lists only those, opt-in regions once opted in). */
async function enabledRegions(pool, target, log) {
    try {
        const r = await pool.get('ec2', target.homeRegion).send(new DescribeRegionsCommand({}));
        const names = (r.Regions ?? []).filter((x) => x.OptInStatus !== 'not-opted-in').map((x) => x.RegionName).filter((n) => Boolean(n));
        return names.sort();
    }
    catch (e) {
        const f = failedCall('ec2-describe-regions', e);
        log(`aws ${target.account}: cannot list regions (${f.status === 'error' ? f.code : ''}); collecting ${target.homeRegion} only`);
        return [target.homeRegion];
    }
}
/** `; errors: AccessDenied×2, NoSuchBucketPolicy×1`: some are answers ("no policy"), the sync decides which. */
function errorSummary(results) {
    const counts = new Map();
    for (const r of results) {
        for (const c of [...r.calls.values(), ...[...r.resources.values()].flatMap((m) => [...m.values()])]) {
            if (c.status === 'error')
                counts.set(c.code, (counts.get(c.code) ?? 0) + 1);
        }
    }
    return counts.size ? `; errors: ${[...counts].map(([code, n]) => `${code}×${n}`).join(', ')}` : '';
}
/** meta.json: the account's alias (IAM), its name and organization (Organizations, when available). */
async function accountMeta(pool, target) {
    const where = `aws ${target.account} meta`;
    let alias;
    try {
        const r = await pool.get('iam', target.homeRegion).send(new ListAccountAliasesCommand({}));
        alias = r.AccountAliases?.[0] ?? null;
    }
    catch (e) {
        return failedCall('meta.json', e);
    }
    let organizationId = target.organizationId;
    if (organizationId === undefined) {
        try {
            const r = await pool.get('organizations', target.homeRegion).send(new DescribeOrganizationCommand({}));
            organizationId = r.Organization?.Id;
        }
        catch {
            // Not in an organization, or not allowed to say: the organization is optional in meta.json.
        }
    }
    return ok('meta.json', where, { Alias: alias, ...(target.name ? { Name: target.name } : {}), ...(organizationId ? { OrganizationId: organizationId } : {}) });
}
/**
 * Collects one account: the global plans and every plan of every region, all at once, with at most
 * `concurrency` requests in flight per service (the SDK's adaptive retries absorb throttling). A refused
 * or failing call is recorded as the CLI would print it, and the rest goes on.
 */
export async function collectAccount(target, options) {
    const pool = new ClientPool(target.credentials, options.client);
    const calls = sdkCalls({ credentialReportPollMs: options.credentialReportPollMs });
    const limits = new Map();
    const limit = (kind) => limits.get(kind) ?? limits.set(kind, new Semaphore(options.concurrency)).get(kind);
    const wanted = (name) => !options.services || options.services.includes(name);
    const requests = { calls: 0, errors: 0 };
    try {
        const regions = options.regions ? [...options.regions].sort() : await enabledRegions(pool, target, options.log);
        const runner = (region) => async (name, resource, read) => {
            const sdk = calls.get(name);
            if (!sdk)
                throw new Error(`no SDK call for ${name}`);
            const id = resource === null ? name : `${name}/${resource}`;
            const client = pool.get(sdk.client, GLOBAL_CLIENTS.has(sdk.client) || region === null ? target.homeRegion : region);
            const send = (command) => limit(sdk.client).run(() => client.send(command));
            requests.calls++;
            try {
                return ok(id, `aws ${target.account} ${region ?? 'global'} ${id}`, await sdk.run(send, { account: target.account, resource: resource ?? '', read }));
            }
            catch (e) {
                requests.errors++;
                return failedCall(id, e);
            }
        };
        const runPlans = async (region, plans) => {
            const names = Object.keys(plans).filter(wanted);
            const done = await Promise.all(names.map((name) => executePlan(plans[name], runner(region))));
            options.log(`aws ${target.account} ${region ?? 'global'}: ${names.length} services${errorSummary(done)}`);
            return new Map(names.map((name, i) => [name, done[i]]));
        };
        const [meta, global, ...perRegion] = await Promise.all([
            accountMeta(pool, target),
            runPlans(null, GLOBAL_PLANS),
            ...regions.map((region) => runPlans(region, REGION_PLANS)),
        ]);
        return { account: target.account, regions, meta, global, regional: new Map(regions.map((r, i) => [r, perRegion[i]])), requests };
    }
    finally {
        pool.destroy();
    }
}
//# sourceMappingURL=collect-account.js.map