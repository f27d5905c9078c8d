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

export interface ImageFacts {
  uid: string;
  /** How people name it: the reference it was scanned by or the label's base name. */
  name: string | null;
  owner: string | null;
  repoTags: readonly string[];
  /** Layer DiffIDs, bottom first; empty when the image was never scanned (a label reference). */
  diffIds: readonly string[];
  /** Compressed layer digests by DiffID position, where known (packages may name either). */
  layerDigests: readonly (string | null)[];
}

export interface Lineage {
  image: ImageFacts;
  /** Stored images whose layers are a proper prefix of this one's, fewest layers first. */
  ancestors: ImageFacts[];
  /** What the image is built FROM, when known. */
  directBase: ImageFacts | undefined;
}

/** Where a package's vulnerability belongs when it came with a base image. */
export interface Inheritance {
  /** The base image that introduced the package's layer. */
  baseImage: string;
  baseOwner: string | null;
  baseRef: string;
  /** The direct base to rebuild the product on. */
  rebuildOn: string;
}

/** `docker.io/library/debian:12-slim`: the name people use, else a tag, else the uid. */
export function imageRef(image: ImageFacts): string {
  return image.name || image.repoTags[0] || image.uid;
}

function layersKey(diffIds: readonly string[], n: number): string {
  return diffIds.slice(0, n).join('\n');
}

/** Several stored images may share exactly the same layers (re-tags): prefer the labelled base, then an owned one. */
function pick(candidates: readonly ImageFacts[], labelled: ReadonlySet<string>): ImageFacts {
  return [...candidates].sort((a, b) =>
    Number(labelled.has(b.uid)) - Number(labelled.has(a.uid))
    || Number(b.owner !== null) - Number(a.owner !== null)
    || a.uid.localeCompare(b.uid))[0]!;
}

/**
 * The lineage of every image that has a base: ancestors found by layer prefix among the stored images,
 * the direct base from `based_on` (uid → target uids) or else the closest ancestor.
 */
export function lineages(images: readonly ImageFacts[], basedOn: ReadonlyMap<string, readonly string[]>): Map<string, Lineage> {
  const byUid = new Map(images.map((i) => [i.uid, i]));
  const byLayers = new Map<string, ImageFacts[]>();
  for (const image of images) {
    if (image.diffIds.length === 0) continue;
    const key = layersKey(image.diffIds, image.diffIds.length);
    const list = byLayers.get(key);
    if (list) list.push(image);
    else byLayers.set(key, [image]);
  }
  const out = new Map<string, Lineage>();
  for (const image of images) {
    const labelled = new Set(basedOn.get(image.uid) ?? []);
    const ancestors: ImageFacts[] = [];
    let key = '';
    for (let n = 1; n < image.diffIds.length; n++) {
      key = n === 1 ? image.diffIds[0]! : `${key}\n${image.diffIds[n - 1]}`;
      const found = byLayers.get(key);
      if (found) ancestors.push(pick(found, labelled));
    }
    // The label wins as direct base when it is consistent with the layers or its layers are unknown.
    const label = [...labelled].map((uid) => byUid.get(uid) ?? { uid, name: null, owner: null, repoTags: [], diffIds: [], layerDigests: [] })
      .find((t) => t.diffIds.length === 0 || ancestors.some((a) => a.uid === t.uid));
    const directBase = label ?? ancestors[ancestors.length - 1];
    if (ancestors.length || directBase) out.set(image.uid, { image, ancestors, directBase });
  }
  return out;
}

/** The position of a layer (DiffID or compressed digest) in the image, or -1. */
function layerPosition(image: ImageFacts, layer: string): number {
  const i = image.diffIds.indexOf(layer);
  return i >= 0 ? i : image.layerDigests.indexOf(layer);
}

/**
 * The base image a package came with, from the layer that installed it; undefined for the product's own
 * layers, an unknown layer, or an image without stored ancestors.
 */
export function inheritanceOf(lineage: Lineage | undefined, layer: string | null): Inheritance | undefined {
  if (!lineage || !layer || lineage.ancestors.length === 0) return undefined;
  const at = layerPosition(lineage.image, layer);
  if (at < 0) return undefined;
  const introducer = lineage.ancestors.find((a) => a.diffIds.length > at);
  if (!introducer) return undefined;
  return {
    baseImage: introducer.uid,
    baseOwner: introducer.owner,
    baseRef: imageRef(introducer),
    rebuildOn: imageRef(lineage.directBase ?? introducer),
  };
}

/** An image reference without its tag or digest: `registry/platform/base-node:20` → `registry/platform/base-node`. */
export function repositoryOf(ref: string): string {
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
  private readonly byRepository = new Map<string, ImageFacts[]>();

  constructor(images: readonly ImageFacts[], matched: ReadonlySet<string>) {
    for (const image of images) {
      if (!matched.has(image.uid)) continue;
      const repos = new Set([image.name, ...image.repoTags].filter((n): n is string => !!n).map(repositoryOf));
      for (const repo of repos) {
        const list = this.byRepository.get(repo);
        if (list) list.push(image);
        else this.byRepository.set(repo, [image]);
      }
    }
    // Shortest reference first: the moving tag (`:20`) before dated ones, then by name for a stable choice.
    for (const list of this.byRepository.values()) list.sort((a, b) => imageRef(a).length - imageRef(b).length || imageRef(a).localeCompare(imageRef(b)));
  }

  /** A build of the direct base's repository that `affected` says does not have the vulnerability. */
  find(inh: Inheritance, affected: (imageUid: string) => boolean): string | undefined {
    const fixed = this.byRepository.get(repositoryOf(inh.rebuildOn))?.find((image) => imageRef(image) !== inh.rebuildOn && !affected(image.uid));
    return fixed ? imageRef(fixed) : undefined;
  }
}

/**
 * The steps that fix an inherited vulnerability: the base owner's upgrade, then the product's rebuild; or
 * only the rebuild when another build of the base (`fixedOn`) already fixes it.
 */
export function inheritedFixPlan(inh: Inheritance, packageName: string, advisoryId: string, fixedVersions: readonly string[], fixedOn?: string): string[] {
  if (fixedOn) return [`rebuild on base image ${fixedOn}: it fixes ${advisoryId}`];
  const fix = fixedVersions[0];
  return fix
    ? [`upgrade ${packageName} to ${fix} in base image ${inh.baseRef}`, `rebuild on ${inh.rebuildOn} once it fixes ${advisoryId}`]
    : [`no fixed version of ${packageName} yet: rebuild on ${inh.rebuildOn} once it fixes ${advisoryId}`];
}
