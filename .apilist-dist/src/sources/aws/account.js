import { z } from 'zod';
import { describeFailure, validated } from './call-result.js';
import { accountRootArn, awsScope } from './identifiers.js';
import { awsAsset } from './records.js';
import { accountPublicAccessBlockOutcome } from './s3.js';
/** `<account-id>/meta.json` in a dump: what the collector learnt about the account (alias, organization). */
export const AccountMeta = z.looseObject({
    Alias: z.string().nullable().optional(),
    OrganizationId: z.string().nullable().optional(),
    Name: z.string().nullable().optional(),
});
/**
 * The account as an asset, uid `arn:<partition>:iam::<account>:root`, in scope `aws:<account>:global:account`.
 * It is stated whenever the account was read at all: its folder in a dump is the evidence it exists.
 */
export function normalizeAccount(input) {
    const { account, partition } = input;
    const scope = awsScope(account, null, 'account');
    const meta = validated(AccountMeta, input.meta);
    const properties = { AccountId: account, ...(meta.status === 'ok' ? meta.data : {}) };
    const pab = accountPublicAccessBlockOutcome(input.s3PublicAccessBlock);
    if (pab.kind === 'value' || pab.kind === 'none')
        properties.S3PublicAccessBlock = pab.kind === 'value' ? pab.value : null;
    Object.assign(properties, input.iamProperties);
    const name = meta.status === 'ok' ? meta.data.Alias ?? meta.data.Name ?? null : null;
    const problem = meta.status === 'error' ? describeFailure(meta) : null;
    return [
        problem ? { type: 'coverage', scope, coverage: 'partial', error: problem } : { type: 'coverage', scope, coverage: 'complete' },
        awsAsset(scope, { uid: accountRootArn(partition, account), kind: 'aws.account', name, account, region: null, properties }),
    ];
}
//# sourceMappingURL=account.js.map