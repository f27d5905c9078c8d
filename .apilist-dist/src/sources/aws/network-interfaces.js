import { z } from 'zod';
import { scopeCoverage, validated } from './call-result.js';
import { awsScope, ec2Arn } from './identifiers.js';
import { awsAsset, edge } from './records.js';
import { TagList, tagMap } from './tags.js';
// Network interfaces print their tags as `TagSet`, not `Tags`.
const NetworkInterface = z.looseObject({
    NetworkInterfaceId: z.string().min(1),
    SubnetId: z.string().optional(),
    VpcId: z.string().optional(),
    Groups: z.array(z.looseObject({ GroupId: z.string().min(1) })).default([]),
    Attachment: z.looseObject({ InstanceId: z.string().optional() }).optional(),
    TagSet: TagList.optional(),
});
const DescribeNetworkInterfaces = z.looseObject({ NetworkInterfaces: z.array(NetworkInterface) });
const CALL = 'ec2-describe-network-interfaces';
function normalize(ctx, calls) {
    const { account, region } = ctx;
    const scope = awsScope(account, region, 'eni');
    const enis = validated(DescribeNetworkInterfaces, calls.call(CALL));
    const coverage = scopeCoverage(scope, [enis]);
    const out = coverage ? [coverage] : [];
    const arn = (type, id) => ec2Arn(region, account, type, id);
    for (const eni of enis.status === 'ok' ? enis.data.NetworkInterfaces : []) {
        const uid = arn('network-interface', eni.NetworkInterfaceId);
        const tags = tagMap(eni.TagSet);
        out.push(awsAsset(scope, { uid, kind: 'aws.ec2.network-interface', name: tags.Name ?? eni.NetworkInterfaceId, account, region, properties: eni, tags }));
        if (eni.SubnetId)
            out.push(edge(scope, uid, 'in_subnet', arn('subnet', eni.SubnetId)));
        if (eni.VpcId)
            out.push(edge(scope, uid, 'in_vpc', arn('vpc', eni.VpcId)));
        for (const g of eni.Groups)
            out.push(edge(scope, uid, 'in_security_group', arn('security-group', g.GroupId)));
        const instance = eni.Attachment?.InstanceId;
        if (instance)
            out.push(edge(scope, uid, 'attached_to', arn('instance', instance)));
    }
    return out;
}
/** Elastic network interfaces of one region, scope `aws:<account>:<region>:eni`. */
export const networkInterfaceService = {
    plan: { calls: [CALL], perResource: [] },
    normalize,
};
//# sourceMappingURL=network-interfaces.js.map