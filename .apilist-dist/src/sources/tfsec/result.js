import { ruleFingerprint } from '../../findings/fingerprint.js';
const SEVERITIES = {
    critical: 'critical', high: 'high', error: 'high', medium: 'medium', warning: 'medium', low: 'low', info: 'info',
};
export function severityOf(word) {
    const w = (word ?? '').toLowerCase();
    return Object.hasOwn(SEVERITIES, w) ? SEVERITIES[w] : 'medium';
}
/** A result that passed or was ignored (`#tfsec:ignore`) is no problem. */
export function isFailure(r) {
    if (r.passed === true)
        return false;
    if (r.status == null)
        return true;
    return r.status === 'failed' || r.status === 0;
}
/**
 * The resource a result is about: tfsec ≥ 1.0 says so (`resource`); older versions only in the
 * description (`Resource 'module.vpc:aws_network_acl_rule.public[0]' defines ...`).
 */
export function resourceOf(r) {
    if (r.resource)
        return r.resource;
    const m = /^(?:Resource|Block) '([^']+)'/.exec(r.description ?? '');
    return m ? m[1] : null;
}
/**
 * A failed check as a sighting of a `config` finding. Identity is the rule, the file and the resource
 * (stable when lines move; one module file used by six module instances is six resources); without a
 * resource, the line range. tfsec reports one resource at several lines (one per attribute): those are
 * occurrences of one finding.
 */
export function resultSighting(assetUid, r) {
    if (!isFailure(r))
        return undefined;
    const resource = resourceOf(r);
    const loc = r.location;
    const where = resource ? `resource:${resource}` : `lines:${loc.start_line ?? 0}-${loc.end_line ?? loc.start_line ?? 0}`;
    const occurrence = {
        path: loc.filename,
        startLine: loc.start_line ?? null,
        endLine: loc.end_line ?? loc.start_line ?? null,
        resource,
        message: r.description ?? null,
    };
    const links = [...(r.links ?? []), ...(r.link ? [r.link.replace(/^See (\S+).*$/, '$1')] : [])];
    return {
        occurrence,
        finding: {
            fingerprint: ruleFingerprint('config', r.rule_id, assetUid, `${loc.filename}#${where}`),
            kind: 'config',
            ruleId: r.rule_id,
            title: r.rule_description || r.rule_id,
            description: [r.description, r.impact ? `Impact: ${r.impact}` : null].filter(Boolean).join('\n') || null,
            severity: severityOf(r.severity),
            assetUid,
            evidence: occurrence,
            remediation: r.resolution ?? null,
            properties: {
                longId: r.long_id ?? null,
                legacyRuleId: r.legacy_rule_id ?? null,
                provider: r.rule_provider ?? null,
                service: r.rule_service ?? null,
                impact: r.impact ?? null,
                links,
            },
            originalId: r.long_id ?? r.rule_id,
        },
    };
}
//# sourceMappingURL=result.js.map