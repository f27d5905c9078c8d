import { CopyBatcher, counts } from './batcher.js';
const COLUMNS = ['seq', 'cve_id', 'vendor', 'product', 'name', 'date_added', 'due_date', 'known_ransomware', 'notes'];
const VALUES = ['vendor', 'product', 'name', 'date_added', 'due_date', 'known_ransomware', 'notes'];
export async function mergeKev(tx, catalog) {
    await tx.exec(`create temp table stage_kev (seq int, cve_id text, vendor text, product text, name text, date_added date,
    due_date date, known_ransomware boolean, notes text) on commit drop`);
    const batch = new CopyBatcher(tx, 'stage_kev', COLUMNS);
    for (const r of catalog.rows) {
        await batch.add([batch.count, r.cveId, r.vendor, r.product, r.name, r.dateAdded, r.dueDate, r.knownRansomware, r.notes]);
    }
    await batch.flush();
    await tx.exec(`create temp table run_kev on commit drop as
      select distinct on (cve_id) * from stage_kev order by cve_id, seq desc;
    analyze run_kev`);
    const up = await counts(tx, `with up as (
      insert into kev as k (cve_id, ${VALUES.join(', ')})
      select r.cve_id, ${VALUES.map((c) => `r.${c}`).join(', ')} from run_kev r left join kev k0 on k0.cve_id = r.cve_id
      where k0.cve_id is null or (${VALUES.map((c) => `k0.${c}`).join(', ')}) is distinct from (${VALUES.map((c) => `r.${c}`).join(', ')})
      on conflict (cve_id) do update set ${VALUES.map((c) => `${c} = excluded.${c}`).join(', ')}
      returning (xmax = 0) as inserted)
    select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated,
      (select count(*)::int from run_kev) as distinct_ids from up`);
    let deleted = 0;
    if (catalog.completeAsOf) {
        const d = await counts(tx, `with d as (
        delete from kev k where k.date_added <= $1::date and not exists (select 1 from run_kev r where r.cve_id = k.cve_id)
        returning 1)
      select count(*)::int as n from d`, [catalog.completeAsOf]);
        deleted = d.n ?? 0;
    }
    const inserted = up.inserted ?? 0;
    const updated = up.updated ?? 0;
    return { records: batch.count, inserted, updated, unchanged: (up.distinct_ids ?? 0) - inserted - updated, deleted };
}
//# sourceMappingURL=kev.js.map