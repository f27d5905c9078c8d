import { badInput } from '../../model/errors.js';
import { parseUntrustedJson } from '../json.js';
import { osvEcosystem } from '../shared/ecosystem-names.js';
import { purlFor } from '../shared/package-purl.js';
import { finalizePackageVuln } from '../shared/package-vuln.js';
import { withSubject } from '../shared/subject.js';
import { validateAt } from '../shared/validate.js';
import { FindingSet } from '../trivy/finding-set.js';
import { groupsOf, groupSighting } from './groups.js';
import { scannedProject } from './project.js';
import { OsvPackageEntry, OsvReport, OsvResult } from './schema.js';
import { looksLikeOsvScannerJson } from './sniff.js';
const TYPE = 'osv-scanner-json';
const REPORT = 'osv-scanner report';
async function* parseReport(file, options = {}) {
    const where = file.name;
    const report = validateAt(OsvReport, parseUntrustedJson(await file.text(), where), where, REPORT);
    const results = report.results.map((r, i) => validateAt(OsvResult, r, where, REPORT, `results[${i}]`));
    const project = scannedProject(results.map((r) => r.source), file.name);
    const asset = withSubject(project.asset, options.subject);
    const assetUid = asset.uid;
    const scope = `${TYPE}:${assetUid}`;
    yield { type: 'coverage', scope, coverage: 'complete' };
    yield { type: 'asset', scope, asset };
    const packages = new Set();
    const vulns = new FindingSet(finalizePackageVuln);
    for (const [i, result] of results.entries()) {
        const path = project.relativePath(result.source);
        for (const [j, raw] of result.packages.entries()) {
            const entry = validateAt(OsvPackageEntry, raw, where, REPORT, `results[${i}].packages[${j}]`);
            const p = entry.package;
            // A git source has no package: the checkout at a commit is what is vulnerable.
            const isCommit = !p.name && !!p.commit;
            const ecosystem = isCommit ? 'git' : osvEcosystem(p.ecosystem);
            const ctx = {
                assetUid, ecosystem, path, source: result.source.path,
                name: isCommit ? path || '.' : p.name, // a checkout: its folder in the project
                purl: isCommit || !p.name ? null : purlFor(ecosystem, p.name, p.version),
            };
            if (!ctx.name)
                throw badInput(where, `${REPORT} field results[${i}].packages[${j}].package: neither a name nor a commit`);
            if (ctx.purl && !packages.has(`${ctx.purl}\u0000${path}`)) {
                packages.add(`${ctx.purl}\u0000${path}`);
                yield { type: 'package', scope, package: { assetUid, purl: ctx.purl, ecosystem, name: p.name, version: p.version, path } };
            }
            for (const g of groupsOf(entry))
                vulns.add(groupSighting(ctx, entry, g));
        }
    }
    for (const finding of vulns.drain())
        yield { type: 'finding', scope, finding };
}
/** osv-scanner's JSON output (`osv-scanner scan --format json`), one finding per group of aliased records. */
export const osvScannerJson = {
    id: TYPE,
    type: TYPE,
    version: 1,
    accepts: (file) => looksLikeOsvScannerJson(file.head),
    parse: (file, options) => parseReport(file, options),
};
//# sourceMappingURL=parser.js.map