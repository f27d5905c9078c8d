import { named } from '../../store/named.js';
import { distinctStage } from './dedupe.js';
export async function statement(tx, sql, params) {
    const q = named(sql, params);
    await tx.query(q.text, q.params);
}
export async function count(tx, sql, params) {
    const q = named(sql, params);
    const rows = await tx.query(q.text, q.params);
    return rows[0] ?? {};
}
export async function mergeAssets(tx, p, duplicates = true) {
    // Within one run the last definition of a uid wins, and any definition beats a mere reference.
    await distinctStage(tx, 'stage_assets', 'run_assets', ['uid'], '(s.reference and not d.reference) or (s.reference = d.reference and d.seq > s.seq)', { duplicates, indexKey: true });
    // Only new or changed rows reach the upsert: an upsert that updates nothing still locks and dirties
    // every row it matches, so an identical re-run would rewrite the whole table.
    await tx.exec('create temp table changed_assets (uid text primary key) on commit drop');
    await statement(tx, `insert into changed_assets
    select r.uid from run_assets r left join assets a on a.uid = r.uid
    where a.uid is null
       or (not r.reference and (a.content_hash <> r.content_hash or a.gone_at is not null or a.unverified or a.reference
                                or a.source <> :source::text or a.scope <> r.scope))
       or (r.reference and a.reference and a.source = :source::text and (a.gone_at is not null or a.unverified or a.scope <> r.scope))`, p);
    await tx.exec('analyze changed_assets');
    const seen = await count(tx, 'select count(*)::int as n from run_assets', p);
    const defs = await count(tx, `with up as (
      insert into assets as a (uid, kind, provider, account, region, name, properties, tags, owner, owner_reason,
        environment, criticality, source, scope, reference, unverified, content_hash, first_seen, last_seen, gone_at)
      select uid, kind, provider, account, region, name, properties, tags, owner, owner_reason,
        environment, criticality, :source::text, scope, false, false, content_hash, :now::timestamptz, :now::timestamptz, null
      from run_assets where not reference and uid in (select uid from changed_assets)
      on conflict (uid) do update set
        kind = excluded.kind, provider = excluded.provider, account = excluded.account, region = excluded.region,
        name = excluded.name, properties = excluded.properties, tags = excluded.tags,
        owner = coalesce(excluded.owner, a.owner),
        owner_reason = case when excluded.owner is not null then excluded.owner_reason else a.owner_reason end,
        environment = coalesce(excluded.environment, a.environment),
        criticality = coalesce(excluded.criticality, a.criticality),
        source = excluded.source, scope = excluded.scope, reference = false, unverified = false,
        content_hash = excluded.content_hash, last_seen = excluded.last_seen, gone_at = null
      where a.content_hash <> excluded.content_hash or a.gone_at is not null or a.unverified or a.reference
         or a.source <> excluded.source or a.scope <> excluded.scope
      returning (xmax = 0) as inserted)
    select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated
    from up`, p);
    // A reference creates a placeholder for an unknown asset and revives its own placeholder; it never
    // touches an asset some source defines.
    const refs = await count(tx, `with up as (
      insert into assets as a (uid, kind, provider, account, region, name, properties, tags, owner, owner_reason,
        environment, criticality, source, scope, reference, unverified, content_hash, first_seen, last_seen)
      select uid, kind, provider, account, region, name, properties, tags, owner, owner_reason,
        environment, criticality, :source::text, scope, true, false, content_hash, :now::timestamptz, :now::timestamptz
      from run_assets where reference and uid in (select uid from changed_assets)
      on conflict (uid) do update set gone_at = null, unverified = false, scope = excluded.scope, last_seen = excluded.last_seen
      where a.reference and a.source = excluded.source
        and (a.gone_at is not null or a.unverified or a.scope <> excluded.scope)
      returning (xmax = 0) as inserted)
    select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated
    from up`, p);
    // Sweep: in completely covered scopes, what this source did not see again is gone. last_seen becomes
    // the previous attempt of the scope, when it was last verified present.
    const gone = await count(tx, `with g as (
      update assets a set gone_at = :now::timestamptz,
        last_seen = case when a.unverified then a.last_seen else greatest(a.last_seen, coalesce(st.last_attempt_at, a.last_seen)) end
      from stage_scopes sc left join scope_state st on st.source = :source::text and st.scope = sc.scope
      where sc.coverage = 'complete' and a.source = :source::text and a.scope = sc.scope and a.gone_at is null
        and not exists (select 1 from run_assets r where r.uid = a.uid)
      returning 1)
    select count(*)::int as n from g`, p);
    // Partial or failed scopes: unseen assets stay, flagged as not verified since the last complete run.
    const unverified = await count(tx, `with u as (
      update assets a set unverified = true,
        last_seen = greatest(a.last_seen, coalesce(st.last_attempt_at, a.last_seen))
      from stage_scopes sc left join scope_state st on st.source = :source::text and st.scope = sc.scope
      where sc.coverage <> 'complete' and a.source = :source::text and a.scope = sc.scope and a.gone_at is null
        and not a.unverified and not exists (select 1 from run_assets r where r.uid = a.uid)
      returning 1)
    select count(*)::int as n from u`, p);
    return {
        seen: seen.n ?? 0,
        inserted: (defs.inserted ?? 0) + (refs.inserted ?? 0),
        updated: (defs.updated ?? 0) + (refs.updated ?? 0),
        gone: gone.n ?? 0,
        unverified: unverified.n ?? 0,
    };
}
export async function mergeRelationships(tx, p, duplicates = true) {
    await distinctStage(tx, 'stage_relationships', 'run_relationships', ['from_uid', 'kind', 'to_uid'], 'd.seq > s.seq', { duplicates, indexKey: true });
    const up = await count(tx, `with up as (
      insert into relationships as r (from_uid, kind, to_uid, source, scope, properties, first_seen)
      select x.from_uid, x.kind, x.to_uid, :source::text, x.scope, x.properties, :now::timestamptz from run_relationships x
      left join relationships r0 on r0.from_uid = x.from_uid and r0.kind = x.kind and r0.to_uid = x.to_uid and r0.source = :source::text
      where r0.from_uid is null or r0.scope <> x.scope or r0.properties <> x.properties
      on conflict (from_uid, kind, to_uid, source) do update set scope = excluded.scope, properties = excluded.properties
      where r.scope <> excluded.scope or r.properties <> excluded.properties
      returning (xmax = 0) as inserted)
    select (select count(*)::int from run_relationships) as seen,
           count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated
    from up`, p);
    const del = await count(tx, `with d as (
      delete from relationships r using stage_scopes sc
      where sc.coverage = 'complete' and r.source = :source::text and r.scope = sc.scope
        and not exists (select 1 from run_relationships x where x.from_uid = r.from_uid and x.kind = r.kind and x.to_uid = r.to_uid)
      returning 1)
    select count(*)::int as n from d`, p);
    return { seen: up.seen ?? 0, inserted: up.inserted ?? 0, updated: up.updated ?? 0, deleted: del.n ?? 0 };
}
export async function mergePackages(tx, p, duplicates = true) {
    await distinctStage(tx, 'stage_packages', 'run_packages', ['asset_uid', 'purl', 'path'], 'd.seq > s.seq', { duplicates, indexKey: true });
    const up = await count(tx, `with up as (
      insert into packages as k (asset_uid, purl, path, ecosystem, name, version, source_name, source_version,
        layer_digest, licenses, source, scope, first_seen)
      select x.asset_uid, x.purl, x.path, x.ecosystem, x.name, x.version, x.source_name, x.source_version, x.layer_digest,
        x.licenses, :source::text, x.scope, :now::timestamptz from run_packages x
      left join packages k0 on k0.asset_uid = x.asset_uid and k0.purl = x.purl and k0.path = x.path and k0.source = :source::text
      where k0.asset_uid is null
         or (k0.ecosystem, k0.name, k0.version, k0.source_name, k0.source_version, k0.layer_digest, k0.licenses, k0.scope)
            is distinct from (x.ecosystem, x.name, x.version, x.source_name, x.source_version, x.layer_digest, x.licenses, x.scope)
      on conflict (asset_uid, purl, path, source) do update set ecosystem = excluded.ecosystem, name = excluded.name,
        version = excluded.version, source_name = excluded.source_name, source_version = excluded.source_version,
        layer_digest = excluded.layer_digest, licenses = excluded.licenses, scope = excluded.scope
      where (k.ecosystem, k.name, k.version, k.source_name, k.source_version, k.layer_digest, k.licenses, k.scope)
        is distinct from (excluded.ecosystem, excluded.name, excluded.version, excluded.source_name,
                          excluded.source_version, excluded.layer_digest, excluded.licenses, excluded.scope)
      returning (xmax = 0) as inserted)
    select (select count(*)::int from run_packages) as seen,
           count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated
    from up`, p);
    const del = await count(tx, `with d as (
      delete from packages k using stage_scopes sc
      where sc.coverage = 'complete' and k.source = :source::text and k.scope = sc.scope
        and not exists (select 1 from run_packages x where x.asset_uid = k.asset_uid and x.purl = k.purl and x.path = k.path)
      returning 1)
    select count(*)::int as n from d`, p);
    return { seen: up.seen ?? 0, inserted: up.inserted ?? 0, updated: up.updated ?? 0, deleted: del.n ?? 0 };
}
//# sourceMappingURL=merge-inventory.js.map