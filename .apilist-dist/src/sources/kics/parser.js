import { parseUntrustedJson } from '../json.js';
import { repositoryAsset, reportSubjectUid } from '../shared/repository.js';
import { withSubject } from '../shared/subject.js';
import { validateAt } from '../shared/validate.js';
import { FindingSet } from '../trivy/finding-set.js';
import { fileSighting } from './query.js';
import { KicsFile, KicsQuery, KicsReport } from './schema.js';
import { looksLikeKicsJson } from './sniff.js';
const FORMAT = 'KICS report';
/** Files KICS could not scan or parse, and queries that failed, leave findings unseen. */
function incompleteness(r) {
    const parts = [];
    if (r.files_failed_to_scan)
        parts.push(`${r.files_failed_to_scan} file(s) failed to scan`);
    if (r.files_scanned != null && r.files_parsed != null && r.files_parsed < r.files_scanned)
        parts.push(`${r.files_scanned - r.files_parsed} of ${r.files_scanned} file(s) were not parsed`);
    if (r.queries_failed_to_execute)
        parts.push(`${r.queries_failed_to_execute} quer${r.queries_failed_to_execute > 1 ? 'ies' : 'y'} failed to execute`);
    return parts.length ? `KICS: ${parts.join(', ')}` : null;
}
async function* parseReport(file, options = {}) {
    const where = file.name;
    const report = validateAt(KicsReport, parseUntrustedJson(await file.text(), where), where, FORMAT);
    // KICS does not say which repository it scanned: the report names it (the CLI may override).
    const asset = withSubject(repositoryAsset(reportSubjectUid(where), 'report-file', { reportFile: where, kicsVersion: report.kics_version ?? null }), options.subject);
    const scope = `kics-json:${asset.uid}`;
    const set = new FindingSet();
    for (const [i, raw] of report.queries.entries()) {
        const q = validateAt(KicsQuery, raw, where, FORMAT, `queries[${i}]`);
        for (const [j, f] of q.files.entries())
            set.add(fileSighting(asset.uid, q, validateAt(KicsFile, f, where, FORMAT, `queries[${i}].files[${j}]`)));
    }
    const error = incompleteness(report);
    yield { type: 'coverage', scope, coverage: error ? 'partial' : 'complete', error };
    yield { type: 'asset', scope, asset };
    for (const finding of set.drain())
        yield { type: 'finding', scope, finding };
}
/** KICS' JSON report (Terraform, Kubernetes, Helm, Dockerfile, CloudFormation... misconfigurations). */
export const kicsJson = {
    id: 'kics-json',
    type: 'kics-json',
    version: 1,
    accepts: (file) => looksLikeKicsJson(file.head),
    parse: (file, options) => parseReport(file, options),
};
//# sourceMappingURL=parser.js.map