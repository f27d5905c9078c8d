import { MothershipError } from '../../model/errors.js';
import { parseUntrustedJson } from '../json.js';
import { validateAt } from '../shared/validate.js';
import { finalizePackageVuln } from '../shared/package-vuln.js';
import { FindingSet } from '../trivy/finding-set.js';
import { Identities } from './identity.js';
import { LocationResolver } from './locations.js';
import { messageText } from './message.js';
import { resultSighting } from './result.js';
import { RuleIndex } from './rules.js';
import { SarifLog, SarifResult, SarifRun } from './schema.js';
import { looksLikeSarif } from './sniff.js';
import { subjectOf } from './subject.js';
const FORMAT = 'SARIF';
/** `CodeQL` → `codeql`, `Shell Script Analysis` → `shell-script-analysis`: the tool's part of a scope. */
export function toolSlug(name) {
    return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'unknown';
}
/**
 * GitHub code scanning's analysis category: `runAutomationDetails.id` up to its last `/`. Two analyses of
 * one repository by one tool in different categories (one per language, say) must not sweep each other.
 * The part after the last `/` identifies the run itself and must stay out of the scope.
 */
export function categoryOf(run) {
    const id = run.automationDetails?.id?.trim() ?? '';
    const slash = id.lastIndexOf('/');
    return slash > 0 ? id.slice(0, slash) : null;
}
/** Why a run did not cover its subject completely, or null when it did. */
function incompleteness(run) {
    const failed = run.invocations.find((inv) => inv.executionSuccessful === false);
    if (!failed)
        return null;
    const note = failed.toolExecutionNotifications.find((n) => (n.level ?? '').toLowerCase() === 'error') ?? failed.toolExecutionNotifications[0];
    const text = note?.message ? messageText(note.message, undefined, run.tool.driver) : null;
    return `${run.tool.driver.name || 'the tool'} reported an unsuccessful execution${text ? `: ${text.slice(0, 500)}` : ''}`;
}
async function* parseLog(file, options = {}) {
    const where = file.name;
    const log = validateAt(SarifLog, parseUntrustedJson(await file.text(), where), where, FORMAT);
    if (log.version && !/^2\.1(\.|$)/.test(log.version)) {
        throw new MothershipError('UNSUPPORTED', `${where}: SARIF version ${log.version} is not supported (only 2.1.0)`);
    }
    const scopes = new Map();
    for (const [i, raw] of log.runs.entries()) {
        const field = `runs[${i}]`;
        const run = validateAt(SarifRun, raw, where, FORMAT, field);
        const driver = run.tool.driver;
        const tool = { name: driver.name || 'unknown', version: driver.semanticVersion ?? driver.version ?? null };
        const category = categoryOf(run);
        const scopeOf = (uid) => `sarif:${toolSlug(tool.name)}${category ? `/${category}` : ''}:${uid}`;
        const locations = new LocationResolver(run);
        const subject = subjectOf(run, where, locations.roots, scopeOf, options.subject);
        const scope = scopeOf(subject.asset.uid);
        let state = scopes.get(scope);
        if (!state) {
            state = {
                coverage: 'complete', error: null, records: [{ type: 'asset', scope, asset: subject.asset }, ...subject.related],
                identities: new Identities(), vulns: new FindingSet(finalizePackageVuln), others: new FindingSet(),
            };
            scopes.set(scope, state);
        }
        const ctx = { tool, assetUid: subject.asset.uid, rules: new RuleIndex(run), locations, identities: state.identities };
        for (const [j, rawResult] of run.results.entries()) {
            const result = validateAt(SarifResult, rawResult, where, FORMAT, `${field}.results[${j}]`);
            const s = resultSighting(ctx, result);
            if (s)
                (s.finding.kind === 'vuln' ? state.vulns : state.others).add(s);
        }
        const error = incompleteness(run);
        if (error) {
            state.coverage = 'partial';
            state.error ??= error;
        }
    }
    for (const [scope, state] of scopes) {
        yield { type: 'coverage', scope, coverage: state.coverage, error: state.error };
        yield* state.records;
        for (const finding of state.vulns.drain())
            yield { type: 'finding', scope, finding };
        for (const finding of state.others.drain())
            yield { type: 'finding', scope, finding };
    }
}
/**
 * SARIF 2.1.0 from any tool (CodeQL, Semgrep, Trivy, Grype, gitleaks, ...). One scope per tool (and
 * analysis category) and subject, so a new log from the same tool resolves what it no longer reports.
 * One finding per result, all its locations in evidence.
 */
export const sarif = {
    id: 'sarif',
    type: 'sarif',
    version: 1,
    accepts: (file) => looksLikeSarif(file.head),
    parse: (file, options) => parseLog(file, options),
};
//# sourceMappingURL=parser.js.map