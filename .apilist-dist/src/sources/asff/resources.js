import { z } from 'zod';
import { ACCOUNT_PATTERN, awsResourceRef, parseArn } from '../prowler/aws-resource.js';
import { digestReference } from '../trivy/image.js';
export function placementOf(f) {
    const first = f.Resources[0];
    const fromArn = [f.Id, first?.Id ?? ''].map((s) => parseArn(s)?.account ?? '').find((a) => ACCOUNT_PATTERN.test(a));
    const account = f.AwsAccountId?.trim() || fromArn || 'unknown';
    const region = f.Region?.trim() || first?.Region?.trim() || parseArn(f.ProductArn)?.region || 'global';
    const partition = first?.Partition?.trim() || parseArn(f.ProductArn)?.partition || 'aws';
    return { account, region, partition };
}
const EcrImage = z.object({ RegistryId: z.string().min(1), RepositoryName: z.string().min(1), ImageDigest: z.string().regex(/^sha256:[a-f0-9]{64}$/) });
/** ECR registry host of an account and region (China regions have their own domain). */
function ecrHost(account, region, partition) {
    return `${account}.dkr.ecr.${region}.amazonaws.com${partition === 'aws-cn' ? '.cn' : ''}`;
}
/**
 * An ECR image as Trivy and Grype name it (`<account>.dkr.ecr.<region>.amazonaws.com/<repo>@sha256:...`), so that
 * Inspector's findings on the image merge with theirs. Read from the resource details, else from its ARN
 * (`arn:aws:ecr:<region>:<account>:repository/<repo>/sha256:<digest>`).
 */
function ecrImageUid(r, place) {
    const d = EcrImage.safeParse(r.Details?.AwsEcrContainerImage);
    const region = r.Region?.trim() || place.region;
    if (d.success)
        return `${ecrHost(d.data.RegistryId, region, place.partition)}/${d.data.RepositoryName}@${d.data.ImageDigest}`;
    const arn = parseArn(r.Id);
    const m = arn ? /^repository\/(.+)\/(sha256:[a-f0-9]{64})$/.exec(arn.resource) : null;
    return arn && m ? `${ecrHost(arn.account, arn.region, arn.partition)}/${m[1]}@${m[2]}` : undefined;
}
/** A `Container` resource: its image by digest reference when it has one, else by the name it was given. */
function containerUid(r) {
    const name = typeof r.Details?.Container?.ImageName === 'string'
        ? (r.Details?.Container).ImageName : r.Id;
    return digestReference(name) ?? digestReference(r.Id) ?? `image:${name}`;
}
/** The asset an ASFF resource is: an ARN for AWS resources (aws-resource.ts), a container image for images. */
export function resourceRef(r, place) {
    if (r.Type === 'AwsEcrContainerImage') {
        const uid = ecrImageUid(r, place);
        if (uid)
            return { uid, kind: 'container.image', name: uid.slice(uid.indexOf('/') + 1, uid.indexOf('@')), provider: 'container', account: place.account, region: null, exact: true };
    }
    if (r.Type === 'Container') {
        const uid = containerUid(r);
        return { uid, kind: 'container.image', name: r.Id, provider: 'container', account: null, region: null, exact: true };
    }
    return awsResourceRef({ id: r.Id, type: r.Type, account: place.account, region: r.Region?.trim() || place.region, partition: r.Partition ?? place.partition });
}
//# sourceMappingURL=resources.js.map