import { ALL_TENANTS } from '../../store/queries/tenant-scope.js';
import { tenantOwners } from './accounts.js';
import { seesAllTenants } from './principal.js';
/**
 * The one place that turns who is asking into what data they may see: admins and analysts see every
 * tenant; anyone else sees the owners of their tenant, and a principal without a tenant sees nothing.
 * Every API query takes the result as a parameter.
 */
export async function scopeOf(db, principal) {
    if (principal && seesAllTenants(principal))
        return ALL_TENANTS;
    if (!principal?.tenant)
        return { owners: [] };
    return { owners: await tenantOwners(db, principal.tenant) };
}
export function requestScope(db, req) {
    return scopeOf(db, req.principal);
}
//# sourceMappingURL=scope.js.map