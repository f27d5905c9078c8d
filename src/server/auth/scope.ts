import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../../store/db.js';
import { ALL_TENANTS, type TenantScope } from '../../store/queries/tenant-scope.js';
import { tenantOwners } from './accounts.js';
import { seesAllTenants, type Principal } from './principal.js';
import { PRINCIPAL_TTL_MS } from './principal-cache.js';
import { ReadCache } from '../read-cache.js';

/**
 * The one place that turns who is asking into what data they may see: admins and analysts see every
 * tenant; anyone else sees the owners of their tenant, and a principal without a tenant sees nothing.
 * Every API query takes the result as a parameter.
 */
export async function scopeOf(db: Queryable, principal: Principal | null): Promise<TenantScope> {
  if (principal && seesAllTenants(principal)) return ALL_TENANTS;
  if (!principal?.tenant) return { owners: [] };
  const tenant = principal.tenant;
  // Remembered like principals (read-cache.ts): a change to the owners table is a write and forgets it.
  return { owners: [...await tenantOwnerCache.get(db, tenant, () => tenantOwners(db, tenant))] };
}

const tenantOwnerCache = new ReadCache<string[]>({ ttlMs: PRINCIPAL_TTL_MS, maxEntries: 10_000 });

export function requestScope(db: Queryable, req: FastifyRequest): Promise<TenantScope> {
  return scopeOf(db, req.principal);
}
