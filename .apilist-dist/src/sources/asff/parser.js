import { badInput } from '../../model/errors.js';
import { parseUntrustedJson } from '../json.js';
import { referenceAsset } from '../prowler/sighting.js';
import { refuseSubject } from '../shared/subject.js';
import { validateAt } from '../shared/validate.js';
import { finalizePackageVuln } from '../shared/package-vuln.js';
import { FindingSet } from '../trivy/finding-set.js';
import { asffSightings } from './sightings.js';
import { AsffFinding } from './schema.js';
import { looksLikeAsff } from './sniff.js';
const FORMAT = 'ASFF';
/** The findings list of a Security Hub export (`Findings`, or `findings` in some exports) or a bare list. */
function findingsOf(doc, where) {
    if (Array.isArray(doc))
        return { list: doc, field: '' };
    if (doc && typeof doc === 'object') {
        for (const field of ['Findings', 'findings']) {
            const value = doc[field];
            if (value === undefined)
                continue;
            if (!Array.isArray(value))
                throw badInput(where, `${FORMAT} field ${field}: expected an array`);
            return { list: value, field };
        }
    }
    throw badInput(where, `${FORMAT} field Findings: missing; expected {"Findings": [...]} or a list of findings`);
}
async function* parseAsff(file, options) {
    const where = file.name;
    refuseSubject(options, where, asffJson.type, 'each ASFF finding is on the resources (ARNs) it names');
    const { list, field } = findingsOf(parseUntrustedJson(await file.text(), where), where);
    const scopes = new Map();
    for (const [i, raw] of list.entries()) {
        const f = validateAt(AsffFinding, raw, where, FORMAT, `${field}[${i}]`);
        const s = asffSightings(f);
        let state = scopes.get(s.scope);
        if (!state) {
            state = { assets: new Map(), vulns: new FindingSet(finalizePackageVuln), others: new FindingSet() };
            scopes.set(s.scope, state);
        }
        for (const ref of s.refs)
            if (!state.assets.has(ref.uid))
                state.assets.set(ref.uid, referenceAsset(ref));
        for (const v of s.vulns)
            state.vulns.add(v);
        for (const o of s.others)
            state.others.add(o);
    }
    // Every account × region × product the export names is complete: what it no longer lists was fixed.
    for (const [scope, state] of scopes) {
        yield { type: 'coverage', scope, coverage: 'complete' };
        for (const asset of state.assets.values())
            yield { type: 'asset', scope, asset };
        for (const finding of state.vulns.drain())
            yield { type: 'finding', scope, finding };
        for (const finding of state.others.drain())
            yield { type: 'finding', scope, finding };
    }
}
/** AWS Security Finding Format: Security Hub exports and the ASFF of GuardDuty, Inspector, Prowler, Trivy... */
export const asffJson = {
    id: 'asff-json',
    type: 'asff-json',
    version: 1,
    accepts: (file) => looksLikeAsff(file.head),
    parse: (file, options) => parseAsff(file, options),
};
//# sourceMappingURL=parser.js.map