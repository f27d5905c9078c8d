import { z } from 'zod';
import { scopeCoverage, validated } from './call-result.js';
import { awsScope } from './identifiers.js';
import { awsAsset } from './records.js';
import { listed, ResourceDetails, ResourceName } from './service.js';
const ListKeys = z.looseObject({ Keys: z.array(z.looseObject({ KeyId: ResourceName, KeyArn: z.string().min(1) })) });
const DescribeKey = z.looseObject({ KeyMetadata: z.looseObject({ KeyId: z.string().min(1), Arn: z.string().optional() }) });
const RotationStatus = z.looseObject({ KeyRotationEnabled: z.boolean() });
const CALLS = { keys: 'kms-list-keys', describe: 'kms-describe-key', rotation: 'kms-get-key-rotation-status' };
// Keys that cannot rotate automatically (asymmetric, HMAC, imported material, pending deletion): not applicable.
const ROTATION_NOT_APPLICABLE = ['UnsupportedOperationException', 'KMSInvalidStateException'];
function normalize(ctx, calls) {
    const { account, region } = ctx;
    const scope = awsScope(account, region, 'kms');
    const keys = validated(ListKeys, calls.call(CALLS.keys));
    const details = new ResourceDetails(calls);
    const out = [];
    for (const key of keys.status === 'ok' ? keys.data.Keys : []) {
        const described = details.outcome(CALLS.describe, key.KeyId, DescribeKey, [], (d) => d.KeyMetadata);
        // The key's metadata whole when described (KeyManager, KeyState, KeySpec...), else what list-keys says.
        const properties = described.kind === 'value' ? { ...key, ...described.value } : { ...key };
        if (described.kind === 'refused')
            properties.CollectionErrors = { [CALLS.describe]: described.problem };
        details.fill(properties, 'KeyRotationEnabled', CALLS.rotation, key.KeyId, RotationStatus, ROTATION_NOT_APPLICABLE, (d) => d.KeyRotationEnabled);
        out.push(awsAsset(scope, { uid: key.KeyArn, kind: 'aws.kms.key', name: key.KeyId, account, region, properties }));
    }
    const coverage = scopeCoverage(scope, [keys], details.problems);
    if (coverage)
        out.unshift(coverage);
    return out;
}
/** KMS keys of one region, scope `aws:<account>:<region>:kms`, with their metadata and rotation status. */
export const kmsService = {
    plan: {
        calls: [CALLS.keys],
        perResource: [CALLS.describe, CALLS.rotation].map((call) => ({
            call,
            resources: (read) => listed(read.call(CALLS.keys), ListKeys, (d) => d.Keys.map((k) => k.KeyId)),
        })),
    },
    normalize,
};
//# sourceMappingURL=kms.js.map