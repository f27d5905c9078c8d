import { z } from 'zod';
import { scopeCoverage, validated } from './call-result.js';
import { awsScope, ec2Arn } from './identifiers.js';
import { awsAsset, edge } from './records.js';
import { listed, ResourceDetails, ResourceName } from './service.js';
const LoadBalancer = z.looseObject({
    LoadBalancerArn: z.string().min(1),
    LoadBalancerName: ResourceName,
    Scheme: z.string().optional(),
    VpcId: z.string().optional(),
    SecurityGroups: z.array(z.string()).default([]),
    AvailabilityZones: z.array(z.looseObject({ SubnetId: z.string().optional() })).default([]),
});
const TargetGroup = z.looseObject({
    TargetGroupArn: z.string().min(1),
    TargetGroupName: ResourceName,
    TargetType: z.string().optional(),
    VpcId: z.string().optional(),
    LoadBalancerArns: z.array(z.string()).default([]),
});
const TargetHealth = z.looseObject({
    Target: z.looseObject({ Id: z.string().min(1), Port: z.number().optional() }),
    TargetHealth: z.looseObject({ State: z.string().optional() }).optional(),
});
const DescribeLoadBalancers = z.looseObject({ LoadBalancers: z.array(LoadBalancer) });
const DescribeTargetGroups = z.looseObject({ TargetGroups: z.array(TargetGroup) });
const DescribeListeners = z.looseObject({ Listeners: z.array(z.looseObject({})) });
const DescribeTargetHealth = z.looseObject({ TargetHealthDescriptions: z.array(TargetHealth) });
const CALLS = {
    loadBalancers: 'elbv2-describe-load-balancers',
    targetGroups: 'elbv2-describe-target-groups',
    listeners: 'elbv2-describe-listeners',
    targetHealth: 'elbv2-describe-target-health',
};
/** The asset a target id names: an instance id, or the ARN of a Lambda function or load balancer; IP targets name none. */
function targetUid(ctx, group, id) {
    if (id.startsWith('arn:'))
        return id;
    if (group.TargetType === 'instance' || /^i-[0-9a-f]+$/.test(id))
        return ec2Arn(ctx.region, ctx.account, 'instance', id);
    return undefined;
}
function normalize(ctx, calls) {
    const { account, region } = ctx;
    const scope = awsScope(account, region, 'elbv2');
    const lbs = validated(DescribeLoadBalancers, calls.call(CALLS.loadBalancers));
    const groups = validated(DescribeTargetGroups, calls.call(CALLS.targetGroups));
    const details = new ResourceDetails(calls);
    const out = [];
    const arn = (type, id) => ec2Arn(region, account, type, id);
    // Targets of each group, read once: the group and every load balancer forwarding to it use them.
    const targets = new Map();
    for (const g of groups.status === 'ok' ? groups.data.TargetGroups : []) {
        const properties = { ...g };
        const health = details.required(CALLS.targetHealth, g.TargetGroupName, DescribeTargetHealth, [], (d) => d.TargetHealthDescriptions);
        if (health.kind === 'value') {
            const list = DescribeTargetHealth.shape.TargetHealthDescriptions.parse(health.value);
            targets.set(g.TargetGroupArn, list);
            properties.Targets = list;
        }
        out.push(awsAsset(scope, { uid: g.TargetGroupArn, kind: 'aws.elbv2.target-group', name: g.TargetGroupName, account, region, properties }));
        if (g.VpcId)
            out.push(edge(scope, g.TargetGroupArn, 'in_vpc', arn('vpc', g.VpcId)));
    }
    for (const lb of lbs.status === 'ok' ? lbs.data.LoadBalancers : []) {
        const uid = lb.LoadBalancerArn;
        const properties = { ...lb };
        details.fill(properties, 'Listeners', CALLS.listeners, lb.LoadBalancerName, DescribeListeners, [], (d) => d.Listeners);
        out.push(awsAsset(scope, { uid, kind: 'aws.elbv2.load-balancer', name: lb.LoadBalancerName, account, region, properties }));
        for (const sg of lb.SecurityGroups)
            out.push(edge(scope, uid, 'in_security_group', arn('security-group', sg)));
        for (const az of lb.AvailabilityZones)
            if (az.SubnetId)
                out.push(edge(scope, uid, 'in_subnet', arn('subnet', az.SubnetId)));
        if (lb.VpcId)
            out.push(edge(scope, uid, 'in_vpc', arn('vpc', lb.VpcId)));
        for (const g of groups.status === 'ok' ? groups.data.TargetGroups : []) {
            if (!g.LoadBalancerArns.includes(uid))
                continue;
            for (const t of targets.get(g.TargetGroupArn) ?? []) {
                const to = targetUid(ctx, g, t.Target.Id);
                if (to)
                    out.push(edge(scope, uid, 'targets', to, { targetGroup: g.TargetGroupArn, port: t.Target.Port ?? null, health: t.TargetHealth?.State ?? null }));
            }
        }
    }
    const coverage = scopeCoverage(scope, [lbs, groups], details.problems);
    if (coverage)
        out.unshift(coverage);
    return out;
}
/**
 * Application, network and gateway load balancers of one region with their target groups, scope
 * `aws:<account>:<region>:elbv2`: `targets` edges go from a load balancer to what its groups forward to.
 */
export const elbv2Service = {
    plan: {
        calls: [CALLS.loadBalancers, CALLS.targetGroups],
        perResource: [
            { call: CALLS.listeners, resources: (read) => listed(read.call(CALLS.loadBalancers), DescribeLoadBalancers, (d) => d.LoadBalancers.map((lb) => lb.LoadBalancerName)) },
            { call: CALLS.targetHealth, resources: (read) => listed(read.call(CALLS.targetGroups), DescribeTargetGroups, (d) => d.TargetGroups.map((g) => g.TargetGroupName)) },
        ],
    },
    normalize,
};
//# sourceMappingURL=elbv2.js.map