import { z } from 'zod';
import { complianceFromObject } from '../prowler/compliance.js';
import { listOf, text } from '../prowler/check-result.js';
/**
 * Prowler 3's JSON output (`-M json`): a list of check results with PascalCase keys. AWS results carry
 * AccountId/Region/ResourceId/ResourceArn, Azure ones Subscription/ResourceId/ResourceName, GCP ones
 * ProjectId/Location/ResourceId/ResourceName, Kubernetes ones Context/Namespace/ResourceId/ResourceName.
 */
const str = z.string().nullish();
const strOrList = z.union([z.string(), z.array(z.string())]).nullish();
/** Account ids are strings, but some writers emit them as numbers (and lose nothing at 12 digits). */
const id = z.union([z.string(), z.number()]).nullish().transform((v) => (v == null ? null : String(v)));
export const V3Result = z.object({
    FindingUniqueId: str,
    Provider: str,
    CheckID: z.string().min(1),
    CheckTitle: str,
    CheckType: strOrList,
    ServiceName: str,
    Status: z.string(),
    StatusExtended: str,
    Muted: z.boolean().nullish(),
    Severity: str,
    ResourceType: str,
    Description: str,
    Risk: str,
    RelatedUrl: str,
    Remediation: z.object({ Recommendation: z.object({ Text: str, Url: str }).nullish() }).nullish(),
    Compliance: z.record(z.string(), z.unknown()).nullish(),
    Categories: strOrList,
    AccountId: id,
    Region: str,
    ResourceId: str,
    ResourceArn: str,
    ResourceName: str,
    Subscription: str,
    ProjectId: str,
    Location: str,
    Context: str,
    Namespace: str,
});
/** The scoping account of a result, by provider. */
function accountOf(r, provider) {
    if (provider === 'azure')
        return text(r.Subscription) ?? '';
    if (provider === 'gcp')
        return text(r.ProjectId) ?? '';
    if (provider === 'kubernetes')
        return text(r.Context) ?? '';
    return text(r.AccountId) ?? '';
}
function regionOf(r, provider) {
    if (provider === 'kubernetes')
        return r.Namespace ? `namespace: ${r.Namespace}` : '';
    return text(r.Region) ?? text(r.Location) ?? '';
}
export function v3Result(r) {
    const provider = text(r.Provider)?.toLowerCase() ?? 'aws';
    const aws = provider === 'aws';
    const rec = r.Remediation?.Recommendation;
    return {
        checkId: r.CheckID,
        status: r.Status.trim().toUpperCase(),
        muted: r.Muted === true || r.Status.trim().toUpperCase() === 'MUTED',
        provider,
        account: accountOf(r, provider),
        region: regionOf(r, provider),
        partition: null,
        severity: text(r.Severity),
        checkTitle: text(r.CheckTitle),
        statusExtended: text(r.StatusExtended),
        checkDescription: text(r.Description),
        risk: text(r.Risk),
        remediation: text(rec?.Text),
        references: listOf([r.RelatedUrl ?? '', rec?.Url ?? '']),
        compliance: complianceFromObject(r.Compliance),
        // AWS: the ARN is the uid and ResourceId a bare id or name; elsewhere ResourceId is the provider's id.
        resource: {
            uid: aws ? text(r.ResourceArn) : text(r.ResourceId),
            name: aws ? text(r.ResourceId) : text(r.ResourceName) ?? text(r.ResourceId),
            type: text(r.ResourceType),
            namespace: text(r.Namespace),
        },
        findingUid: text(r.FindingUniqueId),
        service: text(r.ServiceName),
        categories: listOf(r.Categories, /\s*[,|]\s*/),
        checkType: listOf(r.CheckType, /\s*[,|]\s*/),
        version: null,
    };
}
//# sourceMappingURL=v3.js.map