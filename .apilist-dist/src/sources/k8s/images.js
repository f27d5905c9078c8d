import { digestReference } from '../trivy/image.js';
const CONFIG_DIGEST = /^sha256:[a-f0-9]{64}$/;
/**
 * The uid of the image a container runs, keyed as the Trivy parser and ECR key container.image assets
 * (src/sources/trivy/image.ts), so a pod, its image's scan and its registry entry meet on one asset:
 * 1. the repo digest the kubelet reports (status imageID; Docker's `docker-pullable://` prefix removed);
 * 2. the digest in the pod spec (`repo@sha256:...`);
 * 3. a bare config digest (a locally loaded image) as `image:sha256:...`, Trivy's key for an image
 *    without repo digests;
 * 4. else the spec reference as `image:<reference>`, Trivy's key for an image scanned by name only.
 */
export function containerImageUid(image, imageID) {
    const id = (imageID ?? '').replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
    const fromStatus = id.includes('@') ? digestReference(id) : undefined;
    if (fromStatus)
        return fromStatus;
    const fromSpec = image.includes('@') ? digestReference(image) : undefined;
    if (fromSpec)
        return fromSpec;
    if (CONFIG_DIGEST.test(id))
        return `image:${id}`;
    return `image:${image}`;
}
//# sourceMappingURL=images.js.map