import { badInput, MothershipError } from '../../model/errors.js';
import { parseUntrustedJson } from '../json.js';
import { finalizePackageVuln } from '../shared/package-vuln.js';
import { purlFor } from '../shared/package-purl.js';
import { repositoryAsset, reportSubjectUid } from '../shared/repository.js';
import { withSubject } from '../shared/subject.js';
import { validateAt } from '../shared/validate.js';
import { FindingSet } from '../trivy/finding-set.js';
import { advisorySightings } from './advisory.js';
import { NpmAdvisory, NpmAuditError, NpmAuditV1, NpmAuditV2, NpmVulnerability } from './schema.js';
import { looksLikeNpmAuditJson } from './sniff.js';
import { vulnerabilitySightings } from './v7.js';
const TYPE = 'npm-audit-json';
const REPORT = 'npm audit report';
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** npm audit says nothing about the project it audited: the project is named after the report file (or --asset). */
async function* parseReport(file, options = {}) {
    const where = file.name;
    const doc = parseUntrustedJson(await file.text(), where);
    if (isObject(doc) && 'error' in doc && !('advisories' in doc) && !('vulnerabilities' in doc)) {
        const { error } = validateAt(NpmAuditError, doc, where, REPORT);
        // The audit did not run: nothing may be resolved on the strength of this file.
        throw badInput(where, `npm audit report contains errors: ${error.code ?? 'unknown'}: ${error.summary ?? ''}`.trim());
    }
    const asset = withSubject(repositoryAsset(reportSubjectUid(file.name), 'report-file'), options.subject);
    const scope = `${TYPE}:${asset.uid}`;
    const sightings = [];
    const packages = new Map();
    if (isObject(doc) && 'auditReportVersion' in doc) {
        const v2 = validateAt(NpmAuditV2, doc, where, REPORT);
        if (v2.auditReportVersion !== 2) {
            throw new MothershipError('UNSUPPORTED', `${where}: npm audit auditReportVersion ${v2.auditReportVersion} is not supported (only 2)`);
        }
        for (const [name, raw] of Object.entries(v2.vulnerabilities)) {
            sightings.push(...vulnerabilitySightings(asset.uid, validateAt(NpmVulnerability, raw, where, REPORT, `vulnerabilities.${name}`)));
        }
    }
    else {
        const v1 = validateAt(NpmAuditV1, doc, where, REPORT);
        for (const [id, raw] of Object.entries(v1.advisories)) {
            const a = validateAt(NpmAdvisory, raw, where, REPORT, `advisories.${id}`);
            sightings.push(...advisorySightings(asset.uid, a));
            for (const f of a.findings)
                if (f.version)
                    packages.set(purlFor('npm', a.module_name, f.version), { name: a.module_name, version: f.version });
        }
    }
    yield { type: 'coverage', scope, coverage: 'complete' };
    yield { type: 'asset', scope, asset };
    // npm 6 names the installed versions of vulnerable modules; npm 7+ only ranges, so no packages.
    for (const [purl, p] of packages)
        yield { type: 'package', scope, package: { assetUid: asset.uid, purl, ecosystem: 'npm', name: p.name, version: p.version } };
    const vulns = new FindingSet(finalizePackageVuln);
    for (const s of sightings)
        vulns.add(s);
    for (const finding of vulns.drain())
        yield { type: 'finding', scope, finding };
}
/** npm audit's JSON report (`npm audit --json`): npm 6 advisories and npm 7+ vulnerabilities. */
export const npmAuditJson = {
    id: TYPE,
    type: TYPE,
    version: 1,
    accepts: (file) => looksLikeNpmAuditJson(file.head),
    parse: (file, options) => parseReport(file, options),
};
//# sourceMappingURL=parser.js.map