import { repositoryAsset, repositoryUid, reportSubjectUid } from '../shared/repository.js';
/** `https://github.com/o/r/security/dependabot/2` → `https://github.com/o/r`. */
const ALERT_PAGE = /^(https?:\/\/[^/]+\/[^/]+\/[^/]+)\/security\/dependabot\/\d+/i;
/** `https://api.github.com/repos/o/r/dependabot/alerts/2`, GHES `https://h/api/v3/repos/o/r/...`. */
const ALERT_API = /^(https?):\/\/([^/]+)\/(?:api\/v3\/)?repos\/([^/]+)\/([^/]+)\//i;
/** The repository an alert's URLs point at, as `repo:<host>/<owner>/<name>`. */
export function repositoryOfUrls(htmlUrl, apiUrl) {
    const page = htmlUrl ? ALERT_PAGE.exec(htmlUrl.trim()) : null;
    if (page)
        return repositoryUid(page[1]);
    const api = apiUrl ? ALERT_API.exec(apiUrl.trim()) : null;
    if (!api)
        return undefined;
    const host = api[2].toLowerCase() === 'api.github.com' ? 'github.com' : api[2];
    return repositoryUid(`${api[1]}://${host}/${api[3]}/${api[4]}`);
}
/** `OWASP/test-repository` on github.com. */
export function repositoryOfFullName(fullName) {
    return fullName && /^[^/\s]+\/[^/\s]+$/.test(fullName.trim()) ? repositoryUid(`https://github.com/${fullName.trim()}`) : undefined;
}
/** The repository asset for a uid found in the report, or one named after the report when none was. */
export function repositoryAssetOf(uid, fileName, name) {
    if (uid)
        return repositoryAsset(uid, 'report-uri');
    const bare = name?.trim();
    return bare ? repositoryAsset(`repo:${bare}`, 'checkout-root') : repositoryAsset(reportSubjectUid(fileName), 'report-file');
}
//# sourceMappingURL=repository.js.map