import { parseUntrustedJson } from '../json.js';
import { finalizePackageVuln } from '../shared/package-vuln.js';
import { repositoryAsset, reportSubjectUid } from '../shared/repository.js';
import { withSubject } from '../shared/subject.js';
import { validateAt } from '../shared/validate.js';
import { FindingSet } from '../trivy/finding-set.js';
import { checkSighting } from './check.js';
import { BareSummary, FailedCheck, FrameworkReport } from './schema.js';
import { looksLikeCheckovJson } from './sniff.js';
const FORMAT = 'Checkov report';
function isObject(v) {
    return !!v && typeof v === 'object' && !Array.isArray(v);
}
async function* parseReport(file, options = {}) {
    const where = file.name;
    const doc = parseUntrustedJson(await file.text(), where);
    const list = Array.isArray(doc) ? doc : [doc];
    // Checkov does not say which repository it scanned: the report names it (the CLI may override).
    const asset = withSubject(repositoryAsset(reportSubjectUid(where), 'report-file', { reportFile: where }), options.subject);
    const scope = `checkov-json:${asset.uid}`;
    const unparsed = [];
    const vulns = new FindingSet(finalizePackageVuln);
    const others = new FindingSet();
    for (const [i, raw] of list.entries()) {
        const field = Array.isArray(doc) ? `[${i}]` : '';
        if (isObject(raw) && !('check_type' in raw)) {
            const s = validateAt(BareSummary, raw, where, FORMAT, field);
            if (s.parsingerrors)
                unparsed.push(`${s.parsingerrors} file(s)`);
            continue;
        }
        const report = validateAt(FrameworkReport, raw, where, FORMAT, field);
        for (const e of report.results.parsing_errors)
            unparsed.push(typeof e === 'string' ? e : JSON.stringify(e));
        if (!report.results.parsing_errors.length && report.summary?.parsing_errors)
            unparsed.push(`${report.summary.parsing_errors} ${report.check_type} file(s)`);
        for (const [j, c] of report.results.failed_checks.entries()) {
            const prefix = `${field}${field ? '.' : ''}results.failed_checks[${j}]`;
            const s = checkSighting(asset.uid, report.check_type, validateAt(FailedCheck, c, where, FORMAT, prefix));
            (s.finding.kind === 'vuln' ? vulns : others).add(s);
        }
    }
    // Files Checkov could not parse were not checked: what they held may have gone unseen.
    const error = unparsed.length ? `Checkov could not parse ${unparsed.slice(0, 5).join(', ')}${unparsed.length > 5 ? ', ...' : ''}` : null;
    yield { type: 'coverage', scope, coverage: error ? 'partial' : 'complete', error };
    yield { type: 'asset', scope, asset };
    for (const finding of vulns.drain())
        yield { type: 'finding', scope, finding };
    for (const finding of others.drain())
        yield { type: 'finding', scope, finding };
}
/** Checkov's JSON report, every framework (Terraform, CloudFormation, Kubernetes, Dockerfile, secrets, SCA...). */
export const checkovJson = {
    id: 'checkov-json',
    type: 'checkov-json',
    version: 1,
    accepts: (file) => looksLikeCheckovJson(file.head),
    parse: (file, options) => parseReport(file, options),
};
//# sourceMappingURL=parser.js.map