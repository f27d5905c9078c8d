const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);
/**
 * The fully qualified repository name, so that `alpine`, `library/alpine` and
 * `index.docker.io/library/alpine` (Docker, go-containerregistry and containerd spellings of the same
 * repository) give one asset uid: `docker.io/library/alpine`.
 */
export function normalizeRepository(repo) {
    const parts = repo.split('/');
    const first = parts[0] ?? '';
    const hasRegistry = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
    if (!hasRegistry)
        return parts.length === 1 ? `docker.io/library/${repo}` : `docker.io/${repo}`;
    if (DOCKER_HUB_ALIASES.has(first.toLowerCase())) {
        const rest = parts.slice(1);
        return rest.length === 1 ? `docker.io/library/${rest[0]}` : `docker.io/${rest.join('/')}`;
    }
    return repo;
}
/** `repo[:tag][@digest]` → repo (a `:` after the last `/` is a tag, before it a registry port). */
export function repositoryOf(reference) {
    const noDigest = reference.split('@')[0] ?? reference;
    const slash = noDigest.lastIndexOf('/');
    const colon = noDigest.lastIndexOf(':');
    return colon > slash ? noDigest.slice(0, colon) : noDigest;
}
/** `repo@sha256:...` with the repository normalized; undefined when the reference has no digest. */
export function digestReference(reference) {
    const at = reference.indexOf('@');
    if (at <= 0)
        return undefined;
    return `${normalizeRepository(repositoryOf(reference))}${reference.slice(at)}`;
}
/** The OS Trivy detected, as asset properties. */
export function osProperties(md) {
    return md.OS ? { family: md.OS.Family ?? null, name: md.OS.Name ?? null, eosl: md.OS.EOSL ?? false } : null;
}
const nonEmpty = (values) => values.filter((v) => v.trim() !== '');
/**
 * The image's uid: its digest reference when Trivy knows one (what registries and Kubernetes name it by),
 * else its config digest, else the name it was scanned by (a tarball path).
 */
export function imageUid(md, artifactName) {
    for (const d of nonEmpty(md.RepoDigests)) {
        const ref = digestReference(d);
        if (ref)
            return ref;
    }
    if (md.ImageID)
        return `image:${md.ImageID}`;
    return `image:${artifactName}`; // a tarball or name only: the best there is
}
const BASE_NAME = 'org.opencontainers.image.base.name';
const BASE_DIGEST = 'org.opencontainers.image.base.digest';
/** The OCI base-image annotation as an image uid, when both name and digest are given. */
export function baseImageUid(labels) {
    const name = labels[BASE_NAME]?.trim();
    const digest = labels[BASE_DIGEST]?.trim();
    if (!name || !digest || !/^[a-z0-9]+:[a-f0-9]{32,}$/i.test(digest))
        return undefined;
    return `${normalizeRepository(repositoryOf(name))}@${digest}`;
}
/** The scanned container image as an asset, with what the report says about it. */
export function imageAsset(md, artifactName) {
    const uid = imageUid(md, artifactName);
    const cfg = md.ImageConfig;
    const labels = Object.fromEntries(Object.entries(cfg?.config?.Labels ?? {}));
    const asset = {
        uid,
        kind: 'container.image',
        name: artifactName || nonEmpty(md.RepoTags)[0] || null,
        provider: 'container',
        properties: {
            os: osProperties(md),
            imageId: md.ImageID ?? null,
            diffIds: md.DiffIDs,
            layers: md.Layers.map((l) => ({ digest: l.Digest ?? null, diffId: l.DiffID ?? null, size: l.Size ?? null })),
            repoTags: nonEmpty(md.RepoTags),
            repoDigests: nonEmpty(md.RepoDigests),
            reference: md.Reference ?? null,
            size: md.Size ?? null,
            architecture: cfg?.architecture || null,
            platformOs: cfg?.os || null,
            created: cfg?.created ?? null,
            user: cfg?.config?.User ?? null,
            exposedPorts: Object.keys(cfg?.config?.ExposedPorts ?? {}).sort(),
            labels,
            baseImage: labels[BASE_NAME] || labels[BASE_DIGEST]
                ? { name: labels[BASE_NAME] ?? null, digest: labels[BASE_DIGEST] ?? null } : null,
        },
    };
    const baseUid = baseImageUid(labels);
    if (!baseUid || baseUid === uid)
        return { asset };
    return {
        asset,
        base: {
            asset: { uid: baseUid, kind: 'container.image', name: labels[BASE_NAME] ?? null, provider: 'container', reference: true },
            relationship: { from: uid, kind: 'based_on', to: baseUid },
        },
    };
}
//# sourceMappingURL=image.js.map