import { repositoryAsset, reportSubjectUid } from '../shared/repository.js';
import { digestReference } from '../trivy/image.js';
const IMAGE_PREFIX = 'docker-image|';
/** `C:\work\shop` → `shop`: the last meaningful segment of a path. */
function baseName(path) {
    return path.split(/[\\/]+/).filter((s) => s !== '' && s !== '.' && !/^[A-Za-z]:$/.test(s)).pop() ?? '';
}
export function isContainerProject(p) {
    return (p.projectName ?? '').startsWith(IMAGE_PREFIX);
}
/**
 * `snyk container test` names the image `docker-image|<repository>`; its `path` is the reference as given,
 * from which the tag or digest is taken (`sarim04/juiceshop:latest/...` → `sarim04/juiceshop:latest`). The
 * uid follows Trivy's rules: a digest reference when there is a digest, else `image:<reference>`.
 */
function imageAssetOf(p) {
    const repository = (p.projectName ?? '').slice(IMAGE_PREFIX.length);
    const path = p.path ?? '';
    const rest = path.startsWith(repository) ? path.slice(repository.length) : '';
    const ref = /^[:@]/.test(rest) ? repository + rest.split('/')[0] : repository;
    const uid = digestReference(ref) ?? `image:${ref}`;
    return { uid, kind: 'container.image', name: ref, provider: 'container', properties: { platform: p.platform ?? null, scannedBy: 'snyk' } };
}
/**
 * The asset a Snyk project is about. A container project is its image. Any other project is the code it
 * was run on, `repo:<projectName>` (Snyk's own name for it: the package.json name, the Maven coordinates,
 * the folder), else `repo:<folder name>` from its path, else named after the report file.
 */
export function projectAsset(p, fileName) {
    if (isContainerProject(p))
        return imageAssetOf(p);
    const name = p.projectName?.trim();
    if (name) {
        const asset = repositoryAsset(`repo:${name}`, 'checkout-root');
        return { ...asset, properties: { namedFrom: 'project-name' } };
    }
    const folder = baseName(p.path ?? '');
    return folder ? repositoryAsset(`repo:${folder}`, 'checkout-root') : repositoryAsset(reportSubjectUid(fileName), 'report-file');
}
/** The manifest the project was read from, with `/` separators; '' when Snyk names none. */
export function manifestPath(p) {
    return (p.displayTargetFile || p.targetFile || '').replace(/\\/g, '/').replace(/^\/+/, '');
}
//# sourceMappingURL=project.js.map