import type { RiskConfig } from './config.js';

/**
 * The risk model of model.ts as set-based SQL, in steps over temporary tables (dropped at commit): the
 * exposed assets, the assets whose identity reaches admin, the CVEs, the spread, then each finding's inputs
 * (risk_in), its factors (risk_out), and one UPDATE of the rows whose score or factors changed.
 */

/** The findings scored: every open one, and any never scored (so every finding has a score). */
export const TARGET = `(f.status = 'open' or f.risk_score is null)`;

/** Relationship kinds from a workload to the identity it acts as. */
const IDENTITY_EDGES = `('has_role', 'assumes_role')`;

export const SETUP_SQL = `
create temp table risk_exposed (uid text primary key, on_path boolean not null, public boolean not null) on commit drop;
create temp table risk_blast (uid text primary key, lvl int not null) on commit drop;
create temp table risk_cves (id bigint not null, cve text not null) on commit drop;
create temp table risk_spread (k text primary key, assets int not null, owners int not null) on commit drop;
create temp table risk_in (id bigint primary key, kind text not null, severity text not null, cvss numeric, kev boolean not null,
  ransomware boolean not null, epss double precision, exploit boolean not null, fix boolean not null, on_path boolean not null,
  public boolean not null, blast int not null, criticality text, environment text, spread_assets int not null, spread_owners int not null,
  technique text) on commit drop;
create temp table risk_out (id bigint primary key, score numeric(5,2) not null, factors jsonb not null) on commit drop;`;

/**
 * Exposure: nodes of open attack paths (evidence.nodes[].uid) and isPublic assets; a container image takes
 * the exposure of the workloads that run it (runs_image), since its vulnerabilities are theirs.
 */
export const EXPOSED_SQL = `
insert into risk_exposed (uid, on_path, public)
with path_nodes as (
  select distinct n->>'uid' as uid
  from findings p, jsonb_array_elements(case when jsonb_typeof(p.evidence->'nodes') = 'array' then p.evidence->'nodes' else '[]' end) n
  where p.kind = 'path' and p.status = 'open' and jsonb_typeof(n) = 'object' and n->>'uid' is not null and n->>'uid' <> 'internet'
), pub as (
  select asset_uid as uid from asset_labels where label = 'isPublic'
  union select uid from assets where labels @> '{isPublic}' and gone_at is null
), direct as (
  select uid, bool_or(on_path) as on_path, bool_or(public) as public
  from (select uid, true as on_path, false as public from path_nodes union all select uid, false, true from pub) x group by uid
)
select uid, bool_or(on_path), bool_or(public)
from (select uid, on_path, public from direct
      union all
      select r.to_uid, d.on_path, d.public from relationships r join direct d on d.uid = r.from_uid where r.kind = 'runs_image') y
group by uid`;

/**
 * Blast radius: AdminEquivalent (2) or HighlyPermissiveRole (1) on the asset itself, on the role it acts as
 * (has_role, IRSA assumes_role), on the role of its Kubernetes service account, and for an image on those
 * of the workloads running it.
 */
export const BLAST_SQL = `
insert into risk_blast (uid, lvl)
with priv as (
  select uid, max(lvl) as lvl from (
    select asset_uid as uid, case label when 'AdminEquivalent' then 2 else 1 end as lvl from asset_labels where label in ('AdminEquivalent', 'HighlyPermissiveRole')
    union all
    select uid, case when labels @> '{AdminEquivalent}' then 2 else 1 end from assets where labels && '{AdminEquivalent,HighlyPermissiveRole}' and gone_at is null) x
  group by uid
), id1 as (
  select r.from_uid as uid, p.lvl from relationships r join priv p on p.uid = r.to_uid where r.kind in ${IDENTITY_EDGES}
), id2 as (
  select r.from_uid as uid, i.lvl from relationships r join id1 i on i.uid = r.to_uid where r.kind = 'uses_service_account'
), ident as (
  select uid, lvl from priv union all select uid, lvl from id1 union all select uid, lvl from id2
)
select uid, max(lvl) from (
  select uid, lvl from ident
  union all
  select r.to_uid, i.lvl from relationships r join ident i on i.uid = r.from_uid where r.kind = 'runs_image') z
group by uid`;

/** The CVE ids of each scored vulnerability finding: its advisory id and CVE aliases, upper-cased (as v_finding_exploitability). */
export const CVES_SQL = `
insert into risk_cves (id, cve)
select distinct f.id, upper(c)
from findings f
cross join lateral (select f.advisory_id as c
                    union all
                    select jsonb_array_elements_text(case when jsonb_typeof(f.properties->'aliases') = 'array' then f.properties->'aliases' else '[]' end)) x
where f.kind = 'vuln' and ${TARGET} and c ~* '^CVE-[0-9]{4}-[0-9]+$'`;

/** The spread key of a finding: its advisory for vulnerabilities, its rule for the rest. */
const spreadKey = (f: string) => `case when ${f}.kind = 'vuln' then 'a:' || ${f}.advisory_id else 'r:' || ${f}.rule_id end`;

