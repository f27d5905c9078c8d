import type { Queryable } from '../../store/db.js';
import { schemeFor } from '../vulns/versions/index.js';

/**
 * Fix plans: open findings grouped by the one action that resolves them all, ranked by the risk that action
 * removes. Two kinds of action:
 * - `package-upgrade`: upgrade one package in one image (the base image when the finding is inherited from
 *   it) or on one asset, to the highest of its findings' nearest fixed versions;
 * - `rule-remediation`: apply one rule's remediation on every asset it fails on.
 * An action also breaks the open attack paths one of whose hops (edge evidence finding_id / fingerprint) is
 * among its findings; their risk counts in what it removes.
 */
export interface FixPlan {
  id: string;
  kind: 'package-upgrade' | 'rule-remediation';
  action: string;
  /** The action with what it resolves, in one sentence. */
  summary: string;
  target: string;
  package: string | null;
  fixed_version: string | null;
  rule_id: string | null;
  resolves: { findings: number; assets: number; owners: number; paths: number };
  /** Sum of the risk scores of its findings and of the attack paths it breaks. */
  risk_removed: number;
  /** The ids of its findings, highest risk first (at most FINDINGS_PER_PLAN). */
  findings: number[];
}

export const FINDINGS_PER_PLAN = 50;

interface PlanRow {
  kind: 'package-upgrade' | 'rule-remediation';
  key: string;
  target: string;
  target_kind: string | null;
  target_name: string | null;
  inherited: boolean;
  package: string | null;
  ecosystem: string | null;
  fixes: string[] | null;
  rule_id: string | null;
  title: string | null;
  remediation: string | null;
  findings: number;
  assets: number;
  owners: number;
  paths: number;
  risk_removed: number;
  ids: (number | string)[];
}

/**
 * One row per action. `$1` is the owners the caller may see (null: all); a member's plans count only its
 * own findings and paths.
 */
const PLANS_SQL = `
with f as (
  select f.id, f.fingerprint, f.kind, f.rule_id, f.title, f.remediation, f.asset_uid, f.owner, coalesce(f.risk_score, 0) as risk,
    case when f.kind = 'vuln' then 'package-upgrade' else 'rule-remediation' end as plan_kind,
    case when f.kind = 'vuln' then coalesce(f.properties->'inherited'->>'baseImage', f.asset_uid) || chr(9) || coalesce(f.properties->>'ecosystem', '') || chr(9) || (f.properties->>'packageName')
         else f.rule_id end as plan_key,
    f.properties->'inherited'->>'baseImage' as base_image,
    case when jsonb_typeof(f.properties->'fixedVersions') = 'array' then f.properties->'fixedVersions'->>0 end as fix
  from findings f
  where f.status = 'open' and f.kind <> 'path' and ($1::text[] is null or f.owner = any($1::text[]))
), planned as (
  select * from f
  where (plan_kind = 'package-upgrade' and fix is not null and plan_key is not null) or (plan_kind = 'rule-remediation' and rule_id is not null)
), hops as (
  select p.id as path_id, coalesce(p.risk_score, 0) as risk, e->'evidence' as ev
  from findings p, jsonb_array_elements(case when jsonb_typeof(p.evidence->'edges') = 'array' then p.evidence->'edges' else '[]' end) e
  where p.kind = 'path' and p.status = 'open' and ($1::text[] is null or p.owner = any($1::text[])) and jsonb_typeof(e->'evidence') = 'object'
), hop_findings as (
  select h.path_id, h.risk, x.id as finding_id from hops h join planned x on x.fingerprint = h.ev->>'fingerprint'
  union
  select h.path_id, h.risk, x.id from hops h join planned x on h.ev->>'finding_id' ~ '^[0-9]{1,18}$' and x.id = (h.ev->>'finding_id')::bigint
), broken as (
  select plan_kind, plan_key, count(*)::int as paths, sum(risk) as risk
  from (select distinct x.plan_kind, x.plan_key, hf.path_id, hf.risk from hop_findings hf join planned x on x.id = hf.finding_id) d
  group by 1, 2
), groups as (
  select plan_kind, plan_key, min(coalesce(base_image, asset_uid)) as target, bool_or(base_image is not null) as inherited,
    array_agg(distinct fix) filter (where fix is not null) as fixes, min(rule_id) as rule_id, min(title) as title, min(remediation) as remediation,
    count(*)::int as findings, count(distinct asset_uid)::int as assets, count(distinct owner)::int as owners, sum(risk) as risk,
    (array_agg(id order by risk desc, id))[1:${FINDINGS_PER_PLAN}] as ids
  from planned group by 1, 2
)
select g.plan_kind as kind, g.plan_key as key, g.target, a.kind as target_kind, a.name as target_name, g.inherited,
  case when g.plan_kind = 'package-upgrade' then split_part(g.plan_key, chr(9), 3) end as package,
  case when g.plan_kind = 'package-upgrade' then split_part(g.plan_key, chr(9), 2) end as ecosystem,
  g.fixes, g.rule_id, g.title, g.remediation, g.findings, g.assets, g.owners, coalesce(b.paths, 0) as paths,
  round(g.risk + coalesce(b.risk, 0), 2)::float8 as risk_removed, g.ids
from groups g
left join broken b on b.plan_kind = g.plan_kind and b.plan_key = g.plan_key
left join assets a on a.uid = g.target
order by risk_removed desc, g.findings desc, g.plan_key
limit $2`;

