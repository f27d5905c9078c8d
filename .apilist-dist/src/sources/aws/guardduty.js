import { z } from 'zod';
import { describeFailure, scopeCoverage, validated } from './call-result.js';
import { stateOf } from './detective.js';
import { awsScope, regionalArn } from './identifiers.js';
import { awsAsset, edge } from './records.js';
import { listed, ResourceDetails, ResourceName } from './service.js';
import { TagMap } from './tags.js';
const ListDetectors = z.looseObject({ DetectorIds: z.array(ResourceName) });
const Detector = z.looseObject({ Status: z.string().optional(), ServiceRole: z.string().optional(), Tags: TagMap.optional() });
const CALLS = { detectors: 'guardduty-list-detectors', detector: 'guardduty-get-detector' };
/** GuardDuty detectors of one region (one at most), scope `aws:<account>:<region>:guardduty`. */
function normalize(ctx, calls) {
    const { account, region } = ctx;
    const scope = awsScope(account, region, 'guardduty');
    const list = validated(ListDetectors, calls.call(CALLS.detectors));
    if (list.status === 'missing')
        return null;
    const details = new ResourceDetails(calls);
    const records = [];
    const enabled = [];
    let unread = describeFailure(list);
    for (const id of list.status === 'ok' ? list.data.DetectorIds : []) {
        const uid = regionalArn(region, account, 'guardduty', `detector/${id}`);
        const got = details.outcome(CALLS.detector, id, Detector, [], (d) => d);
        const detector = got.kind === 'value' ? Detector.parse(got.value) : undefined;
        // A suspended detector still exists, with Status DISABLED.
        enabled.push(detector?.Status === undefined ? undefined : detector.Status === 'ENABLED');
        if (!detector?.Status)
            unread ??= got.kind === 'refused' ? got.problem : `${CALLS.detector}/${id}: not collected`;
        const properties = { DetectorId: id, ...detector };
        if (got.kind === 'refused')
            properties.CollectionErrors = { [CALLS.detector]: got.problem };
        records.push(awsAsset(scope, { uid, kind: 'aws.guardduty.detector', name: id, account, region, properties, tags: detector?.Tags ?? {} }));
        if (detector?.ServiceRole)
            records.push(edge(scope, uid, 'has_role', detector.ServiceRole));
    }
    const coverage = scopeCoverage(scope, [list], details.problems);
    return { records: coverage ? [coverage, ...records] : records, ...stateOf(list.status === 'ok' ? enabled : [undefined], unread) };
}
export const guardDuty = {
    property: 'GuardDuty',
    plan: {
        calls: [CALLS.detectors],
        perResource: [{ call: CALLS.detector, resources: (read) => listed(read.call(CALLS.detectors), ListDetectors, (d) => d.DetectorIds) }],
    },
    normalize,
};
//# sourceMappingURL=guardduty.js.map