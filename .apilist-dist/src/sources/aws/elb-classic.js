import { z } from 'zod';
import { scopeCoverage, validated } from './call-result.js';
import { awsScope, ec2Arn, regionalArn } from './identifiers.js';
import { awsAsset, edge } from './records.js';
const LoadBalancer = z.looseObject({
    LoadBalancerName: z.string().min(1),
    Scheme: z.string().optional(),
    VPCId: z.string().optional(),
    Subnets: z.array(z.string()).default([]),
    SecurityGroups: z.array(z.string()).default([]),
    Instances: z.array(z.looseObject({ InstanceId: z.string().min(1) })).default([]),
});
const DescribeLoadBalancers = z.looseObject({ LoadBalancerDescriptions: z.array(LoadBalancer) });
const CALL = 'elb-describe-load-balancers';
function normalize(ctx, calls) {
    const { account, region } = ctx;
    const scope = awsScope(account, region, 'elb');
    const lbs = validated(DescribeLoadBalancers, calls.call(CALL));
    const coverage = scopeCoverage(scope, [lbs]);
    const out = coverage ? [coverage] : [];
    const arn = (type, id) => ec2Arn(region, account, type, id);
    for (const lb of lbs.status === 'ok' ? lbs.data.LoadBalancerDescriptions : []) {
        // Classic load balancers have no ARN in their description; this is the one IAM and Security Hub use.
        const uid = regionalArn(region, account, 'elasticloadbalancing', `loadbalancer/${lb.LoadBalancerName}`);
        out.push(awsAsset(scope, { uid, kind: 'aws.elb.load-balancer', name: lb.LoadBalancerName, account, region, properties: lb }));
        for (const sg of lb.SecurityGroups)
            out.push(edge(scope, uid, 'in_security_group', arn('security-group', sg)));
        for (const subnet of lb.Subnets)
            out.push(edge(scope, uid, 'in_subnet', arn('subnet', subnet)));
        if (lb.VPCId)
            out.push(edge(scope, uid, 'in_vpc', arn('vpc', lb.VPCId)));
        for (const i of lb.Instances)
            out.push(edge(scope, uid, 'targets', arn('instance', i.InstanceId)));
    }
    return out;
}
/** Classic load balancers of one region, scope `aws:<account>:<region>:elb`. */
export const classicElbService = {
    plan: { calls: [CALL], perResource: [] },
    normalize,
};
//# sourceMappingURL=elb-classic.js.map