import { MothershipError } from '../../model/errors.js';
import type { Queryable } from '../../store/db.js';
import { count, statement, type RunParams } from './merge-inventory.js';

export interface FindingCounts {
  seen: number;
  new: number;
  updated: number;
  reopened: number;
  resolved: number;
  unverified: number;
}

/** What the Stager knows about the findings it staged, so statements with nothing to do are skipped. */
export interface StagedFindings {
  /** Some fingerprint may have been staged twice. */
  duplicates: boolean;
  /** Rows staged with content (stage_finding_content), and rows staged as stored already (`prior_id`). */
  content: number;
  stored: number;
  /** New findings the Stager COPYed into `findings` itself (`new_id`): only their event and link are left. */
  direct?: number;
}

/**
 * Merges staged findings. Drafts with one fingerprint are one finding, whichever tool sent them; each
 * tool's sighting is a finding_sources link in that tool's scope. A complete run of a scope removes the
 * links it no longer reports, and a finding with no link left is resolved. Triage state is never touched.
 * Only new or changed rows are written: an identical re-run reads the store and writes nothing.
 *
 * stage.ts stages every finding in stage_findings and the content of those the store does not hold in
 * stage_finding_content; `prior_id` marks a finding whose content equals stored finding `prior_id`. Both
 * kinds are checked against the findings as they are now, at merge time.
 */
