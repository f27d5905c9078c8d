import { repositoryAsset, reportSubjectUid } from '../shared/repository.js';
function segments(path) {
    return path.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
}
/** The directory a source lies in: a lockfile's folder, a git checkout itself. */
function directoryOf(source) {
    const segs = segments(source.path);
    return source.type === 'git' || source.type === 'directory' ? segs : segs.slice(0, -1);
}
/**
 * osv-scanner does not name what it scanned, only the lockfiles it read. The project is the deepest folder
 * that holds every source (`/ci/shop/package-lock.json` and `/ci/shop/api/go.mod` → `repo:shop`), and paths
 * are kept relative to it, so a checkout in another place gives the same records. Sources with no folder
 * in common below the root (or relative paths with none at all) name no project: the report file does.
 */
export function scannedProject(sources, fileName) {
    const dirs = sources.map(directoryOf);
    let common = dirs[0] ?? [];
    for (const d of dirs.slice(1)) {
        let n = 0;
        while (n < common.length && n < d.length && common[n] === d[n])
            n++;
        common = common.slice(0, n);
    }
    const name = [...common].reverse().find((s) => !/^[A-Za-z]:$/.test(s) && s !== '..');
    if (!name) {
        return {
            asset: repositoryAsset(reportSubjectUid(fileName), 'report-file'),
            relativePath: (s) => s.path,
        };
    }
    // Paths are not kept on the asset: they change with every CI runner and would churn it.
    return {
        asset: repositoryAsset(`repo:${name}`, 'checkout-root'),
        relativePath: (s) => segments(s.path).slice(common.length).join('/'),
    };
}
//# sourceMappingURL=project.js.map