import { repositoryAsset, reportSubjectUid } from '../shared/repository.js';
import { imageAsset } from '../trivy/image.js';
import { TrivyMetadata } from '../trivy/schema.js';
import { trivyProp, trivyProps } from './properties.js';
import { parsePurl, versionlessPurl } from './purl-parts.js';
const DIGEST = /^sha256:[a-f0-9]{64}$/i;
/** A registry reference (`postgres:11`, `ghcr.io/org/app`), not a tarball path or a free-form name. */
const IMAGE_REF = /^[a-z0-9][a-z0-9._-]*(?::\d+)?(?:\/[a-z0-9._-]+)*(?::[\w.-]+)?$/i;
const ARCHIVE = /\.(?:tar|tgz|tar\.gz|zip)$/i;
/** `repo@sha256:...` from an OCI purl: repository_url qualifier (or the name) plus the purl's digest version. */
function ociDigestReference(parts) {
    if (parts?.type !== 'oci' || !parts.version || !DIGEST.test(parts.version))
        return undefined;
    return `${parts.qualifiers.repository_url || parts.name}@${parts.version}`;
}
/** syft writes the image's manifest digest as the container component's version. */
function versionDigestReference(c) {
    if (!DIGEST.test(c.version) || !IMAGE_REF.test(c.name) || ARCHIVE.test(c.name))
        return undefined;
    return `${c.name}@${c.version}`;
}
export function isImage(c) {
    return c.type === 'container' || parsePurl(c.purl)?.type === 'oci'
        || trivyProp(c.properties, 'ImageID') !== undefined || trivyProp(c.properties, 'RepoDigest') !== undefined;
}
/**
 * A container image gets the uid Trivy's JSON report would give it, by Trivy's own rules (trivy/image.ts):
 * the first repo digest (Trivy's RepoDigest property, an OCI purl, or syft's digest version), else
 * `image:<ImageID>`, else `image:<name>`.
 */
function image(c, ctx) {
    const p = c.properties;
    const digests = [...trivyProps(p, 'RepoDigest'), ociDigestReference(parsePurl(c.purl)), versionDigestReference(c)]
        .filter((d) => !!d);
    const md = TrivyMetadata.parse({
        ImageID: trivyProp(p, 'ImageID') ?? null,
        DiffIDs: [...trivyProps(p, 'DiffID')],
        RepoTags: [...trivyProps(p, 'RepoTag')],
        RepoDigests: digests,
        Reference: trivyProp(p, 'Reference') ?? null,
        Size: Number(trivyProp(p, 'Size')) || null,
        OS: ctx.os ? { Family: ctx.os.family, Name: ctx.os.name } : null,
    });
    return imageAsset(md, c.name || ctx.documentName || ctx.fileName).asset;
}
/**
 * The asset an SBOM is about, from its subject (CycloneDX metadata.component, the SPDX described package):
 * - a container image (type container, an OCI purl, Trivy image properties): `container.image` keyed as
 *   Trivy keys it, so Trivy JSON, Grype and SBOM findings on one image land on one asset;
 * - a Kubernetes cluster (Trivy's KBOM names it): `k8s.cluster` keyed `k8s:<cluster name>`;
 * - anything with a purl: `application` keyed by the purl WITHOUT version, qualifiers or subpath, so the
 *   SBOM of the next release is the same application (and its packages replace the old release's);
 * - anything else with a name (Trivy's repository and file system SBOMs, a directory; an SPDX document
 *   describing no package, by the document's name): `code.repository` keyed `repo:<name>` like Trivy's
 *   repository reports;
 * - no subject at all: `code.repository` named after the report file (shared/repository.ts), until the
 *   CLI's --asset names it. A bom-ref is never the key: producers make them up (random UUIDs) each run.
 */
export function subjectAsset(subject, ctx) {
    if (subject && isImage(subject))
        return image(subject, ctx);
    const cluster = subject && trivyProp(subject.properties, 'resource:Type') === 'cluster' ? trivyProp(subject.properties, 'resource:Name') : undefined;
    if (subject && cluster) {
        return { uid: `k8s:${cluster}`, kind: 'k8s.cluster', name: cluster, provider: 'kubernetes',
            properties: { platform: subject.name, version: subject.version || null, purl: subject.purl } };
    }
    const parts = parsePurl(subject?.purl);
    const display = subject?.name ? (subject.group ? `${subject.group}/${subject.name}` : subject.name) : '';
    const facts = { componentType: subject?.type ?? null, version: subject?.version || null, purl: subject?.purl ?? null };
    if (parts) {
        return { uid: versionlessPurl(parts), kind: 'application', name: display || parts.name, properties: facts };
    }
    const name = display || ctx.documentName;
    if (name)
        return repositoryAsset(`repo:${name}`, 'checkout-root', facts);
    return repositoryAsset(reportSubjectUid(ctx.fileName), 'report-file', facts);
}
//# sourceMappingURL=subject.js.map