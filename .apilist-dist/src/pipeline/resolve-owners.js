import { named } from '../store/named.js';
import { DEFAULT_REASON, NOT_OWNED_KINDS, RESOLVED_REASON_SQL, ownerIdSql } from '../findings/ownership.js';
/** Live assets that can be owned: the ownership data itself (teams, rules) is not. */
const CANDIDATES = `select uid, kind, account, tags, owner, owner_reason from assets
  where gone_at is null and kind <> all(:not_owned::text[])`;
/** Explicit owners claim their asset first, so no lower level touches it. */
const EXPLICIT = `insert into owner_pick (uid, owner, reason)
  select uid, owner, owner_reason from (${CANDIDATES}) a
  where owner is not null and (owner_reason is null or owner_reason !~ :resolved)
  on conflict (uid) do nothing`;
/**
 * Catalogue entities claim themselves, their repositories (by uid) and their image repositories (the
 * part of an image uid before `@`). Two equality joins rather than one OR, so both can hash.
 */
const CATALOGUE = `with entities as (
    select uid, properties from assets
    where provider = 'backstage' and kind <> 'team' and gone_at is null and properties->>'owner' is not null),
  keys as (
    select uid as key, uid as entity, 0 as rank from entities
    union all select r, uid, 1 from entities, jsonb_array_elements_text(properties->'repositories') r
    union all select 'image:' || i, uid, 1 from entities, jsonb_array_elements_text(properties->'imageRepositories') i),
  candidates as (${CANDIDATES}),
  hits as (
    select a.uid, k.entity, k.rank from candidates a join keys k on k.key = a.uid
    union all
    select a.uid, k.entity, k.rank from candidates a join keys k on k.key = 'image:' || split_part(a.uid, '@', 1)
    where a.kind = 'container.image' and a.uid not like 'image:%')
  insert into owner_pick (uid, owner, reason)
  select distinct on (h.uid) h.uid, e.properties->>'owner', 'catalogue: ' || (e.properties->>'catalogueRef')
  from hits h join entities e on e.uid = h.entity
  order by h.uid, h.rank, h.entity
  on conflict (uid) do nothing`;
/** The asset's own `team` tag, else its `owner` tag (keys case-insensitive). */
const TAGS = `insert into owner_pick (uid, owner, reason)
  select a.uid, t.owner, 'tag ' || t.key || '=' || t.value
  from (${CANDIDATES}) a
  cross join lateral (
    select key, value, ${ownerIdSql('value')} as owner from jsonb_each_text(a.tags)
    where lower(key) in ('team', 'owner') and ${ownerIdSql('value')} is not null
    order by lower(key) = 'team' desc, key collate "C" limit 1) t
  on conflict (uid) do nothing`;
/** The first owners.yaml rule that matches, in file order (rules of several files: by file, then order). */
const RULES = `with rules as (
    select uid, properties p from assets where kind = 'ownership.rule' and gone_at is null and properties->>'match' <> 'default')
  insert into owner_pick (uid, owner, reason)
  select a.uid, r.owner, r.reason
  from (${CANDIDATES}) a
  cross join lateral (
    select p->>'owner' as owner, p->>'reason' as reason from rules
    where case p->>'match'
      when 'account' then a.account = p->>'value'
      when 'tag' then a.tags->>(p->>'key') = p->>'value'
      when 'repository' then a.uid = p->>'value'
      when 'image_repository' then a.kind = 'container.image' and a.uid not like 'image:%' and split_part(a.uid, '@', 1) = p->>'value'
      else false end
    order by split_part(uid, '#', 1) collate "C", (p->>'order')::int limit 1) r
  on conflict (uid) do nothing`;
const DEFAULT = `insert into owner_pick (uid, owner, reason)
  select uid, :default_owner::text, :default_reason::text from (${CANDIDATES}) a where :default_owner::text is not null
  on conflict (uid) do nothing`;
