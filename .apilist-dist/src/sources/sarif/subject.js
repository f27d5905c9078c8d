import { repositoryAsset, repositoryUid, reportSubjectUid } from '../shared/repository.js';
import { withSubject } from '../shared/subject.js';
import { imageAsset } from '../trivy/image.js';
import { TrivyMetadata } from '../trivy/schema.js';
const str = (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const strings = (v) => (Array.isArray(v) ? v.filter((s) => typeof s === 'string' && s.trim() !== '') : []);
/** Trivy's SARIF names the image in run.properties; it is the same asset (same uid) as in Trivy's JSON. */
function trivyImage(run) {
    const p = run.properties ?? {};
    const imageId = str(p.imageID);
    const digests = strings(p.repoDigests);
    if (!imageId && digests.length === 0)
        return undefined;
    const md = TrivyMetadata.parse({ ImageID: imageId, RepoDigests: digests, RepoTags: strings(p.repoTags) });
    const { asset: image, base } = imageAsset(md, str(p.imageName) ?? '');
    // A reference: Trivy's JSON defines the image (layers, OS, config); its SARIF only names it, and must not
    // overwrite that definition with less.
    return { asset: { ...image, reference: true }, base };
}
/** `/home/ci/work/shop/` → `shop`. */
function dirName(path) {
    return path.replace(/\/+$/, '').split('/').pop() || undefined;
}
/**
 * The asset a run reports on, in order: the repository of `versionControlProvenance`; the image Trivy names
 * in run properties; a repository named after the checkout directory (an absolute `originalUriBaseIds`
 * entry or the invocation's working directory: CI checkouts end in the repository's name); else a
 * repository named after the report file. Paths of results are not used: which files have findings
 * changes from one report to the next, and the asset of a scope must not.
 */
function reportedSubject(run, fileName, roots) {
    for (const vcp of run.versionControlProvenance) {
        const uid = vcp.repositoryUri ? repositoryUid(vcp.repositoryUri) : undefined;
        if (uid)
            return { asset: repositoryAsset(uid, 'report-uri', { revision: vcp.revisionId ?? null, branch: vcp.branch ?? null }) };
    }
    const image = trivyImage(run);
    if (image)
        return image;
    const root = roots[roots.length - 1]; // the shortest: the checkout itself rather than a subfolder base id
    const name = root ? dirName(root) : undefined;
    if (name)
        return { asset: repositoryAsset(`repo:${name}`, 'checkout-root', { checkoutPath: root }) };
    return { asset: repositoryAsset(reportSubjectUid(fileName), 'report-file', { reportFile: fileName }) };
}
/** The run's subject (see reportedSubject), under the uid the user gave (`--asset`) when there is one. */
export function subjectOf(run, fileName, roots, scope, override) {
    const reported = reportedSubject(run, fileName, roots);
    const asset = withSubject(reported.asset, override);
    const base = reported.base;
    if (!base || base.asset.uid === asset.uid)
        return { asset, related: [] };
    const s = scope(asset.uid);
    return {
        asset,
        related: [{ type: 'asset', scope: s, asset: base.asset }, { type: 'relationship', scope: s, relationship: { ...base.relationship, from: asset.uid } }],
    };
}
//# sourceMappingURL=subject.js.map