import { z } from 'zod';
import { describeFailure, scopeCoverage, validated } from './call-result.js';
import { stateOf } from './detective.js';
import { awsScope, partitionOf, s3BucketArn } from './identifiers.js';
import { awsAsset, edge } from './records.js';
import { listed, ResourceDetails, ResourceName } from './service.js';
const Trail = z.looseObject({
    Name: ResourceName,
    TrailARN: z.string().min(1),
    HomeRegion: z.string().optional(),
    IsMultiRegionTrail: z.boolean().optional(),
    S3BucketName: z.string().optional(),
});
const DescribeTrails = z.looseObject({ trailList: z.array(Trail) });
const TrailStatus = z.looseObject({ IsLogging: z.boolean() });
const CALLS = { trails: 'cloudtrail-describe-trails', status: 'cloudtrail-get-trail-status' };
/**
 * Trails of one region, scope `aws:<account>:<region>:cloudtrail`. describe-trails also lists trails homed
 * elsewhere that cover this region (multi-region and organization trails): they count for the region's
 * state, but each trail is an asset only in its home region of its own account.
 */
function normalize(ctx, calls) {
    const { account, region } = ctx;
    const scope = awsScope(account, region, 'cloudtrail');
    const trails = validated(DescribeTrails, calls.call(CALLS.trails));
    if (trails.status === 'missing')
        return null;
    const details = new ResourceDetails(calls);
    const records = [];
    const logging = [];
    let unread = describeFailure(trails);
    for (const t of trails.status === 'ok' ? trails.data.trailList : []) {
        const status = details.outcome(CALLS.status, t.Name, TrailStatus, [], (d) => d);
        const isLogging = status.kind === 'value' ? TrailStatus.parse(status.value).IsLogging : undefined;
        logging.push(isLogging);
        if (status.kind !== 'value')
            unread ??= status.kind === 'refused' ? status.problem : `${CALLS.status}/${t.Name}: not collected`;
        const own = (t.HomeRegion ?? region) === region && t.TrailARN.split(':')[4] === account;
        if (!own)
            continue;
        const properties = { ...t };
        if (status.kind === 'value')
            properties.Status = status.value;
        if (isLogging !== undefined)
            properties.IsLogging = isLogging;
        if (status.kind === 'refused')
            properties.CollectionErrors = { [CALLS.status]: status.problem };
        records.push(awsAsset(scope, { uid: t.TrailARN, kind: 'aws.cloudtrail.trail', name: t.Name, account, region, properties }));
        if (t.S3BucketName)
            records.push(edge(scope, t.TrailARN, 'logs_to', s3BucketArn(partitionOf(region), t.S3BucketName)));
    }
    const coverage = scopeCoverage(scope, [trails], details.problems);
    return { records: coverage ? [coverage, ...records] : records, ...stateOf(trails.status === 'ok' ? logging : [undefined], unread) };
}
export const cloudTrail = {
    property: 'CloudTrail',
    plan: {
        calls: [CALLS.trails],
        perResource: [{ call: CALLS.status, resources: (read) => listed(read.call(CALLS.trails), DescribeTrails, (d) => d.trailList.map((t) => t.Name)) }],
    },
    normalize,
};
//# sourceMappingURL=cloudtrail.js.map