import { FindingSet } from '../trivy/finding-set.js';
import { regionOf } from './cloud-resource.js';
import { checkSighting, isOpenFailure, referenceAsset } from './sighting.js';
/**
 * The mark-and-sweep scope of a Prowler run: one account × region. A Prowler report covers every check of
 * the accounts and regions it names, so re-importing a newer report of the same account resolves what was
 * fixed there and leaves other accounts untouched. Non-AWS providers carry the provider in the scope.
 */
export function prowlerScope(result) {
    const account = result.account.trim() || 'unknown';
    const region = regionOf(result);
    return result.provider === 'aws' ? `prowler:${account}:${region}` : `prowler:${result.provider}:${account}:${region}`;
}
const ANONYMOUS = 'the report does not name the account, subscription, project or cluster it covers; findings it no longer lists are kept open';
/**
 * Every result of one report as records: a complete coverage statement for each account × region the report
 * names (also those where everything passed: that is what resolves fixed findings; partial when the report
 * does not name the account), the resources of failed
 * checks as reference assets, and one finding per fingerprint with every sighting kept as evidence.
 */
export function* prowlerRecords(results) {
    const scopes = new Map();
    for (const result of results) {
        const scope = prowlerScope(result);
        let state = scopes.get(scope);
        if (!state) {
            state = { assets: new Map(), findings: new FindingSet(), anonymous: false };
            scopes.set(scope, state);
        }
        if (!result.account.trim())
            state.anonymous = true;
        if (!isOpenFailure(result))
            continue;
        const { ref, sighting } = checkSighting(result);
        if (!state.assets.has(ref.uid))
            state.assets.set(ref.uid, referenceAsset(ref));
        state.findings.add(sighting);
    }
    for (const [scope, state] of scopes) {
        yield state.anonymous ? { type: 'coverage', scope, coverage: 'partial', error: ANONYMOUS } : { type: 'coverage', scope, coverage: 'complete' };
        for (const asset of state.assets.values())
            yield { type: 'asset', scope, asset };
        for (const finding of state.findings.drain())
            yield { type: 'finding', scope, finding };
    }
}
//# sourceMappingURL=records.js.map