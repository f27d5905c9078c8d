import { currentIdentity } from '../findings/refingerprint.js';
const PLAN_DDL = `create temp table refingerprint_plan (id bigint primary key, fingerprint text not null, advisory_id text,
  survivor bigint not null) on commit drop`;
/** Open findings survive before resolved ones, then the oldest. */
function survivorFirst(a, b) {
    if ((a.status === 'open') !== (b.status === 'open'))
        return a.status === 'open' ? -1 : 1;
    return a.first_seen.getTime() - b.first_seen.getTime() || a.id - b.id;
}
async function plan(tx) {
    const stored = await tx.query(`select id, fingerprint, kind, advisory_id, asset_uid, status, first_seen,
      properties->'ecosystem' as ecosystem, properties->'packageName' as package_name, properties->'aliases' as aliases,
      properties->'vendorIds' as vendor_ids, properties->'references' as refs
    from findings`);
    // Every finding keeps or takes a fingerprint; those that end with the same one are a group.
    const groups = new Map();
    let examined = 0;
    for (const r of stored) {
        const identity = { id: r.id, fingerprint: r.fingerprint, kind: r.kind, advisoryId: r.advisory_id, assetUid: r.asset_uid,
            ecosystem: r.ecosystem, packageName: r.package_name, aliases: r.aliases, vendorIds: r.vendor_ids, references: r.refs };
        const now = currentIdentity(identity);
        if (now)
            examined++;
        const fingerprint = now?.fingerprint ?? r.fingerprint;
        const group = groups.get(fingerprint) ?? { rows: [], advisoryId: new Map() };
        group.rows.push(r);
        group.advisoryId.set(r.id, now ? now.advisoryId : r.advisory_id);
        groups.set(fingerprint, group);
    }
    const rows = [];
    let renamed = 0;
    let merged = 0;
    let removed = 0;
    for (const [fingerprint, group] of groups) {
        const [survivor, ...others] = group.rows.sort(survivorFirst);
        const advisoryId = group.advisoryId.get(survivor.id) ?? null;
        if (others.length === 0 && survivor.fingerprint === fingerprint && advisoryId === survivor.advisory_id)
            continue;
        if (others.length === 0)
            renamed++;
        else {
            merged++;
            removed += others.length;
        }
        for (const r of group.rows)
            rows.push([r.id, fingerprint, advisoryId, survivor.id]);
    }
    return { rows, examined, renamed, merged, removed };
}
/** The merge and renames of a plan staged in refingerprint_plan, as set-based statements. */
async function apply(tx, runId) {
    const run = String(runId);
    // Links: a survivor keeps its own link of a source; a source only the merged findings had moves over
    // with the earliest first sighting among them.
    await tx.query(`insert into finding_sources as s (finding_id, source, scope, original_id, first_seen)
    select distinct on (p.survivor, s0.source) p.survivor, s0.source, s0.scope, s0.original_id, s0.first_seen
    from refingerprint_plan p join finding_sources s0 on s0.finding_id = p.id
    where p.id <> p.survivor
    order by p.survivor, s0.source, s0.first_seen
    on conflict (finding_id, source) do update set first_seen = least(s.first_seen, excluded.first_seen)`);
    await tx.query(`update finding_events e set finding_id = p.survivor from refingerprint_plan p
    where e.finding_id = p.id and p.id <> p.survivor`);
    // The merged state: open when any was, first seen when the first was, triage as set by someone.
    await tx.query(`with g as (
      select p.survivor, bool_or(f.status = 'open') as open, min(f.first_seen) as first_seen,
        max(f.resolved_at) as resolved_at, min(f.due_at) as due_at,
        bool_and(f.unverified or f.status <> 'open') as unverified,
        (array_agg(f.triage order by (f.triage = 'none'), (f.id <> p.survivor), f.id))[1] as triage,
        array_agg(f.id order by f.id) filter (where f.id <> p.survivor) as merged,
        array_agg(f.fingerprint order by f.id) filter (where f.id <> p.survivor) as merged_fingerprints
      from refingerprint_plan p join findings f on f.id = p.id
      group by p.survivor having count(*) > 1),
    up as (
      update findings f set status = case when g.open then 'open' else 'resolved' end,
        resolved_at = case when g.open then null else g.resolved_at end,
        unverified = g.open and g.unverified, first_seen = g.first_seen, due_at = coalesce(f.due_at, g.due_at),
        triage = g.triage
      from g where f.id = g.survivor
      returning f.id, f.fingerprint)
    insert into finding_events (finding_id, type, run_id, details)
    select g.survivor, 'updated', ${run}::bigint, jsonb_build_object('change', 'merged', 'reason', 'refingerprint',
      'merged', to_jsonb(g.merged), 'mergedFingerprints', to_jsonb(g.merged_fingerprints))
    from g`);
    // No foreign key cascades (migration 011): the merged findings' remaining links go with them.
    await tx.query(`delete from finding_sources s using refingerprint_plan p where s.finding_id = p.id and p.id <> p.survivor`);
    await tx.query(`delete from findings f using refingerprint_plan p where f.id = p.id and p.id <> p.survivor`);
    // Survivors take their new fingerprint in two steps: a rename chain (a→b while b→c) must not meet the
    // unique key half-way.
    await tx.query(`insert into finding_events (finding_id, type, run_id, details)
    select f.id, 'updated', ${run}::bigint, jsonb_build_object('change', 'fingerprint', 'reason', 'refingerprint',
      'from', f.fingerprint, 'to', p.fingerprint, 'advisoryFrom', f.advisory_id, 'advisoryTo', p.advisory_id)
    from refingerprint_plan p join findings f on f.id = p.id
    where p.id = p.survivor and (f.fingerprint <> p.fingerprint or f.advisory_id is distinct from p.advisory_id)`);
    await tx.query(`update findings f set fingerprint = '\u0001refingerprint:' || f.id from refingerprint_plan p
    where f.id = p.id and p.id = p.survivor and f.fingerprint <> p.fingerprint`);
    await tx.query(`update findings f set fingerprint = p.fingerprint, advisory_id = p.advisory_id from refingerprint_plan p
    where f.id = p.id and p.id = p.survivor and (f.fingerprint <> p.fingerprint or f.advisory_id is distinct from p.advisory_id)`);
}
export async function refingerprintFindings(db, options = {}) {
    const started = performance.now();
    return db.transaction(async (tx) => {
        // No run may write findings meanwhile: the plan is made from what is stored now.
        if (db.backend === 'postgres')
            await tx.exec('lock table findings in share row exclusive mode');
        const p = await plan(tx);
        const counts = { examined: p.examined, renamed: p.renamed, merged: p.merged, removed: p.removed };
        if (options.dryRun)
            return { runId: null, ...counts, ms: performance.now() - started };
        const [run] = await tx.query(`insert into runs (source, status, input, counts, finished_at)
      values ('refingerprint', 'succeeded', '{}', $1, now()) returning id`, [JSON.stringify(counts)]);
        if (p.rows.length > 0) {
            await tx.exec(PLAN_DDL);
            await tx.copyRows('refingerprint_plan', ['id', 'fingerprint', 'advisory_id', 'survivor'], p.rows);
            await tx.exec('analyze refingerprint_plan');
            await apply(tx, run.id);
        }
        return { runId: run.id, ...counts, ms: performance.now() - started };
    });
}
//# sourceMappingURL=refingerprint.js.map