import { hash, verify } from '@node-rs/argon2';
/** Shortest password accepted when a person chooses one. */
export const MIN_PASSWORD_LENGTH = 12;
/** argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 iterations). */
export function hashPassword(password) {
    return hash(password);
}
export async function verifyPassword(stored, password) {
    if (!stored)
        return false;
    try {
        return await verify(stored, password);
    }
    catch {
        return false; // a malformed stored hash never authenticates
    }
}
//# sourceMappingURL=passwords.js.map