import { CopyBatcher, counts } from './batcher.js';
export async function mergeEpss(tx, rows, onProgress) {
    await tx.exec('create temp table stage_epss (seq int, cve_id text, score double precision, percentile double precision, scored_on date) on commit drop');
    const batch = new CopyBatcher(tx, 'stage_epss', ['seq', 'cve_id', 'score', 'percentile', 'scored_on'], 10_000);
    for await (const r of rows) {
        await batch.add([batch.count, r.cveId, r.score, r.percentile, r.scoredOn]);
        if (onProgress && batch.count % 10_000 === 0)
            onProgress(batch.count);
    }
    await batch.flush();
    await tx.exec(`create temp table run_epss on commit drop as
      select distinct on (cve_id) cve_id, score, percentile, scored_on from stage_epss order by cve_id, scored_on desc, seq desc;
    analyze run_epss`);
    const up = await counts(tx, `with up as (
      insert into epss as e (cve_id, score, percentile, scored_on)
      select r.cve_id, r.score, r.percentile, r.scored_on from run_epss r left join epss e0 on e0.cve_id = r.cve_id
      where e0.cve_id is null
         or (r.scored_on >= e0.scored_on and (e0.score, e0.percentile, e0.scored_on) is distinct from (r.score, r.percentile, r.scored_on))
      on conflict (cve_id) do update set score = excluded.score, percentile = excluded.percentile, scored_on = excluded.scored_on
      returning (xmax = 0) as inserted)
    select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from up`);
    const rest = await counts(tx, `select (select count(*)::int from run_epss) as distinct_ids,
      (select count(*)::int from run_epss r join epss e on e.cve_id = r.cve_id where e.scored_on > r.scored_on) as older`);
    const inserted = up.inserted ?? 0;
    const updated = up.updated ?? 0;
    const older = rest.older ?? 0;
    return { records: batch.count, inserted, updated, older, unchanged: (rest.distinct_ids ?? 0) - inserted - updated - older };
}
//# sourceMappingURL=epss.js.map