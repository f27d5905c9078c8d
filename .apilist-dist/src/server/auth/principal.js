/** Roles, most powerful first. Analysts and admins see every tenant; members and viewers only their own. */
export const ROLES = ['admin', 'analyst', 'member', 'viewer'];
/**
 * What a route requires. Every route declares one (a test fails otherwise):
 * - public: no login (health, login itself, the OpenAPI document);
 * - read: any logged-in user, data scoped to the tenant;
 * - write: changes findings (triage, comments, ingest): everyone but viewers;
 * - admin: users, tokens, settings.
 */
export const POLICIES = ['public', 'read', 'write', 'admin'];
export function isRole(v) {
    return typeof v === 'string' && ROLES.includes(v);
}
export function allows(policy, principal) {
    if (policy === 'public')
        return true;
    if (!principal)
        return false;
    if (policy === 'read')
        return true;
    if (policy === 'write')
        return principal.role !== 'viewer';
    return principal.role === 'admin';
}
/** A role may only hand out roles at most as strong as its own (tokens of a user). */
export function roleAtMost(role, ceiling) {
    return ROLES.indexOf(role) >= ROLES.indexOf(ceiling);
}
/** True when the principal sees every tenant. */
export function seesAllTenants(p) {
    return p.tenant === null && (p.role === 'admin' || p.role === 'analyst');
}
//# sourceMappingURL=principal.js.map