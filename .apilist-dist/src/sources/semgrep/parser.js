import { MothershipError } from '../../model/errors.js';
import { parseUntrustedJson } from '../json.js';
import { Ordinals } from '../shared/ordinals.js';
import { finalizePackageVuln } from '../shared/package-vuln.js';
import { repositoryAsset, reportSubjectUid } from '../shared/repository.js';
import { withSubject } from '../shared/subject.js';
import { validateAt } from '../shared/validate.js';
import { FindingSet } from '../trivy/finding-set.js';
import { resultSighting } from './result.js';
import { SemgrepError, SemgrepOutput, SemgrepResult } from './schema.js';
import { looksLikeSemgrepJson } from './sniff.js';
const FORMAT = 'Semgrep report';
/** `PartialParsing`, or the tag of `["PartialParsing", [...]]`. */
function typeName(t) {
    if (typeof t === 'string')
        return t;
    if (Array.isArray(t) && typeof t[0] === 'string')
        return t[0];
    return 'error';
}
/**
 * Semgrep lists what it could not scan in `errors` (a file that failed to parse or timed out, a rule that
 * failed): findings there may have gone unseen, so the report covers its subject only partially and
 * nothing is resolved on its word.
 */
export function errorSummary(errors) {
    if (errors.length === 0)
        return null;
    const first = errors.slice(0, 3).map((e) => `${typeName(e.type)}${e.path ? ` in ${e.path}` : ''}${e.message ? `: ${e.message.split('\n', 1)[0].slice(0, 200)}` : ''}`);
    return `${errors.length} Semgrep error${errors.length > 1 ? 's' : ''}: ${first.join('; ')}${errors.length > 3 ? '; ...' : ''}`;
}
async function* parseReport(file, options = {}) {
    const where = file.name;
    const doc = parseUntrustedJson(await file.text(), where);
    if (doc && typeof doc === 'object' && !Array.isArray(doc) && 'vulns' in doc && !('results' in doc)) {
        throw new MothershipError('UNSUPPORTED', `${where}: a Semgrep AppSec Platform API export (deployment \`vulns\`), not \`semgrep --json\` output`);
    }
    const out = validateAt(SemgrepOutput, doc, where, FORMAT);
    // Semgrep's JSON does not say which repository it scanned: the report names it (the CLI may override).
    const asset = withSubject(repositoryAsset(reportSubjectUid(where), 'report-file', { reportFile: where, semgrepVersion: out.version ?? null }), options.subject);
    const scope = `semgrep-json:${asset.uid}`;
    const errors = out.errors.map((e, i) => validateAt(SemgrepError, e, where, FORMAT, `errors[${i}]`));
    const error = errorSummary(errors);
    const ctx = { assetUid: asset.uid, ordinals: new Ordinals() };
    const vulns = new FindingSet(finalizePackageVuln);
    const others = new FindingSet();
    for (const [i, raw] of out.results.entries()) {
        const s = resultSighting(ctx, validateAt(SemgrepResult, raw, where, FORMAT, `results[${i}]`));
        if (s)
            (s.finding.kind === 'vuln' ? vulns : others).add(s);
    }
    yield { type: 'coverage', scope, coverage: error ? 'partial' : 'complete', error };
    yield { type: 'asset', scope, asset };
    for (const finding of vulns.drain())
        yield { type: 'finding', scope, finding };
    for (const finding of others.drain())
        yield { type: 'finding', scope, finding };
}
/** Semgrep's JSON output (`semgrep scan --json`): code, secrets and supply-chain results. */
export const semgrepJson = {
    id: 'semgrep-json',
    type: 'semgrep-json',
    version: 1,
    accepts: (file) => looksLikeSemgrepJson(file.head),
    parse: (file, options) => parseReport(file, options),
};
//# sourceMappingURL=parser.js.map