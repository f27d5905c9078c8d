/** Roles, most powerful first. Analysts and admins see every tenant; members and viewers only their own. */
export const ROLES = ['admin', 'analyst', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is making a request, after authentication. */
export interface Principal {
  userId: number;
  name: string;
  role: Role;
  /** The tenant a member or viewer is confined to; null for all tenants (admin, analyst). */
  tenant: string | null;
  via: 'token' | 'session';
}

/**
 * What a route requires. Every route declares one (a test fails otherwise):
 * - public: no login (health, login itself, the OpenAPI document);
 * - read: any logged-in user, data scoped to the tenant;
 * - write: changes findings (triage, comments, ingest): everyone but viewers;
 * - admin: users, tokens, settings.
 */
export const POLICIES = ['public', 'read', 'write', 'admin'] as const;
export type Policy = (typeof POLICIES)[number];

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

export function allows(policy: Policy, principal: Principal | null): boolean {
  if (policy === 'public') return true;
  if (!principal) return false;
  if (policy === 'read') return true;
  if (policy === 'write') return principal.role !== 'viewer';
  return principal.role === 'admin';
}

/** A role may only hand out roles at most as strong as its own (tokens of a user). */
export function roleAtMost(role: Role, ceiling: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(ceiling);
}

/** True when the principal sees every tenant. */
export function seesAllTenants(p: Principal): boolean {
  return p.tenant === null && (p.role === 'admin' || p.role === 'analyst');
}
