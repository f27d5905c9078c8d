/**
 * Which owners' data a query may return. Every API query takes one, so tenant isolation is decided in one
 * place (src/server/auth/scope.ts) and applied the same way in lists, details, counts, exports and
 * aggregates.
 */
export interface TenantScope {
  /** Owner ids whose assets and findings are visible; null means every owner (and rows with no owner). */
  owners: readonly string[] | null;
}

export const ALL_TENANTS: TenantScope = { owners: null };

/** Collects positional parameters while a WHERE clause is built. */
export class Params {
  readonly values: unknown[] = [];
  /** Adds a value and returns its placeholder ($n). */
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/**
 * The condition confining `column` (an owner column) to the scope, or null when it sees everything. A row
 * with no owner belongs to no tenant, so only all-tenant principals see it.
 */
export function scopeCondition(scope: TenantScope, column: string, params: Params): string | null {
  if (scope.owners === null) return null;
  // A single owner as plain equality: an index led by the owner column then also yields its order.
  if (scope.owners.length === 1) return `${column} = ${params.add(scope.owners[0])}`;
  return `${column} = any(${params.add([...scope.owners])}::text[])`;
}

export function inScope(scope: TenantScope, owner: string | null): boolean {
  return scope.owners === null || (owner !== null && scope.owners.includes(owner));
}

export function whereSql(clauses: readonly (string | null)[]): string {
  const c = clauses.filter((x): x is string => x !== null);
  return c.length ? `where ${c.join(' and ')}` : '';
}
