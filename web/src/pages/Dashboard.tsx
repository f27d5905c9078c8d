import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, isMissing } from '../api/client';
import type { Finding, Me, Page, Posture, PosturePoint, QueryResult, ScoreEntry, Owner } from '../api/types';
import { EChart, type ChartOption } from '../charts/EChart';
import { Card, Empty, Failure, Loading, RiskScore, SeverityBadge, Stat, shortUid } from '../components/ui';
import { assetHref, findingHref, Link, navigate, ownerHref } from '../router';

interface Named { name: string; score: number }

/** The posture API is read defensively: arrays of entries or maps of name to score. */
function entries(x: Posture['domains']): Named[] {
  if (!x) return [];
  if (Array.isArray(x)) {
    return x.map((entry: ScoreEntry) => {
      const e = entry as ScoreEntry & { owner?: string; account?: string; domain?: string };
      return { name: String(e.name ?? e.id ?? e.owner ?? e.account ?? e.domain ?? '?'), score: Number(e.score) };
    });
  }
  return Object.entries(x).map(([name, v]) => ({ name, score: typeof v === 'number' ? v : Number(v.score) }));
}
function domainsOf(p: Posture): Posture['domains'] {
  return p.domains ?? (p.overall && typeof p.overall === 'object' ? p.overall.domains : undefined);
}
function overallOf(p: Posture): number | null {
  const o = p.overall;
  if (o === null || o === undefined) return null;
  return typeof o === 'number' ? o : Number(o.score);
}

/** When the posture endpoint is not there: a score from open findings weighted by severity, from the console. */
const FALLBACK_SQL = {
  domains: `select kind as name, count(*) filter (where severity = 'critical')::int as critical, count(*) filter (where severity = 'high')::int as high,
              count(*) filter (where severity = 'medium')::int as medium, count(*) filter (where severity in ('low','info'))::int as low
            from v_findings where status = 'open' group by kind order by 1`,
  accounts: `select coalesce(a.account, '(none)') as name, count(*) filter (where f.severity = 'critical')::int as critical, count(*) filter (where f.severity = 'high')::int as high,
               count(*) filter (where f.severity = 'medium')::int as medium, count(*) filter (where f.severity in ('low','info'))::int as low
             from v_findings f left join v_assets a on a.uid = f.asset_uid where f.status = 'open' group by 1 order by 1`,
  trend: `select to_char(d, 'YYYY-MM-DD') as day,
            (select count(*)::int from v_findings f where f.first_seen < d + interval '1 day' and (f.resolved_at is null or f.resolved_at >= d + interval '1 day')) as open
          from generate_series(date_trunc('day', now()) - interval '29 days', date_trunc('day', now()), interval '1 day') d order by d`,
};

const SEV_COLORS = { critical: '#b42318', high: '#e8590c', medium: '#f0b429', low: '#4c9aff' };
const SCORE_COLOR = (s: number) => (s >= 80 ? '#2f9e44' : s >= 60 ? '#f0b429' : s >= 40 ? '#e8590c' : '#b42318');

