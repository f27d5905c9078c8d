import type { AssetInput } from '../../model/index.js';
import { repositoryAsset, reportSubjectUid } from '../shared/repository.js';
import { digestReference } from '../trivy/image.js';
import type { SnykProject } from './schema.js';

const IMAGE_PREFIX = 'docker-image|';

/** `C:\work\shop` → `shop`: the last meaningful segment of a path. */
function baseName(path: string): string {
  return path.split(/[\\/]+/).filter((s) => s !== '' && s !== '.' && !/^[A-Za-z]:$/.test(s)).pop() ?? '';
}

export function isContainerProject(p: SnykProject): boolean {
  return (p.projectName ?? '').startsWith(IMAGE_PREFIX);
}

/**
 * `snyk container test` names the image `docker-image|<repository>`; its `path` is the reference as given,
 * from which the tag or digest is taken (`sarim04/juiceshop:latest/...` → `sarim04/juiceshop:latest`). The
 * uid follows Trivy's rules: a digest reference when there is a digest, else `image:<reference>`.
 */
function imageAssetOf(p: SnykProject): AssetInput {
  const repository = (p.projectName ?? '').slice(IMAGE_PREFIX.length);
  const path = p.path ?? '';
  const rest = path.startsWith(repository) ? path.slice(repository.length) : '';
  const ref = /^[:@]/.test(rest) ? repository + rest.split('/')[0]! : repository;
  const uid = digestReference(ref) ?? `image:${ref}`;
  return { uid, kind: 'container.image', name: ref, provider: 'container', properties: { platform: p.platform ?? null, scannedBy: 'snyk' } };
}

/**
 * The asset a Snyk project is about. A container project is its image. Any other project is the code it
 * was run on, `repo:<projectName>` (Snyk's own name for it: the package.json name, the Maven coordinates,
 * the folder), else `repo:<folder name>` from its path, else named after the report file.
 */
export function projectAsset(p: SnykProject, fileName: string): AssetInput {
  if (isContainerProject(p)) return imageAssetOf(p);
  const name = p.projectName?.trim();
  if (name) {
    const asset = repositoryAsset(`repo:${name}`, 'checkout-root');
    return { ...asset, properties: { namedFrom: 'project-name' } };
  }
  const folder = baseName(p.path ?? '');
  return folder ? repositoryAsset(`repo:${folder}`, 'checkout-root') : repositoryAsset(reportSubjectUid(fileName), 'report-file');
}

/** The manifest the project was read from, with `/` separators; '' when Snyk names none. */
export function manifestPath(p: SnykProject): string {
  return (p.displayTargetFile || p.targetFile || '').replace(/\\/g, '/').replace(/^\/+/, '');
}
