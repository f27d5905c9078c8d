import { ruleFingerprint } from '../../findings/fingerprint.js';
import { badInput } from '../../model/errors.js';
import { layerOf } from './context.js';
import { severityOf } from './finding-set.js';
/**
 * Where in the target the check failed. The resource name (`aws_s3_bucket.logs`, `module.vpc`) survives
 * edits elsewhere in the file; line numbers are the fallback for formats without resource names
 * (Dockerfile, Kubernetes YAML), so two failures of one check in one file stay two findings.
 */
export function causeLocation(m) {
    const c = m.CauseMetadata;
    if (c?.Resource)
        return `resource:${c.Resource}`;
    if (c?.StartLine)
        return `lines:${c.StartLine}-${c.EndLine ?? c.StartLine}`;
    return '';
}
/**
 * A failed check as a sighting of a `config` finding on the artifact; passed and excepted checks yield
 * nothing. `field` names the entry (`Results[2].Misconfigurations[0]`) for errors.
 */
export function misconfigSighting(ctx, result, m, where, field) {
    if (m.Status && m.Status !== 'FAIL')
        return undefined;
    const ruleId = m.AVDID || m.ID;
    if (!ruleId)
        throw badInput(where, `Trivy report field ${field}.ID: a misconfiguration needs an ID or AVDID`);
    const c = m.CauseMetadata;
    const location = causeLocation(m);
    const occurrence = {
        target: result.Target,
        message: m.Message ?? null,
        resource: c?.Resource ?? null,
        provider: c?.Provider ?? null,
        service: c?.Service ?? null,
        startLine: c?.StartLine ?? null,
        endLine: c?.EndLine ?? null,
        layer: layerOf(m.Layer),
    };
    return {
        occurrence,
        finding: {
            fingerprint: ruleFingerprint('config', ruleId, ctx.assetUid, `${result.Target}#${location}`),
            kind: 'config',
            ruleId,
            title: m.Title || ruleId,
            description: m.Description || null,
            severity: severityOf(m.Severity),
            assetUid: ctx.assetUid,
            evidence: occurrence,
            remediation: m.Resolution || null,
            properties: {
                checkType: m.Type ?? null,
                id: m.ID ?? null,
                avdId: m.AVDID ?? null,
                namespace: m.Namespace ?? null,
                query: m.Query ?? null,
                primaryUrl: m.PrimaryURL ?? null,
                references: m.References,
                resultType: result.Type ?? null,
            },
            originalId: m.ID || ruleId,
        },
    };
}
//# sourceMappingURL=misconfigs.js.map