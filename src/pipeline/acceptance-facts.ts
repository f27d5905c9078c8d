import type { Queryable } from '../store/db.js';
import type { Severity } from '../model/finding.js';
import type { FindingFacts } from '../findings/acceptance.js';

/**
 * The facts a risk acceptance relies on, as the store holds them now, for a set of findings in one query:
 * the asset's isPublic label, KEV and EPSS of its CVEs (advisory id and CVE aliases),
 * and whether the asset is a node of an open attack path (kind 'path' findings list their nodes in
 * evidence->'nodes').
 */
export async function readFindingFacts(db: Queryable, ids: readonly number[]): Promise<Map<number, FindingFacts>> {
  if (ids.length === 0) return new Map();
  // KEV and EPSS as v_finding_exploitability decides them (advisory id and CVE aliases), without the view's
  // spread count, which costs a scan of the advisory's findings per row.
  // The nodes of open paths are read once (a hashed set), not searched again for every finding.
  const rows = await db.query<{ id: number; severity: Severity; exposed: boolean; in_kev: boolean; epss: number | null; on_path: boolean }>(`
    with path_nodes as (
      select distinct n->>'uid' as uid
        from findings p, jsonb_array_elements(case when jsonb_typeof(p.evidence->'nodes') = 'array' then p.evidence->'nodes' else '[]' end) n
       where p.kind = 'path' and p.status = 'open' and jsonb_typeof(n) = 'object' and n->>'uid' is not null)
    select f.id, f.severity,
           coalesce('isPublic' = any(a.labels), false) as exposed,
           (f.kind = 'vuln' and exists (select 1 from kev k where upper(k.cve_id) = any(ids.cves))) as in_kev,
           case when f.kind = 'vuln' then (select max(e.score) from epss e where e.cve_id = any(ids.cves)) end as epss,
           coalesce(f.asset_uid in (select uid from path_nodes), false) as on_path
      from findings f
      left join assets a on a.uid = f.asset_uid
      cross join lateral (
        select coalesce(array_agg(distinct upper(c)), '{}') as cves
          from (select f.advisory_id as c
                union all
                select jsonb_array_elements_text(case when jsonb_typeof(f.properties->'aliases') = 'array' then f.properties->'aliases' else '[]' end)) x
         where c ~* '^CVE-[0-9]{4}-[0-9]+$') ids
     where f.id = any($1::bigint[])`, [[...ids]]);
  return new Map(rows.map((r) => [r.id, { severity: r.severity, internetExposed: r.exposed, inKev: r.in_kev, epss: r.epss, onAttackPath: r.on_path }]));
}
