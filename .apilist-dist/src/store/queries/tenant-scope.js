export const ALL_TENANTS = { owners: null };
/** Collects positional parameters while a WHERE clause is built. */
export class Params {
    values = [];
    /** Adds a value and returns its placeholder ($n). */
    add(v) {
        this.values.push(v);
        return `$${this.values.length}`;
    }
}
/**
 * The condition confining `column` (an owner column) to the scope, or null when it sees everything. A row
 * with no owner belongs to no tenant, so only all-tenant principals see it.
 */
export function scopeCondition(scope, column, params) {
    if (scope.owners === null)
        return null;
    // A single owner as plain equality: an index led by the owner column then also yields its order.
    if (scope.owners.length === 1)
        return `${column} = ${params.add(scope.owners[0])}`;
    return `${column} = any(${params.add([...scope.owners])}::text[])`;
}
export function inScope(scope, owner) {
    return scope.owners === null || (owner !== null && scope.owners.includes(owner));
}
export function whereSql(clauses) {
    const c = clauses.filter((x) => x !== null);
    return c.length ? `where ${c.join(' and ')}` : '';
}
//# sourceMappingURL=tenant-scope.js.map