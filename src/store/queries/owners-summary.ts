import type { Db } from '../db.js';
import { refreshFindingCounts } from './finding-counts.js';
import { Params, scopeCondition, whereSql, type TenantScope } from './tenant-scope.js';

export interface OwnerSummaryRow {
  id: string;
  name: string;
  tenant_id: string | null;
  assets: number;
  open_findings: { critical: number; high: number; medium: number; low: number; info: number; total: number };
}

/**
 * Every owner known to the store (the owners table, and any owner an asset or open finding names), with
 * its assets and open findings by severity; confined to the scope's owners.
 */
export async function ownersSummary(db: Db, scope: TenantScope): Promise<OwnerSummaryRow[]> {
  // Open findings come from finding_counts (migration 020), recomputed first if a write outdated it.
  await refreshFindingCounts(db);
  const p = new Params();
  const inScope = scopeCondition(scope, 'ids.id', p);
  return db.query<OwnerSummaryRow>(`with ids as (
      select id from owners
      union select owner from assets where owner is not null and gone_at is null
      union select owner from finding_counts where owner <> '' and open > 0
    ), f as (
      select owner, coalesce(sum(open) filter (where severity = 'critical'), 0)::int as critical,
             coalesce(sum(open) filter (where severity = 'high'), 0)::int as high,
             coalesce(sum(open) filter (where severity = 'medium'), 0)::int as medium,
             coalesce(sum(open) filter (where severity = 'low'), 0)::int as low,
             coalesce(sum(open) filter (where severity = 'info'), 0)::int as info, sum(open)::int as total
      from finding_counts where owner <> '' group by owner
    ), a as (
      select owner, count(*)::int as n from assets where gone_at is null and owner is not null group by owner
    )
    select ids.id, coalesce(o.name, ids.id) as name, o.tenant_id, coalesce(a.n, 0) as assets,
           json_build_object('critical', coalesce(f.critical, 0), 'high', coalesce(f.high, 0), 'medium', coalesce(f.medium, 0),
                             'low', coalesce(f.low, 0), 'info', coalesce(f.info, 0), 'total', coalesce(f.total, 0)) as open_findings
    from ids left join owners o on o.id = ids.id left join f on f.owner = ids.id left join a on a.owner = ids.id
    ${whereSql([inScope])}
    order by coalesce(f.critical, 0) desc, coalesce(f.high, 0) desc, coalesce(f.total, 0) desc, ids.id`, p.values);
}
