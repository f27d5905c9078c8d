import { createHmac } from 'node:crypto';
/**
 * Secret scanners report the same leaked value once per commit or line; its identity is the value itself,
 * which must never be stored. This keyed hash stands in for it inside fingerprints. The fixed key is a
 * domain separator: a stored fingerprint cannot be matched against tables of plain hashes of known
 * tokens. It is not a defence against brute force of a weak secret by someone who has this code.
 */
const KEY = 'mothership/secret-identity/v1';
export function secretDigest(secret) {
    return createHmac('sha256', KEY).update(secret).digest('hex');
}
/** Values scanners write in place of a secret they were told to hide: no identity in them. */
export function isRedactedSecret(secret) {
    const s = (secret ?? '').trim();
    return s === '' || /^REDACTED\w{0,2}$/i.test(s) || /^\*+$/.test(s) || /^\[REDACTED\]$/i.test(s);
}
/**
 * Text about a secret (a message, a title) with anything token-like masked: runs of 12+ key characters
 * mixing letters and digits. Defence in depth for tools that quote the secret in prose.
 */
export function maskTokens(text) {
    return text.replace(/[A-Za-z0-9+/_=.-]{12,}/g, (t) => (/[A-Za-z]/.test(t) && /\d/.test(t) ? '[REDACTED]' : t));
}
//# sourceMappingURL=secret-digest.js.map