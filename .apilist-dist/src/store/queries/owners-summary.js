import { Params, scopeCondition, whereSql } from './tenant-scope.js';
/**
 * Every owner known to the store (the owners table, and any owner an asset or open finding names), with
 * its assets and open findings by severity; confined to the scope's owners.
 */
export async function ownersSummary(db, scope) {
    const p = new Params();
    const inScope = scopeCondition(scope, 'ids.id', p);
    return db.query(`with ids as (
      select id from owners
      union select owner from assets where owner is not null and gone_at is null
      union select owner from findings where owner is not null and status = 'open'
    ), f as (
      select owner, count(*) filter (where severity = 'critical')::int as critical, count(*) filter (where severity = 'high')::int as high,
             count(*) filter (where severity = 'medium')::int as medium, count(*) filter (where severity = 'low')::int as low,
             count(*) filter (where severity = 'info')::int as info, count(*)::int as total
      from findings where status = 'open' and owner is not null group by owner
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
//# sourceMappingURL=owners-summary.js.map