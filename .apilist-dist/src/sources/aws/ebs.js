import { z } from 'zod';
import { scopeCoverage, validated } from './call-result.js';
import { awsScope, ec2Arn } from './identifiers.js';
import { SharePermissions, sharedWithAll } from './permissions.js';
import { awsAsset, edge } from './records.js';
import { listed, ResourceDetails, ResourceName } from './service.js';
import { TagList, tagMap } from './tags.js';
const Volume = z.looseObject({
    VolumeId: z.string().min(1),
    Encrypted: z.boolean().optional(),
    Attachments: z.array(z.looseObject({ InstanceId: z.string().optional() })).default([]),
    Tags: TagList.optional(),
});
const Snapshot = z.looseObject({
    SnapshotId: ResourceName,
    VolumeId: z.string().optional(),
    Encrypted: z.boolean().optional(),
    Tags: TagList.optional(),
});
const DescribeVolumes = z.looseObject({ Volumes: z.array(Volume) });
const DescribeSnapshots = z.looseObject({ Snapshots: z.array(Snapshot) });
const SnapshotAttribute = z.looseObject({ CreateVolumePermissions: SharePermissions.default([]) });
const CALLS = { volumes: 'ec2-describe-volumes', snapshots: 'ec2-describe-snapshots', attribute: 'ec2-describe-snapshot-attribute' };
// Snapshots copied from another snapshot, or made from an AMI, name this placeholder volume.
const NO_VOLUME = 'vol-ffffffff';
function normalize(ctx, calls) {
    const { account, region } = ctx;
    const scope = awsScope(account, region, 'ebs');
    const volumes = validated(DescribeVolumes, calls.call(CALLS.volumes));
    const snapshots = validated(DescribeSnapshots, calls.call(CALLS.snapshots));
    const details = new ResourceDetails(calls);
    const out = [];
    const arn = (type, id) => ec2Arn(region, account, type, id);
    for (const v of volumes.status === 'ok' ? volumes.data.Volumes : []) {
        const uid = arn('volume', v.VolumeId);
        const tags = tagMap(v.Tags);
        out.push(awsAsset(scope, { uid, kind: 'aws.ec2.volume', name: tags.Name ?? v.VolumeId, account, region, properties: v, tags }));
        for (const a of v.Attachments)
            if (a.InstanceId)
                out.push(edge(scope, uid, 'attached_to', arn('instance', a.InstanceId)));
    }
    for (const s of snapshots.status === 'ok' ? snapshots.data.Snapshots : []) {
        const uid = arn('snapshot', s.SnapshotId);
        const tags = tagMap(s.Tags);
        const properties = { ...s };
        const shared = details.fill(properties, 'CreateVolumePermissions', CALLS.attribute, s.SnapshotId, SnapshotAttribute, [], (d) => d.CreateVolumePermissions);
        if (shared.kind === 'value')
            properties.IsPublic = sharedWithAll(SharePermissions.parse(shared.value));
        out.push(awsAsset(scope, { uid, kind: 'aws.ec2.snapshot', name: tags.Name ?? s.SnapshotId, account, region, properties, tags }));
        if (s.VolumeId && s.VolumeId !== NO_VOLUME)
            out.push(edge(scope, uid, 'snapshot_of', arn('volume', s.VolumeId)));
    }
    const coverage = scopeCoverage(scope, [volumes, snapshots], details.problems);
    if (coverage)
        out.unshift(coverage);
    return out;
}
/**
 * EBS volumes and the account's own snapshots (`--owner-ids self`) of one region, scope
 * `aws:<account>:<region>:ebs`; a snapshot's createVolumePermission says whether it is public.
 */
export const ebsService = {
    plan: {
        calls: [CALLS.volumes, CALLS.snapshots],
        perResource: [{ call: CALLS.attribute, resources: (read) => listed(read.call(CALLS.snapshots), DescribeSnapshots, (d) => d.Snapshots.map((s) => s.SnapshotId)) }],
    },
    normalize,
};
//# sourceMappingURL=ebs.js.map