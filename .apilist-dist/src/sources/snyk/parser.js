import { badInput } from '../../model/errors.js';
import { parseUntrustedJson } from '../json.js';
import { finalizePackageVuln } from '../shared/package-vuln.js';
import { withSubject } from '../shared/subject.js';
import { validateAt } from '../shared/validate.js';
import { FindingSet } from '../trivy/finding-set.js';
import { issuePackage, licenseSighting, vulnSighting } from './issues.js';
import { isContainerProject, manifestPath, projectAsset } from './project.js';
import { SnykFailure, SnykIssue, SnykProject } from './schema.js';
import { looksLikeSnykJson } from './sniff.js';
const TYPE = 'snyk-json';
const REPORT = 'Snyk report';
/**
 * Every project of the report (an `--all-projects` array, a container's applications) on the asset it is
 * about. Projects that name one asset share its scope: `--all-projects` over one repository with several
 * manifests of one name is one asset and one scope. A subject (`--asset`) is that one asset for every
 * project: `--all-projects` names its projects after their manifests, not after the repository they are in.
 */
async function* parseReport(file, options = {}) {
    const where = file.name;
    const doc = parseUntrustedJson(await file.text(), where);
    const top = Array.isArray(doc) ? doc : [doc];
    const assets = new Map();
    const vulns = new FindingSet(finalizePackageVuln);
    const licenses = new FindingSet();
    const readProject = (raw, field, image) => {
        const failure = SnykFailure.safeParse(raw);
        if (failure.success && !(raw && typeof raw === 'object' && 'vulnerabilities' in raw)) {
            // The test did not run: nothing may be resolved on the strength of this file.
            throw badInput(where, `Snyk test failed${field ? ` (${field})` : ''}: ${failure.data.error}`);
        }
        const p = validateAt(SnykProject, raw, where, REPORT, field);
        const asset = image ?? withSubject(projectAsset(p, file.name), options.subject);
        const state = assets.get(asset.uid) ?? { asset, packages: new Map() };
        assets.set(asset.uid, state);
        const ctx = { assetUid: asset.uid, manifest: manifestPath(p), packageManager: p.packageManager };
        for (const [i, rawIssue] of p.vulnerabilities.entries()) {
            const issue = validateAt(SnykIssue, rawIssue, where, REPORT, `${field ? `${field}.` : ''}vulnerabilities[${i}]`);
            const pkg = issuePackage(ctx, issue);
            const key = `${pkg.purl}\u0000${pkg.path}`;
            if (pkg.version && !state.packages.has(key)) {
                state.packages.set(key, { assetUid: asset.uid, purl: pkg.purl, ecosystem: pkg.ecosystem, name: pkg.name, version: pkg.version, sourceName: pkg.sourceName, path: pkg.path });
            }
            if (issue.type === 'license')
                licenses.add(licenseSighting(ctx, issue, pkg));
            else
                vulns.add(vulnSighting(ctx, issue, pkg));
        }
        // The applications inside an image (its npm, jar... projects) are findings on the image.
        const container = isContainerProject(p) ? asset : undefined;
        for (const [j, app] of p.applications.entries())
            readProject(app, `${field ? `${field}.` : ''}applications[${j}]`, container);
    };
    for (const [i, raw] of top.entries())
        readProject(raw, Array.isArray(doc) ? `[${i}]` : '');
    const scopeOf = (uid) => `${TYPE}:${uid}`;
    for (const { asset, packages } of assets.values()) {
        const scope = scopeOf(asset.uid);
        yield { type: 'coverage', scope, coverage: 'complete' };
        yield { type: 'asset', scope, asset };
        for (const p of packages.values())
            yield { type: 'package', scope, package: p };
    }
    for (const finding of vulns.drain())
        yield { type: 'finding', scope: scopeOf(finding.assetUid ?? ''), finding };
    for (const finding of licenses.drain())
        yield { type: 'finding', scope: scopeOf(finding.assetUid ?? ''), finding };
}
/** Snyk CLI's JSON output (`snyk test --json`, `snyk container test --json`, `--all-projects`). */
export const snykJson = {
    id: TYPE,
    type: TYPE,
    version: 1,
    accepts: (file) => looksLikeSnykJson(file.head),
    parse: (file, options) => parseReport(file, options),
};
//# sourceMappingURL=parser.js.map