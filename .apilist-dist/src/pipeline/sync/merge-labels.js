import { distinctStage } from './dedupe.js';
import { count, statement } from './merge-inventory.js';
import { LABEL_STAGE_TABLE } from './label-stage.js';
/**
 * Merges staged labels into asset_labels with the scoped sweep: a complete run of a scope deletes the labels
 * this source asserted there and no longer does; partial and failed scopes keep theirs; other sources' labels
 * are never touched. Then `assets.labels` is made the distinct sorted labels of every asset whose labels
 * changed (and of assets this run created, which start with none). Only changed rows are written.
 */
export async function mergeLabels(tx, p, staged) {
    const counts = { seen: 0, inserted: 0, updated: 0, deleted: 0, assets: 0 };
    const stored = await count(tx, 'select (exists (select 1 from asset_labels))::int as any, (exists (select 1 from asset_labels where source = :source::text))::int as own', p);
    if (staged.count === 0 && !stored.any)
        return counts;
    await tx.exec('create temp table changed_label_assets (uid text primary key) on commit drop');
    if (staged.count > 0) {
        // Within one run the last assertion of a label on an asset wins.
        await distinctStage(tx, LABEL_STAGE_TABLE, 'run_labels', ['asset_uid', 'label'], 'd.seq > s.seq', { duplicates: staged.duplicates, indexKey: true });
        const up = await count(tx, `with up as (
        insert into asset_labels as l (asset_uid, label, source, scope, evidence, first_seen)
        select x.asset_uid, x.label, :source::text, x.scope, x.evidence, :now::timestamptz from run_labels x
        left join asset_labels l0 on l0.asset_uid = x.asset_uid and l0.label = x.label and l0.source = :source::text
        where l0.asset_uid is null or l0.scope <> x.scope or l0.evidence <> x.evidence
        on conflict (asset_uid, label, source) do update set scope = excluded.scope, evidence = excluded.evidence
        where l.scope <> excluded.scope or l.evidence <> excluded.evidence
        returning l.asset_uid, (xmax = 0) as inserted),
      ch as (insert into changed_label_assets select distinct asset_uid from up where inserted on conflict do nothing)
      select (select count(*)::int from run_labels) as seen,
             count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated
      from up`, p);
        counts.seen = up.seen ?? 0;
        counts.inserted = up.inserted ?? 0;
        counts.updated = up.updated ?? 0;
    }
    if (stored.own) {
        const unseen = staged.count > 0
            ? 'and not exists (select 1 from run_labels x where x.asset_uid = l.asset_uid and x.label = l.label)' : '';
        const del = await count(tx, `with d as (
        delete from asset_labels l using stage_scopes sc
        where sc.coverage = 'complete' and l.source = :source::text and l.scope = sc.scope ${unseen}
        returning l.asset_uid),
      ch as (insert into changed_label_assets select distinct asset_uid from d on conflict do nothing)
      select count(*)::int as n from d`, p);
        counts.deleted = del.n ?? 0;
    }
    // Assets created by this run (merge-inventory's changed_assets) start with no labels; labels asserted
    // earlier apply to them now.
    const inventory = await tx.query(`select to_regclass('pg_temp.changed_assets') is not null as ok`);
    if (inventory[0]?.ok) {
        await statement(tx, `insert into changed_label_assets
        select c.uid from changed_assets c where exists (select 1 from asset_labels l where l.asset_uid = c.uid)
        on conflict do nothing`, p);
    }
    const relabelled = await count(tx, `with u as (
      update assets a set labels = coalesce((select array_agg(distinct l.label collate "C" order by l.label collate "C") from asset_labels l where l.asset_uid = a.uid), '{}')
      from changed_label_assets c
      where a.uid = c.uid
        and a.labels is distinct from coalesce((select array_agg(distinct l.label collate "C" order by l.label collate "C") from asset_labels l where l.asset_uid = a.uid), '{}')
      returning 1)
    select count(*)::int as n from u`, p);
    counts.assets = relabelled.n ?? 0;
    return counts;
}
//# sourceMappingURL=merge-labels.js.map