import { normalizeAwsAccount } from '../sources/aws/account-calls.js';
import { awsDump } from '../sources/aws/dump-reader.js';
import { checkCredentials } from '../sources/aws/live/accounts.js';
import { collectAccount, collectedCalls } from '../sources/aws/live/collect-account.js';
import { writeAccountDump } from '../sources/aws/live/dump-writer.js';
import { syncRun } from './sync/run.js';
/**
 * Collects each account through the SDK, then writes its dump and/or syncs it as one run of the dump
 * reader's source (`aws-dump`, the same normalization: a live run and an import of its dump are
 * interchangeable). Accounts go one after another, so memory follows the largest account and each
 * transaction lasts one account's merge, never the network time.
 */
export async function collectAws(targets, options) {
    const out = [];
    for (const target of targets) {
        const refused = await checkCredentials(target);
        if (refused) {
            options.log(`aws ${target.account}: skipped, cannot get credentials: ${refused}`);
            out.push({ account: target.account, regions: 0, requests: { calls: 0, errors: 0 }, skipped: refused });
            continue;
        }
        const collected = await collectAccount(target, options);
        const result = { account: target.account, regions: collected.regions.length, requests: collected.requests };
        if (options.dumpDir)
            await writeAccountDump(options.dumpDir, collected);
        if (options.db) {
            result.sync = await syncRun(options.db, normalizeAwsAccount(collectedCalls(collected)), {
                source: awsDump.id,
                where: `aws account ${target.account}`,
                input: { collector: 'aws-live', account: target.account, regions: collected.regions, ...(options.services ? { services: options.services } : {}),
                    ...(options.dumpDir ? { dump: options.dumpDir } : {}) },
            });
        }
        out.push(result);
    }
    return out;
}
//# sourceMappingURL=collect-aws.js.map