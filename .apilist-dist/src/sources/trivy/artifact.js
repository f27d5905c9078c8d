import { badInput } from '../../model/errors.js';
import { withSubject } from '../shared/subject.js';
import { imageAsset, osProperties } from './image.js';
function image(report, where, subject) {
    const md = report.Metadata;
    if (subject === undefined && !report.ArtifactName && !md.ImageID && !md.RepoDigests.some((d) => d.trim() !== '')) {
        throw badInput(where, 'Trivy report field ArtifactName: empty, and the image has no ImageID or RepoDigests to be known by');
    }
    return { ...imageAsset(md, report.ArtifactName), isImage: true };
}
function plain(prefix, kind, report, where, subject, properties) {
    if (subject === undefined && !report.ArtifactName)
        throw badInput(where, `Trivy report field ArtifactName: empty; a ${kind} is known only by its name`);
    const uid = `${prefix}${report.ArtifactName}`;
    return { asset: { uid, kind, name: report.ArtifactName || null, properties }, isImage: false };
}
/**
 * The artifact under the uid the user gave (`--asset`), if any, and its scope. Image uids without a type
 * prefix are digest references: an image's scope says what it is.
 */
function finish(named, subject) {
    const asset = withSubject(named.asset, subject);
    const scope = !named.isImage || asset.uid.startsWith('image:') ? asset.uid : `image:${asset.uid}`;
    const base = named.base;
    const related = base && base.asset.uid !== asset.uid
        ? [{ type: 'asset', scope, asset: base.asset }, { type: 'relationship', scope, relationship: { ...base.relationship, from: asset.uid } }]
        : [];
    return { asset, scope, related };
}
/**
 * The artifact asset by Trivy's ArtifactType. An SBOM that describes an image (it carries the image id or
 * digests) is that image; other SBOMs, file systems, repositories and VM images are keyed by their name.
 */
export function artifactOf(report, where, subject) {
    return finish(namedArtifact(report, where, subject), subject);
}
function namedArtifact(report, where, subject) {
    const md = report.Metadata;
    const type = report.ArtifactType ?? '';
    switch (type) {
        case 'container_image':
            return image(report, where, subject);
        case 'cyclonedx':
        case 'spdx':
            if (md.ImageID || md.RepoDigests.some((d) => d.trim() !== ''))
                return image(report, where, subject);
            return plain('sbom:', 'sbom', report, where, subject, { format: type, os: osProperties(md) });
        case 'repository':
            return plain('repo:', 'code.repository', report, where, subject, {
                repoUrl: md.RepoURL ?? null, branch: md.Branch ?? null, commit: md.Commit ?? null,
            });
        case 'filesystem':
            return plain('fs:', 'filesystem', report, where, subject, { os: osProperties(md) });
        case 'vm':
            return plain('vm:', 'vm.image', report, where, subject, { os: osProperties(md) });
        default:
            return plain(`artifact:${type || 'unknown'}:`, 'artifact', report, where, subject, { artifactType: type || null, os: osProperties(md) });
    }
}
//# sourceMappingURL=artifact.js.map