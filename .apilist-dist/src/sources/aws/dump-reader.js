import { join } from 'node:path';
import { normalizeAwsAccount } from './account-calls.js';
import { listAccounts, listRegions, readCall, readPlan } from './dump-files.js';
/**
 * Reads an AWS CLI dump (docs/aws-dump-layout.md): one folder per account, `global/` and one folder per
 * region, one file per CLI call. Accounts are read one at a time, so memory follows the largest account.
 */
async function* readAwsDump(dir, options) {
    for (const account of await listAccounts(dir, options.log)) {
        const accountDir = join(dir, account);
        yield* normalizeAwsAccount({
            account,
            regions: await listRegions(accountDir, options.log),
            plan: (region, _name, plan) => readPlan(accountDir, region, plan),
            meta: () => readCall(join(accountDir, 'meta.json'), 'meta.json'),
        });
    }
}
export const awsDump = {
    id: 'aws-dump',
    version: 2,
    layout: 'aws',
    read: readAwsDump,
};
//# sourceMappingURL=dump-reader.js.map