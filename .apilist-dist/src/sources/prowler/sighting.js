import { ruleFingerprint } from '../../findings/fingerprint.js';
import { severityOf } from '../trivy/finding-set.js';
import { regionOf, resourceOf } from './cloud-resource.js';
/** The rule id of a Prowler check, the same in every Prowler format (and in Prowler's ASFF output). */
export function prowlerRuleId(checkId) {
    return `prowler:${checkId}`;
}
/** A result is an open finding only when it failed and was not muted; PASS, MANUAL and INFO are not problems. */
export function isOpenFailure(result) {
    return result.status === 'FAIL' && !result.muted;
}
/**
 * The place of a result within its asset. Prowler's own result id is check × account × region × resource,
 * so the region is part of it (account-wide checks run once per region). When the resource could not be
 * resolved to its own uid the finding hangs on the account, and the tool's resource id (or, when there is
 * none, the message) keeps distinct resources distinct.
 */
export function locationOf(result, ref) {
    const region = regionOf(result);
    if (ref.exact)
        return region;
    const what = result.resource.uid || result.resource.name || result.statusExtended || '';
    return `${region}#${what}`;
}
/** The asset a finding points at, as a reference: it never overwrites the collector's definition. */
export function referenceAsset(ref) {
    return { uid: ref.uid, kind: ref.kind, name: ref.name, provider: ref.provider, account: ref.account, region: ref.region, reference: true };
}
/**
 * A failed check as a sighting of a `config` finding on its resource:
 * `ruleFingerprint('config', 'prowler:<check>', <resource uid>, <region[#resource]>)`.
 */
export function checkSighting(result) {
    const ref = resourceOf(result);
    const ruleId = prowlerRuleId(result.checkId);
    const occurrence = {
        region: regionOf(result),
        resourceUid: result.resource.uid,
        resourceName: result.resource.name,
        resourceType: result.resource.type,
        message: result.statusExtended,
    };
    const references = [...new Set(result.references)];
    return {
        ref,
        sighting: {
            occurrence,
            finding: {
                fingerprint: ruleFingerprint('config', ruleId, ref.uid, locationOf(result, ref)),
                kind: 'config',
                ruleId,
                title: result.checkTitle || result.checkId,
                description: result.statusExtended || result.checkDescription,
                severity: severityOf(result.severity),
                assetUid: ref.uid,
                evidence: occurrence,
                remediation: result.remediation,
                properties: {
                    tool: 'prowler',
                    checkId: result.checkId,
                    provider: result.provider,
                    account: result.account || null,
                    service: result.service,
                    checkDescription: result.checkDescription,
                    risk: result.risk,
                    references,
                    compliance: result.compliance,
                    categories: result.categories,
                    checkType: result.checkType,
                },
                originalId: result.findingUid || result.checkId,
            },
        },
    };
}
//# sourceMappingURL=sighting.js.map