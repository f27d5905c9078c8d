import { complianceFromObject } from '../prowler/compliance.js';
import { listOf, text } from '../prowler/check-result.js';
/**
 * The provider of a finding: OCSF's `cloud.provider`; Prowler writes no `cloud` object for Kubernetes, whose
 * findings are told by their uid (`prowler-kubernetes-...`) or their `container` profile.
 */
function providerOf(f) {
    const given = text(f.cloud?.provider)?.toLowerCase();
    if (given)
        return given;
    const fromUid = /^prowler-([a-z0-9]+)-/.exec(f.finding_info?.uid ?? '')?.[1];
    if (fromUid)
        return fromUid;
    if (f.metadata.profiles?.includes('container') || f.resources?.some((r) => r.namespace))
        return 'kubernetes';
    return 'unknown';
}
/** Kubernetes findings have a namespace where cloud findings have a region; Prowler's CSV writes it `namespace: <ns>`. */
function regionOf(f) {
    const r = f.resources?.[0];
    const region = text(f.cloud?.region) ?? text(r?.region);
    if (region)
        return region;
    return r?.namespace ? `namespace: ${r.namespace}` : '';
}
/** One OCSF Detection Finding as a Prowler check result. */
export function ocsfResult(f) {
    const r = f.resources?.[0];
    const u = f.unmapped;
    const references = [...listOf(f.remediation?.references), ...listOf(u?.related_url ? [u.related_url] : []), ...listOf(u?.additional_urls)];
    return {
        checkId: f.metadata.event_code,
        status: f.status_code.trim().toUpperCase(),
        // Prowler marks results muted by its mutelist as `Suppressed`.
        muted: (f.status ?? '').toLowerCase() === 'suppressed',
        provider: providerOf(f),
        account: text(f.cloud?.account?.uid) ?? '',
        region: regionOf(f),
        partition: text(r?.cloud_partition),
        severity: text(f.severity),
        checkTitle: text(f.finding_info?.title),
        statusExtended: text(f.status_detail) ?? text(f.message),
        checkDescription: text(f.finding_info?.desc),
        risk: text(f.risk_details),
        remediation: text(f.remediation?.desc),
        references,
        compliance: complianceFromObject(u?.compliance),
        resource: { uid: text(r?.uid), name: text(r?.name), type: text(r?.type), namespace: text(r?.namespace) },
        findingUid: text(f.finding_info?.uid),
        service: text(r?.group?.name),
        categories: listOf(u?.categories, /\s*[,|]\s*/),
        checkType: listOf(u?.check_type, /\s*[,|]\s*/),
        version: text(f.metadata.product?.version),
    };
}
//# sourceMappingURL=results.js.map