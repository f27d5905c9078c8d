import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
/** A random secret with a recognizable prefix (so leaked tokens can be found by secret scanners). */
export function newSecret(prefix, bytes = 32) {
    return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}
/** Tokens and session ids are high-entropy: a fast hash is enough, and lets lookup be an index probe. */
export function sha256(text) {
    return createHash('sha256').update(text).digest('hex');
}
export function sameSecret(a, b) {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
}
//# sourceMappingURL=secrets.js.map