/**
 * Base-image attribution. A product image is built FROM a base image: its first layers ARE the base's
 * layers. Packages installed by those layers are the base image's to fix, so their vulnerabilities go to
 * the base image's owner, with a plan ("upgrade X in base image Y", "rebuild on Y once it fixes Z");
 * packages of the product's own layers stay with the product. Pure: the facts are loaded by inventory.ts.
 *
 * Which stored image is an ancestor: one whose layer DiffIDs are a proper prefix of the product's. The
 * direct base (what to rebuild on) is the `based_on` target when the OCI labels name one, else the
 * ancestor with the most layers. A layer belongs to the ancestor that introduced it: the one with the
 * fewest layers that still contains it (debian's layer in a node-on-debian base is debian's).
 */
/** `docker.io/library/debian:12-slim`: the name people use, else a tag, else the uid. */
export function imageRef(image) {
    return image.name || image.repoTags[0] || image.uid;
}
function layersKey(diffIds, n) {
    return diffIds.slice(0, n).join('\n');
}
/** Several stored images may share exactly the same layers (re-tags): prefer the labelled base, then an owned one. */
function pick(candidates, labelled) {
    return [...candidates].sort((a, b) => Number(labelled.has(b.uid)) - Number(labelled.has(a.uid))
        || Number(b.owner !== null) - Number(a.owner !== null)
        || a.uid.localeCompare(b.uid))[0];
}
/**
 * The lineage of every image that has a base: ancestors found by layer prefix among the stored images,
 * the direct base from `based_on` (uid → target uids) or else the closest ancestor.
 */
export function lineages(images, basedOn) {
    const byUid = new Map(images.map((i) => [i.uid, i]));
    const byLayers = new Map();
    for (const image of images) {
        if (image.diffIds.length === 0)
            continue;
        const key = layersKey(image.diffIds, image.diffIds.length);
        const list = byLayers.get(key);
        if (list)
            list.push(image);
        else
            byLayers.set(key, [image]);
    }
    const out = new Map();
    for (const image of images) {
        const labelled = new Set(basedOn.get(image.uid) ?? []);
        const ancestors = [];
        let key = '';
        for (let n = 1; n < image.diffIds.length; n++) {
            key = n === 1 ? image.diffIds[0] : `${key}\n${image.diffIds[n - 1]}`;
            const found = byLayers.get(key);
            if (found)
                ancestors.push(pick(found, labelled));
        }
        // The label wins as direct base when it is consistent with the layers or its layers are unknown.
        const label = [...labelled].map((uid) => byUid.get(uid) ?? { uid, name: null, owner: null, repoTags: [], diffIds: [], layerDigests: [] })
            .find((t) => t.diffIds.length === 0 || ancestors.some((a) => a.uid === t.uid));
        const directBase = label ?? ancestors[ancestors.length - 1];
        if (ancestors.length || directBase)
            out.set(image.uid, { image, ancestors, directBase });
    }
    return out;
}
/** The position of a layer (DiffID or compressed digest) in the image, or -1. */
function layerPosition(image, layer) {
    const i = image.diffIds.indexOf(layer);
    return i >= 0 ? i : image.layerDigests.indexOf(layer);
}
/**
 * The base image a package came with, from the layer that installed it; undefined for the product's own
 * layers, an unknown layer, or an image without stored ancestors.
 */
export function inheritanceOf(lineage, layer) {
    if (!lineage || !layer || lineage.ancestors.length === 0)
        return undefined;
    const at = layerPosition(lineage.image, layer);
    if (at < 0)
        return undefined;
    const introducer = lineage.ancestors.find((a) => a.diffIds.length > at);
    if (!introducer)
        return undefined;
    return {
        baseImage: introducer.uid,
        baseOwner: introducer.owner,
        baseRef: imageRef(introducer),
        rebuildOn: imageRef(lineage.directBase ?? introducer),
    };
}
/** An image reference without its tag or digest: `registry/platform/base-node:20` → `registry/platform/base-node`. */
export function repositoryOf(ref) {
    const at = ref.indexOf('@');
    const name = at >= 0 ? ref.slice(0, at) : ref;
    const colon = name.lastIndexOf(':');
    return colon > name.lastIndexOf('/') ? name.slice(0, colon) : name;
}
/**
 * Other builds of a base image's repository (`base-node:20` next to the older `base-node:20-2024.07.28`
 * a product was built on). Only images whose packages were matched count: of those we know what they fix.
 */
export class RebuildTargets {
    byRepository = new Map();
    constructor(images, matched) {
        for (const image of images) {
            if (!matched.has(image.uid))
                continue;
            const repos = new Set([image.name, ...image.repoTags].filter((n) => !!n).map(repositoryOf));
            for (const repo of repos) {
                const list = this.byRepository.get(repo);
                if (list)
                    list.push(image);
                else
                    this.byRepository.set(repo, [image]);
            }
        }
        // Shortest reference first: the moving tag (`:20`) before dated ones, then by name for a stable choice.
        for (const list of this.byRepository.values())
            list.sort((a, b) => imageRef(a).length - imageRef(b).length || imageRef(a).localeCompare(imageRef(b)));
    }
    /** A build of the direct base's repository that `affected` says does not have the vulnerability. */
    find(inh, affected) {
        const fixed = this.byRepository.get(repositoryOf(inh.rebuildOn))?.find((image) => imageRef(image) !== inh.rebuildOn && !affected(image.uid));
        return fixed ? imageRef(fixed) : undefined;
    }
}
/**
 * The steps that fix an inherited vulnerability: the base owner's upgrade, then the product's rebuild; or
 * only the rebuild when another build of the base (`fixedOn`) already fixes it.
 */
export function inheritedFixPlan(inh, packageName, advisoryId, fixedVersions, fixedOn) {
    if (fixedOn)
        return [`rebuild on base image ${fixedOn}: it fixes ${advisoryId}`];
    const fix = fixedVersions[0];
    return fix
        ? [`upgrade ${packageName} to ${fix} in base image ${inh.baseRef}`, `rebuild on ${inh.rebuildOn} once it fixes ${advisoryId}`]
        : [`no fixed version of ${packageName} yet: rebuild on ${inh.rebuildOn} once it fixes ${advisoryId}`];
}
//# sourceMappingURL=attribution.js.map