export const SPREAD_SQL = `
insert into risk_spread (k, assets, owners)
select ${spreadKey('f')} as k, count(distinct f.asset_uid)::int, count(distinct f.owner)::int
from findings f
where f.status = 'open' and f.kind <> 'path' and ${spreadKey('f')} is not null
group by 1`;

/** Best CVSS base score a source put in properties.cvss (Trivy's per-vendor V3Score/V40Score, Grype's baseScore, ours' score). */
const SOURCE_CVSS = `(select max(m[1]::numeric) from regexp_matches((f.properties->'cvss')::text,
  '"(?:score|V3Score|V40Score|V2Score|baseScore|cvssScore)": ?([0-9]{1,2}(?:\\.[0-9]+)?)', 'g') m where m[1]::numeric <= 10)`;

export const INPUTS_SQL = `
insert into risk_in (id, kind, severity, cvss, kev, ransomware, epss, exploit, fix, on_path, public, blast, criticality, environment,
  spread_assets, spread_owners, technique)
with kev as (
  select c.id, bool_or(k.known_ransomware) as ransomware from risk_cves c join kev k on upper(k.cve_id) = c.cve group by c.id
), ep as (
  select c.id, max(e.score) as score from risk_cves c join epss e on e.cve_id = c.cve group by c.id
)
select f.id, f.kind, f.severity,
  case when f.kind = 'vuln' then coalesce(a.cvss_score, ${SOURCE_CVSS}) end,
  kev.id is not null, coalesce(kev.ransomware, false), ep.score,
  f.kind = 'vuln' and (coalesce(jsonb_array_length(case when jsonb_typeof(f.properties->'exploitRefs') = 'array' then f.properties->'exploitRefs' end), 0) > 0
    or coalesce(jsonb_path_exists(a.refs, '$[*] ? (@.type == "EXPLOIT")'), false)),
  f.kind = 'vuln' and (coalesce(f.properties->>'fixAvailable' = 'true', false)
    or coalesce(jsonb_array_length(case when jsonb_typeof(f.properties->'fixedVersions') = 'array' then f.properties->'fixedVersions' end), 0) > 0),
  coalesce(x.on_path, false), coalesce(x.public, false), coalesce(b.lvl, 0),
  coalesce(t.criticality, s.criticality), coalesce(t.environment, s.environment),
  coalesce(sp.assets, 0), coalesce(sp.owners, 0),
  case when f.kind = 'path' then regexp_replace(coalesce(f.evidence->>'technique', f.rule_id, 'unknown'), '^path\\.', '') end
from findings f
left join advisories a on f.kind = 'vuln' and a.id = f.advisory_id
left join kev on kev.id = f.id
left join ep on ep.id = f.id
left join risk_exposed x on x.uid = f.asset_uid
left join risk_blast b on b.uid = f.asset_uid
left join assets s on s.uid = f.asset_uid
left join assets t on f.kind = 'path'
  and t.uid = coalesce(f.evidence->'target'->>'uid', case when jsonb_typeof(f.evidence->'target') = 'string' then f.evidence->>'target' end)
left join risk_spread sp on sp.k = ${spreadKey('f')}
where ${TARGET}`;

const num = (n: number) => {
  if (!Number.isFinite(n)) throw new Error(`risk weight ${n} is not a number`);
  return `${n}::numeric`;
};
const jsonLiteral = (v: unknown) => `'${JSON.stringify(v).replace(/'/g, "''")}'::jsonb`;
interface FactorSql { cond: string; name: string; value: string; weight: string; contribution: string; reason: string }