export async function mergeFindings(tx: Queryable, p: RunParams, staged: StagedFindings): Promise<FindingCounts> {
  const direct = staged.direct ?? 0;
  if (staged.duplicates) {
    // A new finding written directly loses to a later record of its fingerprint: its row goes (it is this
    // run's own, nothing references it yet), and the later record is merged as new.
    if (direct > 0) {
      await tx.exec(`delete from findings f using stage_findings s
        where f.id = s.new_id and exists (select 1 from stage_findings d where d.fingerprint = s.fingerprint and d.seq > s.seq)`);
    }
    // Within one run the last record of a fingerprint wins, with or without content.
    await tx.exec(`delete from stage_findings s using stage_findings d where d.fingerprint = s.fingerprint and d.seq > s.seq;
      delete from stage_finding_content c where not exists (select 1 from stage_findings k where k.seq = c.seq);`);
  }
  // Without statistics on the stage, the planner takes the whole findings table to look up the prior
  // state of a few thousand fingerprints (1.2 s instead of 50 ms for 13,000 findings into 50,000).
  await tx.exec('analyze stage_findings (fingerprint, prior_id, new_id); analyze stage_finding_content (fingerprint)');
  // The run's findings by id: what the sources merge and the sweep read. The key keeps the sweep's
  // anti-join an index probe whatever the planner expects.
  await tx.exec('create temp table run_finding_ids (id bigint primary key, scope text, original_id text) on commit drop');

  // With content. New findings take the asset's owner unless the source named one. Existing ones change
  // only when their content source sends new content, or when they come back (resolved, unverified).
  const changes = staged.content === 0 ? {} : await count(tx, `with prior as materialized (
      select f.id, f.fingerprint, f.status, f.unverified, f.content_hash, f.source
      from findings f join stage_finding_content r on r.fingerprint = f.fingerprint),
    up as (
      insert into findings as f (fingerprint, kind, rule_id, advisory_id, title, description, severity,
        asset_uid, package_purl, owner, owner_reason, status, evidence, remediation, properties, source, content_hash,
        first_seen, last_seen)
      select r.fingerprint, r.kind, r.rule_id, r.advisory_id, r.title, r.description, r.severity, r.asset_uid,
        r.package_purl, coalesce(r.owner, a.owner),
        case when r.owner is not null then 'source' when a.owner is not null then 'asset' end,
        'open', r.evidence::jsonb, r.remediation, r.properties::jsonb, :source::text, r.content_hash, :now::timestamptz, :now::timestamptz
      from stage_finding_content r
      left join prior p on p.fingerprint = r.fingerprint
      left join assets a on a.uid = r.asset_uid
      where p.id is null or (p.content_hash <> r.content_hash and p.source = :source::text) or p.status = 'resolved' or p.unverified
      on conflict (fingerprint) do update set kind = excluded.kind, rule_id = excluded.rule_id,
        advisory_id = excluded.advisory_id, title = excluded.title, description = excluded.description,
        severity = excluded.severity, asset_uid = excluded.asset_uid, package_purl = excluded.package_purl,
        evidence = excluded.evidence, remediation = excluded.remediation, properties = excluded.properties,
        source = excluded.source, content_hash = excluded.content_hash, status = 'open', resolved_at = null,
        unverified = false, last_seen = excluded.last_seen
      returning f.id, f.fingerprint, (xmax = 0) as inserted),
    ids as (
      insert into run_finding_ids (id, scope, original_id)
      select coalesce(up.id, p.id), k.scope, k.original_id from stage_findings k
      left join prior p on p.fingerprint = k.fingerprint
      left join up on up.fingerprint = k.fingerprint
      where k.prior_id is null and k.new_id is null),
    ev as (
      insert into finding_events (finding_id, at, type, run_id, details)
      select up.id, :now::timestamptz,
        case when up.inserted then 'opened' when p.status = 'resolved' then 'reopened'
             when p.unverified then 'verified' else 'updated' end,
        :run::bigint, jsonb_build_object('source', :source::text)
      from up left join prior p on p.id = up.id
      returning type)
    select count(*) filter (where type = 'opened')::int as new,
           count(*) filter (where type = 'reopened')::int as reopened,
           count(*) filter (where type = 'updated')::int as updated
    from ev`, p);

  if (staged.content > 0) await moveOwners(tx, p);
  const opened = direct === 0 ? {} : await mergeDirect(tx, p);

  // Stored as they are: at most the state changes (a resolved finding reopens, an unverified one is
  // verified) and the content source becomes this one, as the upsert above does. A finding changed or
  // deleted since it was staged (by a run committed meanwhile) cannot be merged without its content: the
  // run fails, and can simply be run again.
  const stored = staged.stored === 0 ? {} : await count(tx, `with cur as materialized (
      select k.prior_id as id, k.scope, k.original_id, (f.content_hash is not distinct from k.content_hash) as same,
        f.status, f.unverified
      from stage_findings k left join findings f on f.id = k.prior_id where k.prior_id is not null),
    up as (
      update findings f set status = 'open', resolved_at = null, unverified = false, last_seen = :now::timestamptz,
        source = :source::text
      from cur c where f.id = c.id and c.same and (c.status = 'resolved' or c.unverified)
      returning f.id),
    ids as (
      insert into run_finding_ids (id, scope, original_id) select id, scope, original_id from cur where same),
    ev as (
      insert into finding_events (finding_id, at, type, run_id, details)
      select up.id, :now::timestamptz, case when c.status = 'resolved' then 'reopened' else 'verified' end,
        :run::bigint, jsonb_build_object('source', :source::text)
      from up join cur c on c.id = up.id
      returning type)
    select (select count(*)::int from cur where not same) as stale,
           count(*) filter (where type = 'reopened')::int as reopened
    from ev`, p);
  if ((stored.stale ?? 0) > 0) {
    throw new MothershipError('CONFLICT', `${stored.stale} findings changed while this run was staged (another run committed meanwhile); run it again`);
  }
  const seen = staged.duplicates ? await count(tx, 'select count(*)::int as n from stage_findings', p) : { n: staged.content + staged.stored + direct };

  await statement(tx, `insert into finding_sources as s (finding_id, source, scope, original_id, first_seen)
      select x.id, :source::text, x.scope, x.original_id, :now::timestamptz from run_finding_ids x
      left join finding_sources s0 on s0.finding_id = x.id and s0.source = :source::text
      where s0.finding_id is null or s0.scope <> x.scope or s0.original_id is distinct from x.original_id
      on conflict (finding_id, source) do update set scope = excluded.scope, original_id = excluded.original_id`, p);

  // Links of this source in completely covered scopes that were not reported again go; findings left
  // with no other source are resolved. (Other sources' links are counted directly: this statement does
  // not see its own deletes.)
  const resolved = await count(tx, `with d as (
      delete from finding_sources s using stage_scopes sc
      where sc.coverage = 'complete' and s.source = :source::text and s.scope = sc.scope
        and not exists (select 1 from run_finding_ids x where x.id = s.finding_id)
      returning s.finding_id, s.scope),
    res as (
      update findings f set status = 'resolved', resolved_at = :now::timestamptz,
        last_seen = case when f.unverified then f.last_seen else greatest(f.last_seen, coalesce(st.last_attempt_at, f.last_seen)) end
      from d left join scope_state st on st.source = :source::text and st.scope = d.scope
      where f.id = d.finding_id and f.status = 'open'
        and not exists (select 1 from finding_sources o where o.finding_id = f.id and o.source <> :source::text)
      returning f.id),
    ev as (
      insert into finding_events (finding_id, at, type, run_id, details)
      select id, :now::timestamptz, 'resolved', :run::bigint, jsonb_build_object('source', :source::text) from res
      returning 1)
    select count(*)::int as n from ev`, p);

  // Partial or failed scopes: what was not reported again stays open, flagged unverified.
  const unverified = await count(tx, `with u as (
      update findings f set unverified = true,
        last_seen = greatest(f.last_seen, coalesce(st.last_attempt_at, f.last_seen))
      from finding_sources s join stage_scopes sc on sc.scope = s.scope and sc.coverage <> 'complete'
      left join scope_state st on st.source = :source::text and st.scope = s.scope
      where s.source = :source::text and s.finding_id = f.id and f.status = 'open' and not f.unverified
        and not exists (select 1 from run_finding_ids x where x.id = f.id)
      returning f.id),
    ev as (
      insert into finding_events (finding_id, at, type, run_id, details)
      select id, :now::timestamptz, 'unverified', :run::bigint, jsonb_build_object('source', :source::text) from u
      returning 1)
    select count(*)::int as n from ev`, p);

  return {
    seen: seen.n ?? 0,
    new: (changes.new ?? 0) + (opened.new ?? 0),
    updated: changes.updated ?? 0,
    reopened: (changes.reopened ?? 0) + (stored.reopened ?? 0),
    resolved: resolved.n ?? 0,
    unverified: unverified.n ?? 0,
  };
}

