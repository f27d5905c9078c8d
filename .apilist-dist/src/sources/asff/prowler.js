import { listOf, text } from '../prowler/check-result.js';
import { complianceFromRequirements } from '../prowler/compliance.js';
/**
 * A finding of Prowler's ASFF output as the Prowler check result it is, so that it gets the fingerprint the
 * Prowler parsers give the same result: the same check on the same resource seen through Security Hub and
 * in Prowler's own report is one finding with two sources.
 */
export function prowlerResultOf(f, place, open) {
    const r = f.Resources[0];
    const compliance = (f.Compliance?.Status ?? '').trim().toUpperCase();
    const resourceName = typeof f.ProductFields?.ProwlerResourceName === 'string' ? f.ProductFields.ProwlerResourceName : null;
    return {
        checkId: f.GeneratorId.replace(/^prowler-/, ''),
        status: compliance === 'FAILED' ? 'FAIL' : compliance === 'PASSED' ? 'PASS' : compliance || 'FAIL',
        // Suppressed or archived in Security Hub: not open, like a result muted in Prowler.
        muted: !open && compliance === 'FAILED',
        provider: 'aws',
        account: place.account,
        region: text(r.Region) ?? place.region,
        partition: text(r.Partition),
        severity: text(f.Severity?.Label),
        checkTitle: text(f.Title),
        statusExtended: text(f.Description),
        checkDescription: null,
        risk: null,
        remediation: text(f.Remediation?.Recommendation?.Text),
        references: listOf([f.Remediation?.Recommendation?.Url ?? '']),
        compliance: complianceFromRequirements(f.Compliance?.RelatedRequirements ?? []),
        resource: { uid: text(r.Id), name: text(resourceName) ?? text(r.Id), type: text(r.Type), namespace: null },
        findingUid: f.Id,
        service: null,
        categories: [],
        checkType: f.Types,
        version: typeof f.ProductFields?.ProviderVersion === 'string' ? f.ProductFields.ProviderVersion : null,
    };
}
//# sourceMappingURL=prowler.js.map