import { ruleFingerprint } from '../../findings/fingerprint.js';
import { layerOf } from './context.js';
import { severityOf } from './finding-set.js';
export const REDACTED = '[REDACTED]';
/** The left side of `KEY=value`, `key: value`, `"key": "value"`, `ENV KEY=value`: a name, not the secret. */
const ASSIGNMENT = /^\s*((?:export\s+|ENV\s+|set\s+)?["']?[A-Za-z_][\w.-]{0,99}["']?)\s*(=|:)/;
/**
 * The matched line with the secret gone. Trivy masks the secret with asterisks; the key name left of
 * the assignment is kept only when the masked part is right of it (so the key cannot be the secret), and
 * nothing right of the assignment is ever kept. Anything else (an unmasked match from an old version or
 * a custom rule, a PEM block) is dropped whole.
 */
export function redactMatch(match) {
    const firstLine = (match ?? '').split(/\r?\n/, 1)[0] ?? '';
    const m = ASSIGNMENT.exec(firstLine);
    if (!m || !firstLine.slice(m[0].length).includes('*'))
        return { redacted: REDACTED, key: null };
    const key = m[1].trim();
    return { redacted: `${key}${m[2]}${REDACTED}`, key };
}
/**
 * A secret as a sighting of a `secret` finding on the artifact. The secret itself never leaves this
 * function: Match is redacted and Code (the unmasked surrounding lines) is not even read by the schema.
 * Identity is the file and the key name when there is one (stable when lines move), else the line.
 */
export function secretSighting(ctx, result, s) {
    const { redacted, key } = redactMatch(s.Match);
    const where = key ? `key:${key}` : `line:${s.StartLine ?? 0}`;
    const title = s.Title || s.RuleID;
    const occurrence = {
        target: result.Target,
        startLine: s.StartLine ?? null,
        endLine: s.EndLine ?? null,
        match: redacted,
        layer: layerOf(s.Layer),
    };
    return {
        occurrence,
        finding: {
            fingerprint: ruleFingerprint('secret', s.RuleID, ctx.assetUid, `${result.Target}#${where}`),
            kind: 'secret',
            ruleId: s.RuleID,
            title,
            description: `${title} found in ${result.Target || 'the artifact'}${s.StartLine ? ` at line ${s.StartLine}` : ''}.`,
            severity: severityOf(s.Severity),
            assetUid: ctx.assetUid,
            evidence: occurrence,
            remediation: 'Revoke and rotate the secret, then remove it from the file and from its history (git history, image layers).',
            properties: { category: s.Category ?? null },
            originalId: s.RuleID,
        },
    };
}
//# sourceMappingURL=secrets.js.map