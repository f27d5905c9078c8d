import { cloudTrail } from './cloudtrail.js';
import { configRecorder } from './config-recorder.js';
import { guardDuty } from './guardduty.js';
import { awsScope, regionUid } from './identifiers.js';
import { awsAsset } from './records.js';
import { securityHub } from './securityhub.js';
export const DETECTIVE_SERVICES = [cloudTrail, guardDuty, configRecorder, securityHub];
/**
 * The detective services of one region, each in its own scope, and the region itself as an `aws.region`
 * asset (scope `aws:<account>:<region>:region`) whose properties say, per service, `enabled`, `disabled` or
 * `unknown`: one row per region, so "regions where GuardDuty is off" is a one-line SQL filter. The region
 * is stated only when at least one of these services was collected there.
 */
function normalize(ctx, calls) {
    const out = [];
    const properties = { RegionName: ctx.region };
    const unknown = {};
    let collected = false;
    for (const service of DETECTIVE_SERVICES) {
        const result = service.normalize(ctx, calls);
        if (!result) {
            properties[service.property] = 'unknown';
            unknown[service.property] = 'not collected';
            continue;
        }
        collected = true;
        out.push(...result.records);
        properties[service.property] = result.state;
        if (result.problem)
            unknown[service.property] = result.problem;
    }
    if (!collected)
        return out;
    if (Object.keys(unknown).length > 0)
        properties.UnknownBecause = unknown;
    const scope = awsScope(ctx.account, ctx.region, 'region');
    out.push({ type: 'coverage', scope, coverage: 'complete' });
    out.push(awsAsset(scope, { uid: regionUid(ctx.region, ctx.account), kind: 'aws.region', name: ctx.region, account: ctx.account, region: ctx.region, properties }));
    return out;
}
export const regionService = {
    plan: {
        calls: DETECTIVE_SERVICES.flatMap((s) => s.plan.calls),
        perResource: DETECTIVE_SERVICES.flatMap((s) => s.plan.perResource),
    },
    normalize,
};
//# sourceMappingURL=region.js.map