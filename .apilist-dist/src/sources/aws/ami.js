import { z } from 'zod';
import { scopeCoverage, validated } from './call-result.js';
import { awsScope, ec2Arn } from './identifiers.js';
import { SharePermissions, sharedWithAll } from './permissions.js';
import { awsAsset, edge } from './records.js';
import { listed, ResourceDetails, ResourceName } from './service.js';
import { TagList, tagMap } from './tags.js';
const Image = z.looseObject({
    ImageId: ResourceName,
    Name: z.string().optional(),
    Public: z.boolean().optional(),
    BlockDeviceMappings: z.array(z.looseObject({ Ebs: z.looseObject({ SnapshotId: z.string().optional() }).optional() })).default([]),
    Tags: TagList.optional(),
});
const DescribeImages = z.looseObject({ Images: z.array(Image) });
const ImageAttribute = z.looseObject({ LaunchPermissions: SharePermissions.default([]) });
const CALLS = { images: 'ec2-describe-images', attribute: 'ec2-describe-image-attribute' };
function normalize(ctx, calls) {
    const { account, region } = ctx;
    const scope = awsScope(account, region, 'ami');
    const images = validated(DescribeImages, calls.call(CALLS.images));
    const details = new ResourceDetails(calls);
    const out = [];
    for (const image of images.status === 'ok' ? images.data.Images : []) {
        const uid = ec2Arn(region, account, 'image', image.ImageId);
        const tags = tagMap(image.Tags);
        const properties = { ...image };
        const launch = details.fill(properties, 'LaunchPermissions', CALLS.attribute, image.ImageId, ImageAttribute, [], (d) => d.LaunchPermissions);
        // describe-images already says `Public`; the launch permission list confirms it and names who else may launch.
        const sharedAll = launch.kind === 'value' ? sharedWithAll(SharePermissions.parse(launch.value)) : undefined;
        if (sharedAll !== undefined || image.Public !== undefined)
            properties.IsPublic = sharedAll === true || image.Public === true;
        out.push(awsAsset(scope, { uid, kind: 'aws.ec2.image', name: image.Name ?? image.ImageId, account, region, properties, tags }));
        for (const m of image.BlockDeviceMappings) {
            if (m.Ebs?.SnapshotId)
                out.push(edge(scope, uid, 'contains', ec2Arn(region, account, 'snapshot', m.Ebs.SnapshotId)));
        }
    }
    const coverage = scopeCoverage(scope, [images], details.problems);
    if (coverage)
        out.unshift(coverage);
    return out;
}
/** The account's own AMIs (`--owners self`) of one region, scope `aws:<account>:<region>:ami`. */
export const amiService = {
    plan: {
        calls: [CALLS.images],
        perResource: [{ call: CALLS.attribute, resources: (read) => listed(read.call(CALLS.images), DescribeImages, (d) => d.Images.map((i) => i.ImageId)) }],
    },
    normalize,
};
//# sourceMappingURL=ami.js.map