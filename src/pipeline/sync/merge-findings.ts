import type { Queryable } from '../../store/db.js';
import { named } from '../../store/named.js';
import { count, type RunParams } from './merge-inventory.js';

export interface FindingCounts {
  seen: number;
  new: number;
  updated: number;
  reopened: number;
  resolved: number;
  unverified: number;
}

/**
 * Merges staged findings. Drafts with one fingerprint are one finding, whichever tool sent them; each
 * tool's sighting is a finding_sources link in that tool's scope. A complete run of a scope removes the
 * links it no longer reports, and a finding with no link left is resolved. Triage state is never touched.
 */
export async function mergeFindings(tx: Queryable, p: RunParams): Promise<FindingCounts> {
  await tx.exec(`create temp table run_findings on commit drop as
      select distinct on (fingerprint) * from stage_findings order by fingerprint, seq desc;
    analyze run_findings;
    create temp table prior_findings on commit drop as
      select f.id, f.fingerprint, f.status, f.unverified, f.content_hash
      from findings f join run_findings r on r.fingerprint = f.fingerprint;`);

  // New findings take the asset's owner unless the source named one. Existing ones change only when
  // their content source sends new content, or when they come back (resolved, unverified).
  await tx.query(...bind(`insert into findings as f (fingerprint, kind, rule_id, advisory_id, title, description, severity,
        asset_uid, package_purl, owner, owner_reason, status, evidence, remediation, properties, source, content_hash,
        first_seen, last_seen)
      select r.fingerprint, r.kind, r.rule_id, r.advisory_id, r.title, r.description, r.severity, r.asset_uid,
        r.package_purl, coalesce(r.owner, a.owner),
        case when r.owner is not null then 'source' when a.owner is not null then 'asset' end,
        'open', r.evidence, r.remediation, r.properties, :source::text, r.content_hash, :now::timestamptz, :now::timestamptz
      from run_findings r left join assets a on a.uid = r.asset_uid
      on conflict (fingerprint) do update set kind = excluded.kind, rule_id = excluded.rule_id,
        advisory_id = excluded.advisory_id, title = excluded.title, description = excluded.description,
        severity = excluded.severity, asset_uid = excluded.asset_uid, package_purl = excluded.package_purl,
        evidence = excluded.evidence, remediation = excluded.remediation, properties = excluded.properties,
        source = excluded.source, content_hash = excluded.content_hash, status = 'open', resolved_at = null,
        unverified = false, last_seen = excluded.last_seen
      where (f.content_hash <> excluded.content_hash and f.source = excluded.source)
         or f.status = 'resolved' or f.unverified`, p));

  await tx.exec(`create temp table run_finding_ids on commit drop as
      select f.id, r.scope, r.original_id from findings f join run_findings r on r.fingerprint = f.fingerprint;
    analyze run_finding_ids;`);

  const changes = await count(tx, `with ev as (
      insert into finding_events (finding_id, at, type, run_id, details)
      select f.id, :now::timestamptz,
        case when p.id is null then 'opened' when p.status = 'resolved' then 'reopened'
             when p.unverified then 'verified' else 'updated' end,
        :run::bigint, jsonb_build_object('source', :source::text)
      from findings f join run_findings r on r.fingerprint = f.fingerprint
      left join prior_findings p on p.id = f.id
      where p.id is null or p.status = 'resolved' or p.unverified or p.content_hash <> f.content_hash
      returning type)
    select count(*) filter (where type = 'opened')::int as new,
           count(*) filter (where type = 'reopened')::int as reopened,
           count(*) filter (where type = 'updated')::int as updated,
           (select count(*)::int from run_findings) as seen
    from ev`, p);

  await tx.query(...bind(`insert into finding_sources as s (finding_id, source, scope, original_id, first_seen)
      select id, :source::text, scope, original_id, :now::timestamptz from run_finding_ids
      on conflict (finding_id, source) do update set scope = excluded.scope, original_id = excluded.original_id
      where s.scope <> excluded.scope or s.original_id is distinct from excluded.original_id`, p));

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
    seen: changes.seen ?? 0,
    new: changes.new ?? 0,
    updated: changes.updated ?? 0,
    reopened: changes.reopened ?? 0,
    resolved: resolved.n ?? 0,
    unverified: unverified.n ?? 0,
  };
}

/**
 * Findings follow their asset's owner unless a source named one explicitly. Only findings and assets
 * this run touched are looked at, so the cost follows the run, not the store.
 */
export async function propagateOwners(tx: Queryable, p: RunParams): Promise<number> {
  const r = await count(tx, `with u as (
      update findings f set owner = a.owner, owner_reason = case when a.owner is null then null else 'asset' end
      from assets a
      where a.uid = f.asset_uid and f.owner_reason is distinct from 'source' and f.owner is distinct from a.owner
        and (f.id in (select id from run_finding_ids) or a.uid in (select uid from run_assets))
      returning f.id)
    select count(*)::int as n from u`, p);
  return r.n ?? 0;
}

function bind(sql: string, p: RunParams): [string, unknown[]] {
  const q = named(sql, { ...p });
  return [q.text, q.params];
}
