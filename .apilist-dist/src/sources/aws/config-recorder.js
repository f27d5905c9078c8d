import { z } from 'zod';
import { callOutcome, describeFailure, scopeCoverage, validated } from './call-result.js';
import { stateOf } from './detective.js';
import { awsScope, regionalArn } from './identifiers.js';
import { awsAsset, edge } from './records.js';
const Recorder = z.looseObject({ name: z.string().min(1), arn: z.string().min(1).optional(), roleARN: z.string().optional(), servicePrincipal: z.string().optional() });
const RecorderStatus = z.looseObject({ name: z.string().min(1), recording: z.boolean().optional() });
const DescribeRecorders = z.looseObject({ ConfigurationRecorders: z.array(Recorder) });
const DescribeStatus = z.looseObject({ ConfigurationRecordersStatus: z.array(RecorderStatus) });
const CALLS = { recorders: 'configservice-describe-configuration-recorders', status: 'configservice-describe-configuration-recorder-status' };
/**
 * AWS Config recorders of one region, scope `aws:<account>:<region>:config`. Config is on where the
 * account's own recorder records; a service-linked recorder records for its service only.
 */
function normalize(ctx, calls) {
    const { account, region } = ctx;
    const scope = awsScope(account, region, 'config');
    const recorders = validated(DescribeRecorders, calls.call(CALLS.recorders));
    if (recorders.status === 'missing')
        return null;
    const status = callOutcome(calls.call(CALLS.status), DescribeStatus, [], (d) => d.ConfigurationRecordersStatus);
    const statuses = status.kind === 'value' ? DescribeStatus.shape.ConfigurationRecordersStatus.parse(status.value) : [];
    const records = [];
    const recording = [];
    for (const r of recorders.status === 'ok' ? recorders.data.ConfigurationRecorders : []) {
        // Recorders have had an ARN only since service-linked recorders came (2024); older answers name them only.
        const uid = r.arn ?? regionalArn(region, account, 'config', `configuration-recorder/${r.name}`);
        const s = statuses.find((x) => x.name === r.name);
        const properties = { ...r };
        if (s)
            properties.Status = s;
        if (s?.recording !== undefined)
            properties.IsRecording = s.recording;
        if (status.kind === 'refused')
            properties.CollectionErrors = { [CALLS.status]: status.problem };
        records.push(awsAsset(scope, { uid, kind: 'aws.config.recorder', name: r.name, account, region, properties }));
        if (r.roleARN)
            records.push(edge(scope, uid, 'has_role', r.roleARN));
        if (!r.servicePrincipal)
            recording.push(status.kind === 'value' ? s?.recording === true : undefined);
    }
    const unread = describeFailure(recorders) ?? (status.kind === 'refused' ? status.problem : `${CALLS.status}: not collected`);
    const coverage = scopeCoverage(scope, [recorders], status.kind === 'refused' ? [status.problem] : []);
    return { records: coverage ? [coverage, ...records] : records, ...stateOf(recorders.status === 'ok' ? recording : [undefined], unread) };
}
export const configRecorder = {
    property: 'Config',
    plan: { calls: [CALLS.recorders, CALLS.status], perResource: [] },
    normalize,
};
//# sourceMappingURL=config-recorder.js.map