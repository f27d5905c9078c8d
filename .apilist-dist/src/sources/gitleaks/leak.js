import { ruleFingerprint } from '../../findings/fingerprint.js';
import { isRedactedSecret, secretDigest } from '../shared/secret-digest.js';
const REMEDIATION = 'Revoke and rotate the secret, then remove it from the file and from the git history.';
/**
 * One leak as a sighting of a `secret` finding. Identity is the rule, the file and a keyed hash of the
 * secret: the same secret in the same file is one finding however many commits carry it (each commit is
 * an occurrence), and it survives lines moving. A report run with `--redact` has no secret to hash; the
 * line stands in. The secret, the matched text and the line are never stored.
 */
export function leakSighting(assetUid, l) {
    const redacted = isRedactedSecret(l.secret);
    const where = redacted ? `line:${l.startLine ?? 0}` : `secret:${secretDigest(l.secret)}`;
    const title = l.description ?? l.ruleId;
    const occurrence = {
        path: l.file,
        startLine: l.startLine,
        endLine: l.endLine,
        commit: l.commit,
        author: l.author,
        date: l.date,
        link: l.link,
        gitleaksFingerprint: l.gitleaksFingerprint,
        identity: redacted ? 'line' : 'secret',
    };
    return {
        occurrence,
        finding: {
            fingerprint: ruleFingerprint('secret', l.ruleId, assetUid, `${l.file}#${where}`),
            kind: 'secret',
            ruleId: l.ruleId,
            title,
            description: `${title} found in ${l.file}${l.startLine ? ` at line ${l.startLine}` : ''}.`,
            // Gitleaks rates nothing; a live credential in a repository is a high-severity problem.
            severity: 'high',
            assetUid,
            evidence: occurrence,
            remediation: REMEDIATION,
            properties: { tags: l.tags },
            originalId: l.ruleId,
        },
    };
}
//# sourceMappingURL=leak.js.map