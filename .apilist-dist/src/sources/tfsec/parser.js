import { parseUntrustedJson } from '../json.js';
import { repositoryAsset, reportSubjectUid } from '../shared/repository.js';
import { withSubject } from '../shared/subject.js';
import { validateAt } from '../shared/validate.js';
import { FindingSet } from '../trivy/finding-set.js';
import { resultSighting } from './result.js';
import { TfsecReport, TfsecResult } from './schema.js';
import { looksLikeTfsecJson } from './sniff.js';
const FORMAT = 'tfsec report';
async function* parseReport(file, options = {}) {
    const where = file.name;
    const report = validateAt(TfsecReport, parseUntrustedJson(await file.text(), where), where, FORMAT);
    // tfsec does not say which repository it scanned: the report names it (the CLI may override).
    const asset = withSubject(repositoryAsset(reportSubjectUid(where), 'report-file', { reportFile: where }), options.subject);
    const scope = `tfsec-json:${asset.uid}`;
    const set = new FindingSet();
    for (const [i, raw] of report.results.entries()) {
        const s = resultSighting(asset.uid, validateAt(TfsecResult, raw, where, FORMAT, `results[${i}]`));
        if (s)
            set.add(s);
    }
    yield { type: 'coverage', scope, coverage: 'complete' };
    yield { type: 'asset', scope, asset };
    for (const finding of set.drain())
        yield { type: 'finding', scope, finding };
}
/** tfsec's JSON report (Terraform misconfigurations), legacy and current shapes. */
export const tfsecJson = {
    id: 'tfsec-json',
    type: 'tfsec-json',
    version: 1,
    accepts: (file) => looksLikeTfsecJson(file.head),
    parse: (file, options) => parseReport(file, options),
};
//# sourceMappingURL=parser.js.map