import { z } from 'zod';
import { parseUntrustedJson } from '../json.js';
import { digestReference } from '../trivy/image.js';
import { scopeCoverage, validated } from './call-result.js';
import { awsScope, ecrRegistryHost } from './identifiers.js';
import { awsAsset, edge } from './records.js';
import { listed, ResourceDetails, ResourceName } from './service.js';
const Repository = z.looseObject({
    repositoryName: ResourceName,
    repositoryArn: z.string().min(1),
    registryId: z.string().optional(),
});
const ImageDetail = z.looseObject({
    imageDigest: z.string().regex(/^sha256:[a-f0-9]{64}$/, 'not a sha256 image digest'),
    imageTags: z.array(z.string()).default([]),
    imagePushedAt: z.unknown().optional(),
    imageSizeInBytes: z.number().optional(),
    lastRecordedPullTime: z.unknown().optional(),
});
const DescribeRepositories = z.looseObject({ repositories: z.array(Repository) });
const DescribeImages = z.looseObject({ imageDetails: z.array(ImageDetail) });
const RepositoryPolicy = z.looseObject({ policyText: z.string() });
const CALLS = { repositories: 'ecr-describe-repositories', images: 'ecr-describe-images', policy: 'ecr-get-repository-policy' };
/**
 * An image as a reference asset keyed exactly as the Trivy parser keys it (`<registry>/<repo>@sha256:...`,
 * through the same digestReference), so a pushed image and its scan are one asset. A reference: Trivy
 * defines the image (OS, layers, packages) and a reference never overwrites a definition; what ECR says
 * about the image travels on the repository's `contains` edge, which follows every dump.
 */
function imageRecords(scope, ctx, repoUid, host, repo, image) {
    const uid = digestReference(`${host}/${repo}@${image.imageDigest}`) ?? `${host}/${repo}@${image.imageDigest}`;
    const tag = image.imageTags[0];
    const seen = { imageTags: image.imageTags, imagePushedAt: image.imagePushedAt ?? null, imageSizeInBytes: image.imageSizeInBytes ?? null,
        lastRecordedPullTime: image.lastRecordedPullTime ?? null };
    return [
        { type: 'asset', scope, asset: { uid, kind: 'container.image', name: tag ? `${host}/${repo}:${tag}` : uid, provider: 'container',
                account: ctx.account, region: ctx.region, properties: { registry: host, repository: repo, digest: image.imageDigest, ...seen }, reference: true } },
        edge(scope, repoUid, 'contains', uid, seen),
    ];
}
function normalize(ctx, calls) {
    const { account, region } = ctx;
    const scope = awsScope(account, region, 'ecr');
    const repos = validated(DescribeRepositories, calls.call(CALLS.repositories));
    const details = new ResourceDetails(calls);
    const out = [];
    for (const repo of repos.status === 'ok' ? repos.data.repositories : []) {
        const name = repo.repositoryName;
        const host = ecrRegistryHost(repo.registryId ?? account, region);
        const properties = { ...repo };
        details.fill(properties, 'Policy', CALLS.policy, name, RepositoryPolicy, ['RepositoryPolicyNotFoundException'], (d, where) => parseUntrustedJson(d.policyText, `${where}: field policyText`));
        // The images are items of the scope: a repository whose images were not read keeps the scope partial.
        const images = details.required(CALLS.images, name, DescribeImages, [], (d) => d.imageDetails);
        const list = images.kind === 'value' ? DescribeImages.shape.imageDetails.parse(images.value) : [];
        if (images.kind === 'value')
            properties.ImageCount = list.length;
        out.push(awsAsset(scope, { uid: repo.repositoryArn, kind: 'aws.ecr.repository', name, account, region, properties }));
        for (const image of list)
            out.push(...imageRecords(scope, ctx, repo.repositoryArn, host, name, image));
    }
    const coverage = scopeCoverage(scope, [repos], details.problems);
    if (coverage)
        out.unshift(coverage);
    return out;
}
/** ECR repositories of one region and their images, scope `aws:<account>:<region>:ecr`. */
export const ecrService = {
    plan: {
        calls: [CALLS.repositories],
        perResource: [CALLS.images, CALLS.policy].map((call) => ({
            call,
            resources: (read) => listed(read.call(CALLS.repositories), DescribeRepositories, (d) => d.repositories.map((r) => r.repositoryName)),
        })),
    },
    normalize,
};
//# sourceMappingURL=ecr.js.map