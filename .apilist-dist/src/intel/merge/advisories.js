import { counts } from './batcher.js';
import { indexAdvisoryPackagesSql } from '../../findings/package-key.js';
// What a record says, apart from its id and `modified`; compared only when neither version has `modified`.
const CONTENT = ['aliases', 'summary', 'details', 'severity', 'cvss_vector', 'cvss_score', 'published', 'withdrawn', 'affected', 'refs'];
const columns = (alias, names) => names.map((c) => `${alias}.${c}`).join(', ');
export async function mergeAdvisories(tx, stager, source) {
    // Within one import the newest version of an id wins, then the last one read.
    await tx.exec(`create temp table run_advisories on commit drop as
      select distinct on (id) id, aliases, summary, details, severity, cvss_vector, cvss_score, published, modified, withdrawn,
        coalesce(doc->'affected', '[]'::jsonb) as affected, coalesce(doc->'refs', '[]'::jsonb) as refs
      from stage_advisories order by id, modified desc nulls last, seq desc;
    analyze run_advisories;
    create temp table advisory_changes on commit drop as
      select r.id, a.id is null as inserted,
        a.id is not null and r.withdrawn is not null and a.withdrawn is null as withdrawn
      from run_advisories r left join advisories a on a.id = r.id
      where a.id is null
         or r.modified > a.modified
         or (a.modified is null and r.modified is not null)
         or (a.modified is null and r.modified is null
             and (${columns('a', CONTENT)}) is distinct from (${columns('r', CONTENT)}));`);
    await tx.query(`insert into advisories as a (id, ${CONTENT.join(', ')}, modified, source)
      select r.id, ${columns('r', CONTENT)}, r.modified, $1::text
      from run_advisories r join advisory_changes c on c.id = r.id
      on conflict (id) do update set ${[...CONTENT, 'modified', 'source'].map((c) => `${c} = excluded.${c}`).join(', ')}`, [source]);
    // The package keys of replaced records may have changed: theirs are rewritten with the new ones.
    await tx.exec(`delete from advisory_packages p using advisory_changes c where p.advisory_id = c.id and not c.inserted;
    ${indexAdvisoryPackagesSql('select r.id, r.affected from run_advisories r join advisory_changes c on c.id = r.id')};`);
    const c = await counts(tx, `select
      (select count(*)::int from advisory_changes where inserted) as inserted,
      (select count(*)::int from advisory_changes where not inserted) as updated,
      (select count(*)::int from advisory_changes where withdrawn) as withdrawn,
      (select count(*)::int from run_advisories r join advisories a on a.id = r.id
        where a.modified > r.modified or (a.modified is not null and r.modified is null)) as older,
      (select count(*)::int from run_advisories) as distinct_ids`);
    const ids = await tx.query('select id, inserted, withdrawn from advisory_changes order by id');
    const changes = { inserted: [], updated: [], withdrawn: [] };
    for (const r of ids) {
        (r.inserted ? changes.inserted : changes.updated).push(r.id);
        if (r.withdrawn)
            changes.withdrawn.push(r.id);
    }
    const inserted = c.inserted ?? 0;
    const updated = c.updated ?? 0;
    const older = c.older ?? 0;
    return {
        counts: {
            records: stager.count, inserted, updated, withdrawn: c.withdrawn ?? 0,
            older: older + stager.skipped.older,
            unchanged: (c.distinct_ids ?? 0) - inserted - updated - older + stager.skipped.unchanged,
        },
        changes,
    };
}
//# sourceMappingURL=advisories.js.map