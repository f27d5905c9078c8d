import { z } from 'zod';
import { scopeCoverage, validated } from './call-result.js';
import { awsScope, ec2Arn, regionalArn } from './identifiers.js';
import { awsAsset, edge } from './records.js';
import { listed, ResourceDetails, ResourceName } from './service.js';
import { TagMap } from './tags.js';
const ListClusters = z.looseObject({ clusters: z.array(ResourceName) });
const Cluster = z.looseObject({
    name: z.string().min(1),
    arn: z.string().min(1).optional(),
    roleArn: z.string().optional(),
    resourcesVpcConfig: z.looseObject({
        subnetIds: z.array(z.string()).default([]),
        securityGroupIds: z.array(z.string()).default([]),
        clusterSecurityGroupId: z.string().optional(),
        vpcId: z.string().optional(),
        endpointPublicAccess: z.boolean().optional(),
        publicAccessCidrs: z.array(z.string()).optional(),
    }).optional(),
    tags: TagMap.optional(),
});
const DescribeCluster = z.looseObject({ cluster: Cluster });
const CALLS = { clusters: 'eks-list-clusters', describe: 'eks-describe-cluster' };
/** Derived: the API endpoint answers the whole internet (public access with no CIDR restriction). */
function openToInternet(c) {
    const vpc = c.resourcesVpcConfig;
    if (!vpc?.endpointPublicAccess)
        return false;
    return (vpc.publicAccessCidrs ?? ['0.0.0.0/0']).some((cidr) => cidr === '0.0.0.0/0' || cidr === '::/0');
}
function clusterEdges(scope, ctx, uid, c) {
    const arn = (type, id) => ec2Arn(ctx.region, ctx.account, type, id);
    const vpc = c.resourcesVpcConfig;
    const groups = [...(vpc?.securityGroupIds ?? []), ...(vpc?.clusterSecurityGroupId ? [vpc.clusterSecurityGroupId] : [])];
    return [
        ...(c.roleArn ? [edge(scope, uid, 'has_role', c.roleArn)] : []),
        ...(vpc?.vpcId ? [edge(scope, uid, 'in_vpc', arn('vpc', vpc.vpcId))] : []),
        ...(vpc?.subnetIds ?? []).map((s) => edge(scope, uid, 'in_subnet', arn('subnet', s))),
        ...[...new Set(groups)].map((sg) => edge(scope, uid, 'in_security_group', arn('security-group', sg))),
    ];
}
function normalize(ctx, calls) {
    const { account, region } = ctx;
    const scope = awsScope(account, region, 'eks');
    const list = validated(ListClusters, calls.call(CALLS.clusters));
    const details = new ResourceDetails(calls);
    const out = [];
    for (const name of list.status === 'ok' ? list.data.clusters : []) {
        const described = details.outcome(CALLS.describe, name, DescribeCluster, [], (d) => d.cluster);
        const cluster = described.kind === 'value' ? Cluster.parse(described.value) : undefined;
        const uid = cluster?.arn ?? regionalArn(region, account, 'eks', `cluster/${name}`);
        const properties = cluster ? { ...cluster, IsPublic: openToInternet(cluster) } : { name };
        if (described.kind === 'refused')
            properties.CollectionErrors = { [CALLS.describe]: described.problem };
        out.push(awsAsset(scope, { uid, kind: 'aws.eks.cluster', name, account, region, properties, tags: cluster?.tags ?? {} }));
        if (cluster)
            out.push(...clusterEdges(scope, ctx, uid, cluster));
    }
    const coverage = scopeCoverage(scope, [list], details.problems);
    if (coverage)
        out.unshift(coverage);
    return out;
}
/** EKS clusters of one region, scope `aws:<account>:<region>:eks`. */
export const eksService = {
    plan: {
        calls: [CALLS.clusters],
        perResource: [{ call: CALLS.describe, resources: (read) => listed(read.call(CALLS.clusters), ListClusters, (d) => d.clusters) }],
    },
    normalize,
};
//# sourceMappingURL=eks.js.map