import type { Queryable } from '../db.js';
import type { TenantScope } from './tenant-scope.js';

export interface DomainScore { score: number; open_findings: number; open_risk: number }
export interface ScopeScore extends DomainScore { assets: number; domains: Record<string, DomainScore> }
export interface CurrentPosture {
  /** The day of the latest scores; null before the first analyze. */
  day: string | null;
  /** The organization's; null for a tenant, which sees only its owners. */
  overall: ScopeScore | null;
  owners: (ScopeScore & { owner: string })[];
  /** Accounts span tenants: empty for a tenant. */
  accounts: (ScopeScore & { account: string })[];
}

interface Row { scope_kind: string; scope_id: string; domain: string; score: number; open_findings: number; open_risk: number; assets: number }

function group(rows: Row[]): Map<string, ScopeScore> {
  const out = new Map<string, ScopeScore>();
  for (const r of rows) {
    const key = `${r.scope_kind}\t${r.scope_id}`;
    let s = out.get(key);
    if (!s) {
      s = { score: 100, open_findings: 0, open_risk: 0, assets: r.assets, domains: {} };
      out.set(key, s);
    }
    const d = { score: r.score, open_findings: r.open_findings, open_risk: r.open_risk };
    if (r.domain === 'overall') Object.assign(s, d);
    else s.domains[r.domain] = d;
  }
  return out;
}

const dayText = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));

/** The latest day's scores the scope may see: everything for all-tenant principals, its owners' otherwise. */
export async function currentPosture(db: Queryable, scope: TenantScope): Promise<CurrentPosture> {
  const [latest] = await db.query<{ day: unknown }>('select max(day)::text as day from posture_scores');
  if (!latest?.day) return { day: null, overall: null, owners: [], accounts: [] };
  const day = dayText(latest.day);
  const rows = scope.owners === null
    ? await db.query<Row>('select scope_kind, scope_id, domain, score, open_findings, open_risk::float8 as open_risk, assets from posture_scores where day = $1::date', [day])
    : await db.query<Row>(`select scope_kind, scope_id, domain, score, open_findings, open_risk::float8 as open_risk, assets from posture_scores
                           where day = $1::date and scope_kind = 'owner' and scope_id = any($2::text[])`, [day, [...scope.owners]]);
  const owners: CurrentPosture['owners'] = [];
  const accounts: CurrentPosture['accounts'] = [];
  let overall: ScopeScore | null = null;
  for (const [key, s] of group(rows)) {
    const [kind, id] = key.split('\t') as [string, string];
    if (kind === 'org') overall = s;
    else if (kind === 'owner') owners.push({ owner: id, ...s });
    else accounts.push({ account: id, ...s });
  }
  // Worst first: what to look at.
  owners.sort((a, b) => a.score - b.score || a.owner.localeCompare(b.owner));
  accounts.sort((a, b) => a.score - b.score || a.account.localeCompare(b.account));
  return { day, overall, owners, accounts };
}

export interface PostureHistoryPoint { day: string; score: number; domains: Record<string, number> }

/** Daily scores of one scope over the last `days` days, oldest first; null when the scope may not see it. */
export async function postureHistory(db: Queryable, scope: TenantScope, which: { kind: 'org' | 'owner' | 'account'; id: string }, days: number):
Promise<PostureHistoryPoint[] | null> {
  if (scope.owners !== null && (which.kind !== 'owner' || !scope.owners.includes(which.id))) return null;
  const rows = await db.query<{ day: string; domain: string; score: number }>(
    `select day::text as day, domain, score from posture_scores
     where scope_kind = $1 and scope_id = $2 and day > (select max(day) from posture_scores) - $3::int
     order by day, domain`, [which.kind, which.kind === 'org' ? '' : which.id, days]);
  const out = new Map<string, PostureHistoryPoint>();
  for (const r of rows) {
    const day = dayText(r.day);
    let p = out.get(day);
    if (!p) out.set(day, p = { day, score: 100, domains: {} });
    if (r.domain === 'overall') p.score = r.score;
    else p.domains[r.domain] = r.score;
  }
  return [...out.values()];
}