/** Writes only what changes: a second resolution over the same data writes no row. */
const APPLY = `with changed as (
    update assets a set owner = p.owner, owner_reason = p.reason from owner_pick p
    where a.uid = p.uid and (a.owner, a.owner_reason) is distinct from (p.owner, p.reason)
    returning a.uid, a.owner)
  insert into owner_changed select uid, owner from changed`;
/** A resolved owner whose reason no longer holds (tag removed, entity gone) is cleared. */
const CLEAR = `with changed as (
    update assets a set owner = null, owner_reason = null
    where a.gone_at is null and a.kind <> all(:not_owned::text[]) and a.owner_reason ~ :resolved
      and not exists (select 1 from owner_pick p where p.uid = a.uid)
    returning a.uid, a.owner)
  insert into owner_changed select uid, owner from changed`;
/** Findings follow their asset, except those whose source named an owner (as in the sync's propagation). */
const FINDINGS = `update findings f set owner = c.owner, owner_reason = case when c.owner is null then null else 'asset' end
  from owner_changed c
  where f.asset_uid = c.uid and f.owner_reason is distinct from 'source' and f.owner is distinct from c.owner`;
/**
 * Teams of every live catalogue become owners rows (owners.yaml, which carries contacts, before Backstage
 * for the same id). Teams that leave the catalogue keep their row: findings and users still name them.
 */
const OWNERS = `insert into owners as o (id, name, kind, slack_channel, jira_project, email, properties)
  select distinct on (id) id, name, 'team', slack, jira, email, props from (
    select properties->>'ownerId' as id, coalesce(name, properties->>'ownerId') as name, properties->>'slack' as slack,
      properties->>'jira' as jira, properties->>'email' as email, provider, uid,
      jsonb_build_object('members', coalesce(properties->'members', '[]'::jsonb), 'catalogue', uid) as props
    from assets where kind = 'team' and gone_at is null and properties->>'ownerId' is not null) t
  order by id, provider = 'owners-yaml' desc, uid
  on conflict (id) do update set name = excluded.name, slack_channel = excluded.slack_channel,
    jira_project = excluded.jira_project, email = excluded.email, properties = o.properties || excluded.properties, updated_at = now()
  where (o.name, o.slack_channel, o.jira_project, o.email) is distinct from (excluded.name, excluded.slack_channel, excluded.jira_project, excluded.email)
    or not (o.properties @> excluded.properties)`;
async function run(tx, sql, values) {
    const q = named(sql, values);
    const rows = await tx.query(`with x as (${q.text} returning 1) select count(*)::int as n from x`, q.params);
    return rows[0]?.n ?? 0;
}
async function exec(tx, sql, values) {
    const q = named(sql, values);
    await tx.query(q.text, q.params);
}
/**
 * Sets every live asset's owner by the precedence of findings/ownership.ts, one statement per level over
 * all assets, then moves the findings of assets whose owner changed. Run it after catalogue or inventory
 * imports and before engines. `defaultOwner` overrides an owners.yaml `default`.
 */
export async function resolveOwners(db, options = {}) {
    return db.transaction(async (tx) => {
        const owners = await run(tx, OWNERS, {});
        const [fallback] = await tx.query(`select properties->>'owner' as owner from assets where kind = 'ownership.rule' and gone_at is null and properties->>'match' = 'default'
       order by uid collate "C" limit 1`);
        const values = {
            not_owned: [...NOT_OWNED_KINDS], resolved: RESOLVED_REASON_SQL,
            default_owner: options.defaultOwner ?? fallback?.owner ?? null, default_reason: DEFAULT_REASON,
        };
        await tx.exec(`create temp table owner_pick (uid text primary key, owner text, reason text) on commit drop;
      create temp table owner_changed (uid text primary key, owner text) on commit drop;`);
        for (const level of [EXPLICIT, CATALOGUE, TAGS, RULES, DEFAULT])
            await exec(tx, level, values);
        await exec(tx, APPLY, values);
        await exec(tx, CLEAR, values);
        const [changed] = await tx.query('select count(*)::int as n from owner_changed');
        const findings = await run(tx, FINDINGS, {});
        return { owners, assets: changed?.n ?? 0, findings };
    });
}
//# sourceMappingURL=resolve-owners.js.map