import { z } from 'zod';
import { describeFailure, noneAs, scopeCoverage, validated } from './call-result.js';
import { awsScope } from './identifiers.js';
import { awsAsset } from './records.js';
const DescribeHub = z.union([z.null(), z.looseObject({ HubArn: z.string().min(1) })]);
const CALL = 'securityhub-describe-hub';
/**
 * The Security Hub of one region, scope `aws:<account>:<region>:securityhub`. An account not subscribed
 * gets InvalidAccessException: an answer ("off"), not a failure.
 */
function normalize(ctx, calls) {
    const { account, region } = ctx;
    const scope = awsScope(account, region, 'securityhub');
    const hub = validated(DescribeHub, noneAs(calls.call(CALL), ['InvalidAccessException'], null));
    if (hub.status === 'missing')
        return null;
    const coverage = scopeCoverage(scope, [hub]);
    const records = coverage ? [coverage] : [];
    if (hub.status !== 'ok')
        return { records, state: 'unknown', problem: describeFailure(hub) };
    if (hub.data === null)
        return { records, state: 'disabled', problem: null };
    records.push(awsAsset(scope, { uid: hub.data.HubArn, kind: 'aws.securityhub.hub', name: hub.data.HubArn.split('/').pop() ?? null, account, region, properties: hub.data }));
    return { records, state: 'enabled', problem: null };
}
export const securityHub = {
    property: 'SecurityHub',
    plan: { calls: [CALL], perResource: [] },
    normalize,
};
//# sourceMappingURL=securityhub.js.map