/** risk_in → risk_out: each factor's contribution, the capped sum, the factors and the summary (see model.ts). */
export function outputSql(c: RiskConfig, version: string): string {
  if (!/^[0-9a-f]+$/.test(version)) throw new Error(`bad weights version ${version}`);
  const e = c.exploitability;
  const sev = Object.entries(c.severityScore).map(([k, v]) => `when '${k}' then ${num(v)}`).join(' ');
  const pathDefault = num(c.paths.default ?? 0);
  const crit = `least(${num(c.criticality.max)}, coalesce((${jsonLiteral(c.criticality.levels)}->>lower(criticality))::numeric, 0)
    + coalesce((${jsonLiteral(c.criticality.environments)}->>lower(environment))::numeric, 0))`;
  // In model order; a factor is kept when its condition holds (severity always, for non-paths).
  const factors: FactorSql[] = [
    { cond: `kind = 'path' and c_path > 0`, name: 'path', value: 'technique', weight: 'w_path', contribution: 'c_path', reason: `'attack path ' || technique` },
    { cond: `kind <> 'path'`, name: 'severity', value: 'v_sev', weight: num(c.severity), contribution: 'c_sev',
      reason: `case when cvss is not null then 'CVSS ' || trim_scale(cvss)::text else 'severity ' || severity end` },
    { cond: 'c_kev > 0', name: 'kev', value: 'true', weight: 'c_kev', contribution: 'c_kev',
      reason: `case when ransomware then 'in CISA KEV, used by ransomware' else 'in CISA KEV' end` },
    { cond: 'c_epss > 0', name: 'epss', value: 'to_jsonb(epss)', weight: num(e.epss), contribution: 'c_epss',
      reason: `'EPSS ' || to_char(round((epss * 100)::numeric, 1), 'FM990.0') || '%'` },
    { cond: 'c_exploit > 0', name: 'exploit', value: 'true', weight: num(e.exploit), contribution: 'c_exploit', reason: `'public exploit'` },
    { cond: 'c_fix > 0', name: 'fix_available', value: 'true', weight: num(e.fixAvailable), contribution: 'c_fix', reason: `'fix available'` },
    { cond: 'c_exposure > 0', name: 'exposure', value: `case when on_path then 'attack_path' else 'public' end`, weight: 'c_exposure', contribution: 'c_exposure',
      reason: `case when on_path then 'on an open attack path' else 'internet-exposed (isPublic)' end` },
    { cond: 'c_blast > 0', name: 'blast_radius', value: `case when blast = 2 then 'AdminEquivalent' else 'HighlyPermissiveRole' end`, weight: 'c_blast',
      contribution: 'c_blast', reason: `case when blast = 2 then 'its identity is admin-equivalent' else 'its identity is highly permissive' end` },
    { cond: 'c_crit > 0', name: 'criticality', value: `coalesce(criticality, '-') || '/' || coalesce(environment, '-')`, weight: num(c.criticality.max),
      contribution: 'c_crit', reason: `'criticality ' || coalesce(criticality, 'unknown') || ', environment ' || coalesce(environment, 'unknown')` },
    { cond: 'c_spread > 0', name: 'spread', value: 'spread_assets', weight: num(c.spread), contribution: 'c_spread',
      reason: `'shared by ' || spread_assets || ' assets of ' || spread_owners || ' owners'` },
  ];
  const objects = factors.map((f) => `case when ${f.cond} then jsonb_build_object('factor', '${f.name}', 'value', ${f.value}, 'weight', ${f.weight}, `
    + `'contribution', ${f.contribution}, 'reason', ${f.reason}) end`).join(',\n      ');
  // The summary: the same reasons in model order, without a per-row sort (a subquery per row doubled the cost).
  const reasons = factors.map((f) => `case when ${f.cond} and ${f.contribution} > 0 then ${f.reason} end`).join(', ');
  return `
insert into risk_out (id, score, factors)
select id, score, jsonb_build_object('score', score, 'weights_version', '${version}', 'factors', factors, 'summary', summary)
from (
  select id, least(100, c_path + c_sev + c_kev + c_epss + c_exploit + c_fix + c_exposure + c_blast + c_crit + c_spread)::numeric(5,2) as score,
    to_jsonb(array_remove(array[
      ${objects}
    ]::jsonb[], null)) as factors,
    concat_ws('; ', ${reasons}) as summary
  from (
    select i.*, v_sev, w_path,
      case when kind = 'path' then round(w_path, 2) else 0 end as c_path,
      case when kind <> 'path' then round(v_sev * ${num(c.severity)}, 2) else 0 end as c_sev,
      case when kind <> 'path' and kev then round(${num(e.kev)} + case when ransomware then ${num(e.ransomware)} else 0 end, 2) else 0 end as c_kev,
      case when kind <> 'path' and epss > 0 then round((epss * ${e.epss})::numeric, 2) else 0 end as c_epss,
      case when kind <> 'path' and exploit then round(${num(e.exploit)}, 2) else 0 end as c_exploit,
      case when kind <> 'path' and fix then round(${num(e.fixAvailable)}, 2) else 0 end as c_fix,
      case when kind = 'path' then 0 when on_path then round(${num(c.exposure.attackPath)}, 2) when public then round(${num(c.exposure.public)}, 2) else 0 end as c_exposure,
      case when kind = 'path' then 0 when blast = 2 then round(${num(c.blastRadius.admin)}, 2) when blast = 1 then round(${num(c.blastRadius.permissive)}, 2) else 0 end as c_blast,
      round(${crit}, 2) as c_crit,
      case when kind <> 'path' and spread_assets > 1 then round((${c.spread} * least(1, log(spread_assets::float8) / 2))::numeric, 2) else 0 end as c_spread
    from risk_in i
    cross join lateral (select coalesce(cvss, case severity ${sev} else 0 end) as v_sev,
                               coalesce((${jsonLiteral(c.paths)}->>technique)::numeric, ${pathDefault}) as w_path) w
  ) c
) s`;
}

/** Writes the scores that changed; content_hash and last_seen are not the risk's business. */
export const UPDATE_SQL = `
update findings f set risk_score = o.score, risk_factors = o.factors
from risk_out o
where f.id = o.id and (f.risk_score is distinct from o.score or f.risk_factors is distinct from o.factors)`;
