import { repositoryUid } from '../shared/repository.js';
import { normalizeRepository, repositoryOf } from '../trivy/image.js';
/**
 * A repository as its asset uid (`repo:github.com/org/repo`), from what catalogues write: a Backstage
 * source location (`url:https://github.com/org/repo/tree/main/svc`), a URL, or a bare `github.com/org/repo`.
 */
export function repositoryFromLocation(location) {
    let s = location.trim().replace(/^url:/i, '');
    if (s.startsWith('repo:'))
        return s;
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s) && !/^[\w.-]+@/.test(s))
        s = `https://${s}`;
    // Web URLs into a tree or file (GitHub, GitLab, Bitbucket) name the repository before these markers.
    s = s.replace(/\/(-\/)?(tree|blob|src)\/.*$/, '');
    return repositoryUid(s);
}
/** `org/repo` of a `<host>/project-slug` annotation. */
export function repositoryFromSlug(host, slug) {
    const s = slug.trim().replace(/^\/+|\/+$/g, '');
    return s.includes('/') ? `repo:${host.toLowerCase()}/${s}` : undefined;
}
/** An image reference or repository as the normalized repository image uids start with. */
export function imageRepository(reference) {
    const s = reference.trim();
    return s ? normalizeRepository(repositoryOf(s)) : undefined;
}
//# sourceMappingURL=locations.js.map