import type { Db } from '../store/db.js';
import { DEFAULT_RISK_CONFIG, type RiskConfig } from '../engines/risk/config.js';

export const POSTURE_DOMAINS = ['configuration', 'vulnerability', 'iam', 'coverage', 'data'] as const;
export type PostureDomain = (typeof POSTURE_DOMAINS)[number];

/** Which domain a finding kind counts in; attack paths count in the overall score only. */
export const DOMAIN_OF_KIND: Readonly<Record<string, PostureDomain | null>> = {
  config: 'configuration', code: 'configuration', vuln: 'vulnerability', license: 'vulnerability',
  iam: 'iam', secret: 'iam', coverage: 'coverage', data: 'data', path: null,
};

export interface ScorePostureResult { day: string; rows: number; ms: number }

const domainCase = `case f.kind ${Object.entries(DOMAIN_OF_KIND).filter(([, d]) => d).map(([k, d]) => `when '${k}' then '${d}'`).join(' ')} end`;

/**
 * Records today's posture scores: for the organization, each owner and each account, overall and per
 * domain, score = 100 / (1 + R / (N × k)) with R the open risk (sum of risk_score / 100 of the open findings
 * not triaged false_positive or suppressed), N the live assets of the scope (at least 1) and k the risk per
 * asset at which the score is 50. Resolving a finding only lowers R: the score never drops for a fix.
 * One upsert per (day, scope, domain); the day's rows of scopes that no longer exist are removed.
 */
export async function scorePosture(db: Db, options: { now?: Date; config?: RiskConfig } = {}): Promise<ScorePostureResult> {
  const started = performance.now();
  const day = (options.now ?? new Date()).toISOString().slice(0, 10);
  const k = (options.config ?? DEFAULT_RISK_CONFIG).postureRiskPerAsset;
  if (!(Number.isFinite(k) && k > 0)) throw new Error(`postureRiskPerAsset must be positive, got ${k}`);
  const rows = await db.transaction(async (tx) => {
    const [r] = await tx.query<{ n: number }>(`
      with f as (
        select f.owner, a.account, ${domainCase} as domain, coalesce(f.risk_score, 0) / 100.0 as risk
        from findings f left join assets a on a.uid = f.asset_uid
        where f.status = 'open' and f.triage not in ('false_positive', 'suppressed')
      ), g as (
        select s.sk, s.sid, d.dm, count(*)::int as n, sum(f.risk) as risk
        from f
        cross join lateral (values ('org', ''), ('owner', f.owner), ('account', f.account)) s(sk, sid)
        cross join lateral (values (f.domain), ('overall')) d(dm)
        where s.sid is not null and d.dm is not null
        group by 1, 2, 3
      ), n as (
        select s.sk, s.sid, count(*)::int as assets
        from assets a cross join lateral (values ('org', ''), ('owner', a.owner), ('account', a.account)) s(sk, sid)
        where a.gone_at is null and not a.reference and s.sid is not null
        group by 1, 2
      ), scopes as (
        select sk, sid from n union select sk, sid from g union select 'org', ''
      ), computed as (
        select $1::date as day, sc.sk, sc.sid, dm.domain, coalesce(g.n, 0) as n, coalesce(g.risk, 0) as risk, greatest(coalesce(n.assets, 0), 1) as assets
        from scopes sc
        cross join unnest(array['overall', ${POSTURE_DOMAINS.map((d) => `'${d}'`).join(', ')}]) dm(domain)
        left join g on g.sk = sc.sk and g.sid = sc.sid and g.dm = dm.domain
        left join n on n.sk = sc.sk and n.sid = sc.sid
      ), upserted as (
        insert into posture_scores (day, scope_kind, scope_id, domain, score, open_findings, open_risk, assets, computed_at)
        select day, sk, sid, domain, round(100 / (1 + risk / (assets * $2::numeric)), 2), n, round(risk, 4), assets, now() from computed
        on conflict (day, scope_kind, scope_id, domain) do update set score = excluded.score, open_findings = excluded.open_findings,
          open_risk = excluded.open_risk, assets = excluded.assets, computed_at = excluded.computed_at
        returning scope_kind, scope_id, domain
      ), stale as (
        delete from posture_scores p where p.day = $1::date
          and not exists (select 1 from computed c where c.sk = p.scope_kind and c.sid = p.scope_id and c.domain = p.domain)
      )
      select count(*)::int as n from upserted`, [day, k]);
    return r?.n ?? 0;
  });
  return { day, rows, ms: performance.now() - started };
}
