import { z } from 'zod';
import { parseUntrustedJson } from '../json.js';
import { repositoryAsset, repositoryUid, reportSubjectUid } from '../shared/repository.js';
import { withSubject } from '../shared/subject.js';
import { validateAt } from '../shared/validate.js';
import { FindingSet } from '../trivy/finding-set.js';
import { leakSighting } from './leak.js';
import { fromV7, fromV8, LeakV7, LeakV8 } from './schema.js';
import { looksLikeGitleaksJson } from './sniff.js';
const FORMAT = 'Gitleaks report';
/** Each entry in the shape its keys say: v8 has `RuleID`, v7 has `rule`. */
function leakOf(raw, where, field) {
    if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'rule' in raw && !('RuleID' in raw)) {
        return fromV7(validateAt(LeakV7, raw, where, FORMAT, field));
    }
    return fromV8(validateAt(LeakV8, raw, where, FORMAT, field));
}
async function* parseReport(file, options = {}) {
    const where = file.name;
    const list = validateAt(z.array(z.unknown()).nullable(), parseUntrustedJson(await file.text(), where), where, FORMAT) ?? [];
    const leaks = list.map((raw, i) => leakOf(raw, where, `[${i}]`));
    // A leak with a repository link names the repository; else the report does (the CLI may override).
    const repoUid = leaks.map((l) => (l.repositoryUri ? repositoryUid(l.repositoryUri) : undefined)).find((u) => u);
    const asset = withSubject(repoUid
        ? repositoryAsset(repoUid, 'report-uri')
        : repositoryAsset(reportSubjectUid(where), 'report-file', { reportFile: where }), options.subject);
    const scope = `gitleaks-json:${asset.uid}`;
    const set = new FindingSet();
    for (const l of leaks)
        set.add(leakSighting(asset.uid, l));
    yield { type: 'coverage', scope, coverage: 'complete' };
    yield { type: 'asset', scope, asset };
    for (const finding of set.drain())
        yield { type: 'finding', scope, finding };
}
/** Gitleaks' JSON report (`gitleaks detect --report-format json`), v8 and v7. */
export const gitleaksJson = {
    id: 'gitleaks-json',
    type: 'gitleaks-json',
    version: 1,
    accepts: (file) => looksLikeGitleaksJson(file.head),
    parse: (file, options) => parseReport(file, options),
};
//# sourceMappingURL=parser.js.map