import { badInput } from '../../model/errors.js';
import { advisorySightings } from '../npm-audit/advisory.js';
import { NpmAdvisory } from '../npm-audit/schema.js';
import { purlFor } from '../shared/package-purl.js';
import { finalizePackageVuln } from '../shared/package-vuln.js';
import { repositoryAsset, reportSubjectUid } from '../shared/repository.js';
import { withSubject } from '../shared/subject.js';
import { validateAt } from '../shared/validate.js';
import { FindingSet } from '../trivy/finding-set.js';
import { berrySightings, isDeprecation } from './berry.js';
import { ndjsonLines } from './ndjson.js';
import { BerryLine, YarnAuditAdvisory, YarnLine } from './schema.js';
import { looksLikeYarnAudit } from './sniff.js';
const TYPE = 'yarn-audit-json';
const REPORT = 'yarn audit report';
function isBerry(value) {
    return typeof value === 'object' && value !== null && 'value' in value && 'children' in value;
}
/**
 * Yarn 1 lines. An `error` line means the audit did not run; a report without its closing `auditSummary`
 * was cut short: both are rejected, as nothing may be resolved on the strength of them.
 */
function readYarn1(lines, assetUid, where) {
    const out = { sightings: [], packages: new Map() };
    let summary = false;
    const errors = [];
    const seen = new Set();
    for (const { line, value } of lines) {
        const l = validateAt(YarnLine, value, where, REPORT, `line ${line}`);
        if (l.type === 'error')
            errors.push(typeof l.data === 'string' ? l.data : JSON.stringify(l.data));
        if (l.type === 'auditSummary')
            summary = true;
        if (l.type !== 'auditAdvisory')
            continue;
        const data = validateAt(YarnAuditAdvisory, l.data, where, REPORT, `line ${line}.data`);
        const a = validateAt(NpmAdvisory, data.advisory, where, REPORT, `line ${line}.data.advisory`);
        // Yarn repeats the advisory once per dependency path, each time whole (every version, every path).
        if (seen.has(a.id))
            continue;
        seen.add(a.id);
        out.sightings.push(...advisorySightings(assetUid, a));
        for (const f of a.findings)
            if (f.version)
                out.packages.set(purlFor('npm', a.module_name, f.version), { name: a.module_name, version: f.version });
    }
    if (errors.length)
        throw badInput(where, `yarn audit report contains errors: ${errors.join('; ')}`);
    if (!summary)
        throw badInput(where, 'yarn audit report has no auditSummary line: the audit did not finish or the file is truncated');
    return out;
}
function readBerry(lines, assetUid, where) {
    const out = { sightings: [], packages: new Map() };
    for (const { line, value } of lines) {
        const l = validateAt(BerryLine, value, where, REPORT, `line ${line}`);
        if (isDeprecation(l))
            continue; // a deprecated package is not a vulnerability
        out.sightings.push(...berrySightings(assetUid, l));
        for (const v of l.children['Tree Versions'])
            out.packages.set(purlFor('npm', l.value, v), { name: l.value, version: v });
    }
    return out;
}
/** yarn audit says nothing about the project it audited: the project is named after the report file (or --asset). */
async function* parseReport(file, options = {}) {
    const where = file.name;
    const lines = [...ndjsonLines(await file.text(), where)];
    if (lines.length === 0)
        throw badInput(where, 'yarn audit report is empty');
    const asset = withSubject(repositoryAsset(reportSubjectUid(file.name), 'report-file'), options.subject);
    const read = isBerry(lines[0].value) ? readBerry(lines, asset.uid, where) : readYarn1(lines, asset.uid, where);
    const scope = `${TYPE}:${asset.uid}`;
    yield { type: 'coverage', scope, coverage: 'complete' };
    yield { type: 'asset', scope, asset };
    for (const [purl, p] of read.packages)
        yield { type: 'package', scope, package: { assetUid: asset.uid, purl, ecosystem: 'npm', name: p.name, version: p.version } };
    const vulns = new FindingSet(finalizePackageVuln);
    for (const s of read.sightings)
        vulns.add(s);
    for (const finding of vulns.drain())
        yield { type: 'finding', scope, finding };
}
/** yarn's audit output (`yarn audit --json`, yarn 1; `yarn npm audit --json`, yarn 2+). */
export const yarnAuditJson = {
    id: TYPE,
    type: TYPE,
    version: 1,
    accepts: (file) => looksLikeYarnAudit(file.head),
    parse: (file, options) => parseReport(file, options),
};
//# sourceMappingURL=parser.js.map