/** The highest of the nearest fixed versions: the one upgrade that fixes every finding of the group. */
export function highestVersion(versions: readonly string[], ecosystem: string | null): string | null {
  if (versions.length === 0) return null;
  const scheme = ecosystem ? schemeFor(ecosystem) : undefined;
  const cmp = scheme ? (a: string, b: string) => scheme.compare(a, b) : (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  return [...versions].sort(cmp)[versions.length - 1]!;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The first sentence of a remediation text, without its final period. */
function firstSentence(text: string | null): string | null {
  const s = text?.trim().split(/(?<=\.)\s|\n/)[0]?.replace(/\.$/, '').trim();
  return s ? s : null;
}

export function planOf(r: PlanRow): FixPlan {
  const resolves = { findings: r.findings, assets: r.assets, owners: r.owners, paths: r.paths };
  let action: string;
  let fixed: string | null = null;
  if (r.kind === 'package-upgrade') {
    fixed = highestVersion(r.fixes ?? [], r.ecosystem);
    const where = r.inherited ? 'base image' : r.target_kind === 'container.image' ? 'image' : r.target_kind ?? 'asset';
    action = `Upgrade ${r.package} to ${fixed} in ${where} ${r.target_name ?? r.target}`;
  } else {
    const what = firstSentence(r.remediation) ?? `Fix "${r.title}"`;
    action = `${what} (${r.rule_id}) on ${plural(r.assets, 'asset')}`;
  }
  const breaks = r.paths > 0 ? ` and breaks ${plural(r.paths, 'attack path')}` : '';
  const summary = `${action}: resolves ${plural(r.findings, 'finding')} across ${plural(r.assets, 'asset')} of ${plural(r.owners, 'owner')}${breaks}`;
  return {
    id: `${r.kind === 'package-upgrade' ? 'upgrade' : 'rule'}:${shortHash(`${r.kind}\t${r.key}`)}`,
    kind: r.kind, action, summary, target: r.target, package: r.package, fixed_version: fixed, rule_id: r.rule_id,
    // int8[] comes back as strings from a server, as numbers from PGlite.
    resolves, risk_removed: Number(r.risk_removed), findings: r.ids.map(Number),
  };
}

/** A stable id for a plan's key (FNV-1a, 64 bits as hex): the same action keeps its id across requests. */
function shortHash(s: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(s, 'utf8')) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

/** The fix plans, best first. `owners` confines them to a tenant's owners (null: every owner). */
export async function fixPlans(db: Queryable, options: { owners: readonly string[] | null; limit?: number }): Promise<FixPlan[]> {
  const rows = await db.query<PlanRow>(PLANS_SQL, [options.owners === null ? null : [...options.owners], options.limit ?? 50]);
  return rows.map(planOf);
}
