/**
 * Code scanners (SARIF tools, Semgrep, Gitleaks, Checkov...) report on a source tree, usually without
 * saying which. Their findings hang on a `code.repository` asset keyed `repo:<host>/<path>` when the
 * report names its repository, else `repo:<name>` after the report itself (the CLI's `--asset` overrides).
 */
/** `https://user:tok@GitHub.com/org/repo.git`, `git@github.com:org/repo`, `ssh://git@host/org/repo` → `github.com/org/repo`. */
export function repositoryPath(uri) {
    const s = uri.trim();
    if (!s)
        return undefined;
    const scp = /^[\w.-]+@([\w.-]+):(?!\/\/)(.+)$/.exec(s); // git@host:org/repo
    let host;
    let path;
    if (scp) {
        host = scp[1];
        path = scp[2];
    }
    else {
        let u;
        try {
            u = new URL(s);
        }
        catch {
            return undefined;
        }
        if (u.protocol === 'file:' || !u.hostname)
            return undefined; // a local checkout names no repository
        host = u.port ? `${u.hostname}:${u.port}` : u.hostname; // user and password are dropped: they may be tokens
        path = decodeURIComponent(u.pathname);
    }
    path = path.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/i, '');
    if (!path)
        return undefined;
    return `${host.toLowerCase()}/${path}`;
}
/** The uid of a repository named by its URI, or undefined when the URI is no remote repository. */
export function repositoryUid(uri) {
    const p = repositoryPath(uri);
    return p ? `repo:${p}` : undefined;
}
const REPORT_EXTENSIONS = /\.(?:json|sarif|sarif2|golden|txt|out|log)$/i;
/** `semgrep-api.sarif.json` → `semgrep-api`: what a report is called without its format extensions. */
export function reportStem(fileName) {
    let stem = fileName.split(/[\\/]/).pop() ?? fileName;
    while (REPORT_EXTENSIONS.test(stem) && stem.replace(REPORT_EXTENSIONS, '') !== '')
        stem = stem.replace(REPORT_EXTENSIONS, '');
    return stem.trim() || 'report';
}
/** A repository named after the report that covers it, for reports that do not name their subject. */
export function reportSubjectUid(fileName) {
    return `repo:${reportStem(fileName)}`;
}
/** The scanned source tree as an asset; `how` says where the name came from, so users see a guess as one. */
export function repositoryAsset(uid, how, properties = {}) {
    const name = uid.startsWith('repo:') ? uid.slice('repo:'.length) : uid;
    return { uid, kind: 'code.repository', name, properties: { ...properties, namedFrom: how } };
}
//# sourceMappingURL=repository.js.map