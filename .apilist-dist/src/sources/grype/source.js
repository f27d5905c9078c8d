import { badInput } from '../../model/errors.js';
import { repositoryAsset, reportSubjectUid } from '../shared/repository.js';
import { imageAsset } from '../trivy/image.js';
import { TrivyMetadata } from '../trivy/schema.js';
import { validateAt } from '../shared/validate.js';
import { GrypeImageTarget } from './schema.js';
/**
 * The image as Trivy's parser describes it, so `trivy image X` and `grype X` are one asset: its uid is the
 * repository digest reference when Grype knows one, else `image:<image id>`, else the name it was scanned
 * by (Trivy's rules, same code). Layer digests in Grype's target are the layers' diff ids.
 */
function image(target, distro, where) {
    const md = TrivyMetadata.parse({
        ImageID: target.imageID || null,
        RepoDigests: target.repoDigests,
        RepoTags: target.tags,
        Size: target.imageSize ?? null,
        OS: distro?.name ? { Family: distro.name, Name: distro.version || null } : null,
        DiffIDs: target.layers.map((l) => l.digest).filter((d) => !!d),
        Layers: target.layers.map((l) => ({ DiffID: l.digest ?? null, Size: l.size ?? null })),
        ImageConfig: { architecture: target.architecture ?? null, os: target.os ?? null, config: { Labels: target.labels ?? null } },
    });
    const name = target.userInput || target.tags[0] || '';
    const { asset, base } = imageAsset(md, name);
    // Neither a registry digest nor an image id: the manifest digest still names this exact image.
    if (asset.uid === `image:${name}` && target.manifestDigest)
        asset.uid = `image:${target.manifestDigest}`;
    if (asset.uid === 'image:')
        throw badInput(where, 'Grype report field source.target: the image has no repoDigests, imageID, manifestDigest or userInput to be known by');
    asset.properties = { ...asset.properties, manifestDigest: target.manifestDigest ?? null, mediaType: target.mediaType ?? null };
    return {
        asset,
        insideImage: true,
        related: (uid, scope) => base
            ? [{ type: 'asset', scope, asset: base.asset }, { type: 'relationship', scope, relationship: { ...base.relationship, from: uid } }]
            : [],
    };
}
/** `"."`, `{ "path": "/src/shop" }` → the path, when the target is one. */
function targetPath(target) {
    const raw = typeof target === 'string' ? target
        : target && typeof target === 'object' && 'path' in target && typeof target.path === 'string' ? target.path : '';
    return raw.trim().replace(/^"(.*)"$/, '$1'); // some releases quote the path: `"\".\""`
}
/** The last meaningful segment of a path (`/home/ci/shop/` → `shop`); '' for `.`, `/`, `C:\`. */
function baseName(path) {
    const segs = path.split(/[\\/]+/).filter((s) => s !== '' && s !== '.' && s !== '..' && !/^[A-Za-z]:$/.test(s));
    return segs.pop() ?? '';
}
/**
 * The asset by the source's type. An image is the image (see `image`). A directory is the source tree it
 * holds: `repo:<directory name>`, or `repo:<report file name>` when the target names none (`dir:.`). A file
 * (an archive, a binary, an SBOM) is `file:<file name>`. A report without a source is named after its file.
 */
export function scannedSource(report, where, fileName) {
    const src = report.source;
    const none = { related: () => [], insideImage: false };
    if (src?.type === 'image') {
        return image(validateAt(GrypeImageTarget, src.target, where, 'Grype report', 'source.target'), report.distro, where);
    }
    const path = targetPath(src?.target);
    const name = baseName(path);
    if (src?.type === 'file' && name) {
        return { ...none, asset: { uid: `file:${name}`, kind: 'artifact', name, properties: { path, sourceType: 'file' } } };
    }
    if (src?.type === 'directory' && name) {
        return { ...none, asset: repositoryAsset(`repo:${name}`, 'checkout-root', { path, distro: report.distro?.name ? report.distro : null }) };
    }
    return { ...none, asset: repositoryAsset(reportSubjectUid(fileName), 'report-file', { sourceType: src?.type ?? null, path: path || null }) };
}
//# sourceMappingURL=source.js.map