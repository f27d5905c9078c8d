import { badInput, MothershipError } from '../../model/errors.js';
import { parseUntrustedJson } from '../json.js';
import { finalizePackageVuln } from '../shared/package-vuln.js';
import { withSubject } from '../shared/subject.js';
import { validateAt } from '../shared/validate.js';
import { FindingSet } from '../trivy/finding-set.js';
import { alertSighting, fromGraphql, fromRest } from './alert.js';
import { repositoryAssetOf, repositoryOfFullName, repositoryOfUrls } from './repository.js';
import { GraphqlAlert, GraphqlRepository, RestAlert } from './schema.js';
import { looksLikeDependabotJson } from './sniff.js';
const TYPE = 'github-dependabot-json';
const REPORT = 'Dependabot alerts';
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function group(into, asset) {
    const g = into.get(asset.uid) ?? { asset, alerts: [], complete: true };
    into.set(asset.uid, g);
    return g;
}
/** The REST list, a page of it per element when `gh api --paginate --slurp` nested them. */
function readRest(doc, where, fileName) {
    const out = new Map();
    const items = doc.every(Array.isArray) ? doc.flatMap((page, p) => page.map((a, i) => ({ a, field: `[${p}][${i}]` })))
        : doc.map((a, i) => ({ a, field: `[${i}]` }));
    for (const [n, { a, field }] of items.entries()) {
        const rest = validateAt(RestAlert, a, where, REPORT, field);
        const uid = repositoryOfFullName(rest.repository?.full_name) ?? repositoryOfUrls(rest.html_url, rest.url);
        group(out, repositoryAssetOf(uid, fileName)).alerts.push({ alert: fromRest(rest, n), field });
    }
    return out;
}
/** Repository nodes of a GraphQL answer: `data.repository`, its or the top-level `search.nodes`. */
function repositoryNodes(data) {
    const out = [];
    const searchNodes = (holder, field, parent) => {
        const search = isObject(holder) ? holder.search : undefined;
        if (isObject(search) && Array.isArray(search.nodes))
            search.nodes.forEach((node, i) => out.push({ node, field: `${field}.search.nodes[${i}]`, ...(parent ? { parent } : {}) }));
    };
    const repo = data.repository;
    if (isObject(repo)) {
        if ('vulnerabilityAlerts' in repo)
            out.push({ node: repo, field: 'data.repository' });
        searchNodes(repo, 'data.repository', repo);
    }
    searchNodes(data, 'data');
    return out;
}
function readGraphql(doc, where, fileName) {
    const out = new Map();
    if (!isObject(doc.data))
        throw badInput(where, `${REPORT} field data: expected an object`);
    const nodes = repositoryNodes(doc.data);
    if (nodes.length === 0)
        throw badInput(where, `${REPORT}: no repository with vulnerabilityAlerts under data.repository or data.search.nodes`);
    for (const { node, field, parent } of nodes) {
        const repo = validateAt(GraphqlRepository, node, where, REPORT, field);
        const named = (r) => (typeof r.url === 'string' ? repositoryOfUrls(`${r.url}/security/dependabot/0`, null) : undefined)
            ?? (typeof r.nameWithOwner === 'string' ? repositoryOfFullName(r.nameWithOwner) : undefined);
        const uid = named(repo) ?? (parent ? named(parent) : undefined);
        const g = group(out, repositoryAssetOf(uid, fileName, repo.name));
        // One page of a paginated connection: what is not on it is not known to be gone.
        if (repo.vulnerabilityAlerts.pageInfo?.hasNextPage)
            g.complete = false;
        repo.vulnerabilityAlerts.nodes.forEach((raw, i) => {
            const f = `${field}.vulnerabilityAlerts.nodes[${i}]`;
            g.alerts.push({ alert: fromGraphql(validateAt(GraphqlAlert, raw, where, REPORT, f), i), field: f });
        });
    }
    return out;
}
/**
 * A subject (`--asset`) renames the one repository of the file; an empty list of alerts is then that
 * repository's, which has none. Alerts of several repositories (an organization's list) each name theirs:
 * piling them onto one asset would merge alerts of different repositories, so a subject is refused there.
 */
function renamed(repos, subject, where) {
    if (subject === undefined)
        return repos;
    if (repos.size === 0)
        repos.set('', { asset: repositoryAssetOf(undefined, where), alerts: [], complete: true });
    if (repos.size > 1) {
        const names = [...repos.keys()].slice(0, 3).join(', ');
        throw new MothershipError('UNSUPPORTED', `${where}: --asset names one repository, but these ${REPORT} are of ${repos.size} (${names}${repos.size > 3 ? ', ...' : ''}); ingest them without --asset`);
    }
    return new Map([...repos.values()].map((r) => {
        const asset = withSubject(r.asset, subject);
        return [asset.uid, { ...r, asset }];
    }));
}
/**
 * Every repository the file speaks of is an asset with a scope of its own, complete unless the file holds
 * only a page of its alerts. Dismissed, fixed and auto-dismissed alerts are not findings: a complete scope
 * without them resolves what they were.
 */
async function* parseReport(file, options = {}) {
    const where = file.name;
    const doc = parseUntrustedJson(await file.text(), where);
    if (!Array.isArray(doc) && !(isObject(doc) && 'data' in doc)) {
        throw badInput(where, `${REPORT}: expected the REST list of alerts or a GraphQL answer with data`);
    }
    const repos = renamed(Array.isArray(doc) ? readRest(doc, where, file.name) : readGraphql(doc, where, file.name), options.subject, where);
    const vulns = new FindingSet(finalizePackageVuln);
    const scopes = new Map();
    for (const r of repos.values()) {
        const scope = `${TYPE}:${r.asset.uid}`;
        scopes.set(r.asset.uid, scope);
        yield r.complete
            ? { type: 'coverage', scope, coverage: 'complete' }
            : { type: 'coverage', scope, coverage: 'partial', error: 'the file holds one page of the alerts (hasNextPage)' };
        yield { type: 'asset', scope, asset: r.asset };
        for (const { alert, field } of r.alerts) {
            if (!alert.packageName)
                throw badInput(where, `${REPORT} field ${field}: the alert names no package`);
            if (alert.open)
                vulns.add(alertSighting(r.asset.uid, alert));
        }
    }
    for (const finding of vulns.drain())
        yield { type: 'finding', scope: scopes.get(finding.assetUid ?? ''), finding };
}
/** GitHub Dependabot alerts, from the REST API (`/dependabot/alerts`) or the GraphQL `vulnerabilityAlerts`. */
export const githubDependabotJson = {
    id: TYPE,
    type: TYPE,
    version: 1,
    accepts: (file) => looksLikeDependabotJson(file.head),
    parse: (file, options) => parseReport(file, options),
};
//# sourceMappingURL=parser.js.map