/**
 * New findings the Stager wrote directly: their `opened` events and run ids. Their owner was the asset's as
 * the store held it while staging (or as this run defines it); an asset this run merged with another owner
 * than that (rare) gets its findings' owner set here, as the insert from the content stage would have.
 */
async function mergeDirect(tx: Queryable, p: RunParams): Promise<Record<string, number>> {
  await statement(tx, `update findings f set owner = a.owner, owner_reason = case when a.owner is not null then 'asset' end
      from stage_findings k left join assets a on a.uid = k.owner_asset
      where f.id = k.new_id and k.owner_asset is not null and k.owner is distinct from a.owner`, p);
  return count(tx, `with ids as (
      insert into run_finding_ids (id, scope, original_id)
      select new_id, scope, original_id from stage_findings where new_id is not null
      returning id),
    ev as (
      insert into finding_events (finding_id, at, type, run_id, details)
      select id, :now::timestamptz, 'opened', :run::bigint, jsonb_build_object('source', :source::text) from ids
      returning 1)
    select count(*)::int as new from ev`, p);
}

/**
 * A source that names an owner (the matcher routing a base-image vulnerability to the base image's owner)
 * takes the finding from the asset's owner, also when another tool created the finding or the content is
 * otherwise unchanged. An owner set by hand, or by rules other than the asset's, is left alone. Staged
 * content only: a finding staged as stored already has its owner from the same content.
 */
async function moveOwners(tx: Queryable, p: RunParams): Promise<void> {
  await statement(tx, `with moved as (
      update findings f set owner = r.owner, owner_reason = 'source'
      from stage_finding_content r, findings old
      where f.fingerprint = r.fingerprint and old.id = f.id and r.owner is not null
        and (f.owner_reason is null or f.owner_reason in ('asset', 'source'))
        and (f.owner is distinct from r.owner or f.owner_reason is distinct from 'source')
      returning f.id, old.owner as previous, f.owner)
    insert into finding_events (finding_id, at, type, run_id, details)
    select id, :now::timestamptz, 'assigned', :run::bigint,
      jsonb_build_object('source', :source::text, 'owner', owner, 'previous', previous)
    from moved where owner is distinct from previous`, p);
}

/**
 * Findings follow their asset's owner unless a source named one explicitly. Only assets this run wrote
 * can have a new owner, so the cost follows the run, not the store.
 */
export async function propagateOwners(tx: Queryable, p: RunParams): Promise<number> {
  const r = await count(tx, `with u as (
      update findings f set owner = a.owner, owner_reason = case when a.owner is null then null else 'asset' end
      from changed_assets c join assets a on a.uid = c.uid
      where f.asset_uid = c.uid and f.owner_reason is distinct from 'source' and f.owner is distinct from a.owner
      returning f.id)
    select count(*)::int as n from u`, p);
  return r.n ?? 0;
}