function scoreBar(items: Named[], label: string): ChartOption {
  const sorted = [...items].sort((a, b) => a.score - b.score);
  return {
    grid: { left: 120, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', data: sorted.map((i) => i.name), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [{ type: 'bar', name: label, data: sorted.map((i) => ({ value: Math.round(i.score), itemStyle: { color: SCORE_COLOR(i.score) } })), label: { show: true, position: 'right' } }],
  };
}

function stacked(rows: Record<string, unknown>[]): ChartOption {
  const names = rows.map((r) => String(r.name));
  return {
    legend: { top: 0 },
    grid: { left: 120, right: 24, top: 28, bottom: 24 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: names, axisLabel: { width: 110, overflow: 'truncate' } },
    series: (['critical', 'high', 'medium', 'low'] as const).map((s) => ({ type: 'bar', stack: 'sev', name: s, itemStyle: { color: SEV_COLORS[s] }, data: rows.map((r) => Number(r[s] ?? 0)) })),
  };
}

function gauge(score: number): ChartOption {
  return {
    series: [{
      type: 'gauge', min: 0, max: 100, progress: { show: true, width: 14 }, axisLine: { lineStyle: { width: 14 } },
      itemStyle: { color: SCORE_COLOR(score) }, detail: { valueAnimation: false, fontSize: 34, formatter: '{value}', offsetCenter: [0, '10%'] },
      splitLine: { show: false }, axisTick: { show: false }, axisLabel: { show: false }, pointer: { show: false }, data: [{ value: Math.round(score) }],
    }],
  };
}

function line(points: { day: string; value: number }[], name: string): ChartOption {
  return {
    grid: { left: 48, right: 16, top: 16, bottom: 32 },
    xAxis: { type: 'category', data: points.map((p) => p.day.slice(5)) },
    yAxis: { type: 'value' },
    series: [{ type: 'line', name, smooth: true, areaStyle: { opacity: 0.15 }, data: points.map((p) => p.value) }],
  };
}

/** Severity-weighted score (100 = nothing open), the fallback when the posture API is absent. */
function fallbackScore(c: { critical: number; high: number; medium: number; low: number }, assets: number): number {
  const weight = c.critical * 10 + c.high * 5 + c.medium * 2 + c.low * 0.5;
  return Math.max(0, Math.min(100, 100 - (100 * weight) / (weight + Math.max(assets, 1) * 5)));
}

function useConsole(sql: string, enabled: boolean) {
  return useQuery({ queryKey: ['console', sql], enabled, queryFn: () => api.post<QueryResult>('/api/v1/query', { sql, limit: 500 }) });
}

export default function Dashboard({ me }: { me: Me }) {
  const posture = useQuery({ queryKey: ['posture'], queryFn: () => api.get<Posture>('/api/v1/posture') });
  const history = useQuery({ queryKey: ['posture-history'], queryFn: () => api.get<Page<PosturePoint> | PosturePoint[]>('/api/v1/posture/history?scope=org&days=30') });
  const owners = useQuery({ queryKey: ['owners'], queryFn: () => api.get<Page<Owner>>('/api/v1/owners') });
  const top = useQuery({ queryKey: ['top-risks'], queryFn: () => api.get<Page<Finding>>('/api/v1/findings?limit=10') });
  const noPosture = posture.isError && isMissing(posture.error);
  const domains = useConsole(FALLBACK_SQL.domains, true);
  const accounts = useConsole(FALLBACK_SQL.accounts, posture.isError);
  const trend = useConsole(FALLBACK_SQL.trend, history.isError);

  const ownerScores = useMemo<Named[]>(() => {
    if (posture.data) return entries(posture.data.owners);
    return (owners.data?.items ?? []).map((o) => ({ name: o.id, score: fallbackScore(o.open_findings, o.assets) }));
  }, [posture.data, owners.data]);
  const overall = useMemo<number | null>(() => {
    if (posture.data) return overallOf(posture.data);
    if (!owners.data) return null;
    const sum = { critical: 0, high: 0, medium: 0, low: 0 };
    let assets = 0;
    for (const o of owners.data.items) {
      sum.critical += o.open_findings.critical; sum.high += o.open_findings.high; sum.medium += o.open_findings.medium; sum.low += o.open_findings.low + o.open_findings.info;
      assets += o.assets;
    }
    return fallbackScore(sum, assets);
  }, [posture.data, owners.data]);
  const trendPoints = useMemo(() => {
    if (history.data) {
      const items = Array.isArray(history.data) ? history.data : history.data.items;
      return { name: 'posture score', points: items.map((p) => ({ day: String(p.day ?? p.date ?? p.at ?? ''), value: Math.round(Number(p.score)) })) };
    }
    const points = (trend.data?.items ?? []).map((r) => ({ day: String(r.day), value: Number(r.open) }));
    // Days before anything was recorded say nothing: start at the first day with data (a week at least).
    const first = points.findIndex((p) => p.value > 0);
    return { name: 'open findings', points: points.slice(Math.max(0, Math.min(first, points.length - 7))) };
  }, [history.data, trend.data]);

  const totals = owners.data?.items.reduce((t, o) => ({ open: t.open + o.open_findings.total, critical: t.critical + o.open_findings.critical, assets: t.assets + o.assets }), { open: 0, critical: 0, assets: 0 });

  return (
    <div className="page dashboard">
      <header className="page-head">
        <h1>{me.tenant ? `Team ${me.tenant}` : 'Organization'} posture</h1>
        {noPosture ? <span className="muted small">Scores estimated from open findings (the posture service is not available on this server).</span> : null}
      </header>
      <div className="grid-4">
        <Card title="Posture score" className="score-card">
          {overall === null ? <Loading /> : <EChart option={gauge(overall)} height={180} label={`posture score ${Math.round(overall)}`} />}
        </Card>
        <Card title="At a glance">
          <div className="stats">
            <Stat label="open findings" value={totals?.open ?? '…'} />
            <Stat label="critical" value={totals?.critical ?? '…'} tone="bad" />
            <Stat label="owned assets" value={totals?.assets ?? '…'} />
            <Stat label="teams" value={owners.data?.items.length ?? '…'} />
          </div>
        </Card>
        {trendPoints.points.length >= 2 ? (
          <Card title={trendPoints.name === 'open findings' ? 'Open findings, 30 days' : 'Posture, 30 days'}>
            <EChart option={line(trendPoints.points, trendPoints.name)} height={200} label="trend" />
          </Card>
        ) : (
          // A fresh store has one day of history: the score by domain says more until the trend builds up.
          <Card title="Score by domain (the trend builds up day by day)">
            {posture.data ? <EChart option={scoreBar(entries(domainsOf(posture.data)), 'score')} height={200} label="score by domain" /> : <Empty>No history yet.</Empty>}
          </Card>
        )}
      </div>
      <div className="grid-2">
        <div>
          <Card title="Score by owner">
            {ownerScores.length ? <EChart option={scoreBar(ownerScores, 'score')} height={Math.max(160, ownerScores.length * 26)} label="score by owner" onClick={(n) => navigate(ownerHref(n))} />
              : owners.isError ? <Failure error={owners.error} what="owners" /> : <Empty>No owners yet.</Empty>}
          </Card>
          <Card title={posture.data ? 'Score by account' : 'Open findings by account'}>
            {posture.data ? <EChart option={scoreBar(entries(posture.data.accounts), 'score')} height={Math.max(140, entries(posture.data.accounts).length * 26)} label="score by account" />
              : accounts.data ? <EChart option={stacked(accounts.data.items)} label="findings by account" /> : <Loading />}
          </Card>
        </div>
        <Card title="Top risks">
          {top.isPending ? <Loading /> : top.isError ? <Failure error={top.error} what="findings" /> : top.data.items.length === 0 ? <Empty>Nothing open. </Empty> : (
            <ol className="top-risks" data-testid="top-risks">
              {top.data.items.map((f) => (
                <li key={f.id}>
                  <RiskScore score={f.risk_score} /> <SeverityBadge severity={f.severity} />{' '}
                  <Link to={findingHref(f.id)} className="finding-title">{f.title}</Link>
                  {f.asset_uid ? <div className="sub"><Link to={assetHref(f.asset_uid)} className="asset-link">{shortUid(f.asset_uid)}</Link> · {f.owner ?? 'no owner'}</div> : null}
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
      <Card title="Open findings by domain and severity">
        {domains.data ? <EChart option={stacked(domains.data.items)} height={Math.max(140, domains.data.items.length * 34)} label="findings by domain" onClick={(n) => navigate(`/alerts?kind=${encodeURIComponent(n)}`)} />
          : domains.isError ? <Failure error={domains.error} what="domains" /> : <Loading />}
      </Card>
    </div>
  );
}
