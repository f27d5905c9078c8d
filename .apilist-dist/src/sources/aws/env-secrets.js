import { secretDigest } from '../shared/secret-digest.js';
// Token formats published by their issuers; unanchored, so a token inside a URL or a JSON blob is found too.
const DETECTORS = [
    { id: 'private-key', description: 'Private key', severity: 'critical',
        pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$)/g },
    { id: 'aws-access-key-id', description: 'AWS access key id', severity: 'high', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
    // A secret access key has no prefix: 40 base64 characters, recognised by the variable naming it.
    { id: 'aws-secret-access-key', description: 'AWS secret access key', severity: 'critical',
        name: /secret.?access.?key|aws.?secret/i, pattern: /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g },
    { id: 'github-token', description: 'GitHub token', severity: 'high', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g },
    { id: 'slack-token', description: 'Slack token', severity: 'high', pattern: /\bxox[baprs]-[0-9A-Za-z-]{10,250}/g },
];
/** Names that say "this is a secret": `DB_PASSWORD`, `CLIENT_SECRET`, `API_TOKEN`, `STRIPE_API_KEY`... */
const SECRET_NAME = /(?:^|_|-)(?:SECRET|TOKEN|PASSWORD|PASSWD|PASS|PWD|API_?KEY|PRIVATE_?KEY|CREDENTIALS?)(?:$|_|-)/i;
// Values that point at a secret instead of holding one: an ARN, a parameter path, a template.
const REFERENCE = /^(?:arn:|\{\{resolve:|\$\{|\/|ssm:|secretsmanager:)/i;
/** Shannon entropy in bits per character. */
function entropy(s) {
    const counts = new Map();
    for (const c of s)
        counts.set(c, (counts.get(c) ?? 0) + 1);
    let h = 0;
    for (const n of counts.values())
        h -= (n / s.length) * Math.log2(n / s.length);
    return h;
}
/** A value under a secret-sounding name that looks generated rather than a placeholder or a setting. */
function isGenericSecret(value) {
    const v = value.trim();
    return v.length >= 8 && !/\s/.test(v) && !REFERENCE.test(v) && !/^(?:true|false|\d+)$/i.test(v) && entropy(v) >= 3;
}
export function redact(secret) {
    return `${secret.slice(0, 4)}…(${secret.length} chars)`;
}
function hit(variable, d, secret) {
    return { variable, detector: d.id, description: d.description, severity: d.severity, redacted: redact(secret), digest: secretDigest(secret) };
}
/**
 * The secrets in a set of environment variables: known token formats anywhere in a value, else a
 * high-entropy value under a secret-sounding name. One hit per distinct secret per variable.
 */
export function scanEnvironment(variables) {
    const hits = [];
    for (const [name, value] of Object.entries(variables)) {
        const found = new Map();
        for (const d of DETECTORS) {
            if (d.name && !d.name.test(name))
                continue;
            for (const m of value.matchAll(d.pattern)) {
                // A match inside an earlier one (a token within a private key block) is the same secret.
                if (![...found.keys()].some((s) => s.includes(m[0])))
                    found.set(m[0], hit(name, d, m[0]));
            }
        }
        if (found.size === 0 && SECRET_NAME.test(name) && isGenericSecret(value)) {
            found.set(value, hit(name, { id: 'generic-secret', description: 'Secret', severity: 'medium' }, value.trim()));
        }
        hits.push(...found.values());
    }
    return hits;
}
//# sourceMappingURL=env-secrets.js.map