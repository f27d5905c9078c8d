import { useMemo, useState, type FormEvent } from 'react';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, qs } from '../api/client';
import type { Finding, Me, Page, QueryResult, RiskFactors } from '../api/types';
import { Empty, Failure, Loading, RiskScore, SeverityBadge, SEVERITIES, shortUid } from '../components/ui';
import { TRIAGE_STATES, whyFirst } from '../components/why';
import { assetHref, findingHref, Link, useLocation } from '../router';

export interface FindingFilter { kind?: string; severity?: string; status?: string; owner?: string; rule?: string; kev?: boolean; asset?: string; risk_min?: string }

const FILTER_KEYS = ['kind', 'severity', 'status', 'owner', 'rule', 'asset', 'risk_min'] as const;

function fromQuery(q: URLSearchParams, preset: FindingFilter): FindingFilter {
  const f: FindingFilter = { ...preset };
  for (const k of FILTER_KEYS) {
    const v = q.get(k);
    if (v) f[k] = v;
  }
  if (q.get('kev') === 'true') f.kev = true;
  return f;
}

export function useFindings(filter: FindingFilter, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: ['findings', filter, pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<Page<Finding>>(`/api/v1/findings${qs({ ...filter, kev: filter.kev ? true : undefined, limit: pageSize, cursor: pageParam })}`),
    getNextPageParam: (last) => last.next_cursor,
  });
}

function BulkTriage({ ids, onDone }: { ids: number[]; onDone: () => void }) {
  const [state, setState] = useState<string>('acknowledged');
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState(() => new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10));
  const expiry = state === 'risk_accepted' ? { expires_at: new Date(`${expires}T00:00:00Z`).toISOString() } : {};
  const [status, setStatus] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus('saving…');
    try {
      await api.post('/api/v1/findings/triage', { ids, state, ...(reason ? { reason } : {}), ...expiry });
      setStatus(`${ids.length} finding${ids.length === 1 ? '' : 's'} set to ${state.replace('_', ' ')}`);
      onDone();
    } catch (err) {
      setStatus(err instanceof ApiError && err.status === 404 ? 'Triage is not available on this server yet.' : `Triage failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  return (
    <form className="bulk" onSubmit={(e) => void submit(e)} aria-label="bulk triage">
      <strong>{ids.length} selected</strong>
      <select value={state} onChange={(e) => setState(e.target.value)} aria-label="triage state">
        {TRIAGE_STATES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
      </select>
      <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="reason (required to accept a risk)" aria-label="reason" />
        {state === 'risk_accepted' ? <input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} aria-label="accepted until" /> : null}
      <button type="submit" disabled={ids.length === 0}>Apply</button>
      {status ? <span className="bulk-status" role="status">{status}</span> : null}
    </form>
  );
}

/**
 * List items carry the score, not its factors: one console query fetches the factors of the rows shown
 * (tenant-scoped like everything else; ids are integers from the API).
 */
function useRiskFactors(items: Finding[]): Map<number, RiskFactors> {
  const ids = items.filter((f) => f.risk_factors === undefined && f.risk_score !== null).map((f) => Math.trunc(f.id));
  const q = useQuery({
    queryKey: ['risk-factors', ids],
    enabled: ids.length > 0,
    queryFn: () => api.post<QueryResult>('/api/v1/query', { sql: `select id, risk_factors from v_findings where id in (${ids.join(',')})`, limit: ids.length }),
  });
  return useMemo(() => new Map((q.data?.items ?? []).map((r) => [Number(r.id), r.risk_factors as RiskFactors])), [q.data]);
}

export function FindingsTable({ items, selected, onToggle, showOwner = true }: { items: Finding[]; selected?: Set<number>; onToggle?: (id: number) => void; showOwner?: boolean }) {
  const factors = useRiskFactors(items);
  return (
    <table className="table findings" data-testid="findings-table">
      <thead>
        <tr>
          {onToggle ? <th aria-label="select" /> : null}
          <th>Risk</th><th>Severity</th><th>Finding</th><th>Why first</th><th>Asset</th>{showOwner ? <th>Owner</th> : null}<th>Triage</th>
        </tr>
      </thead>
      <tbody>
        {items.map((f) => (
          <tr key={f.id} data-finding-id={f.id}>
            {onToggle ? <td><input type="checkbox" aria-label={`select finding ${f.id}`} checked={selected?.has(f.id) ?? false} onChange={() => onToggle(f.id)} /></td> : null}
            <td><RiskScore score={f.risk_score} /></td>
            <td><SeverityBadge severity={f.severity} /></td>
            <td className="title-cell"><Link to={findingHref(f.id)} className="finding-title">{f.title}</Link>
              <div className="sub">{f.kind}{f.rule_id ? ` · ${f.rule_id}` : ''}{f.advisory_id ? ` · ${f.advisory_id}` : ''}</div></td>
            <td className="why-cell">{whyFirst({ ...f, risk_factors: f.risk_factors ?? factors.get(f.id) ?? null }).map((w) => <span key={w} className="chip">{w}</span>)}</td>
            <td>{f.asset_uid ? <Link to={assetHref(f.asset_uid)} className="asset-link" title={f.asset_uid}>{shortUid(f.asset_uid)}</Link> : '–'}</td>
            {showOwner ? <td className="owner-cell">{f.owner ?? <span className="muted">none</span>}</td> : null}
            <td className="triage-cell">{f.triage === 'none' ? <span className="muted">new</span> : f.triage.replace('_', ' ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AlertCenter({ me, preset = {}, title = 'Alert center' }: { me: Me; preset?: FindingFilter; title?: string }) {
  const { query } = useLocation();
  const [filter, setFilter] = useState<FindingFilter>(() => fromQuery(query, preset));
  const [draft, setDraft] = useState<FindingFilter>(filter);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const findings = useFindings(filter);
  const client = useQueryClient();
  const items = useMemo(() => findings.data?.pages.flatMap((p) => p.items) ?? [], [findings.data]);
  const canWrite = me.role !== 'viewer';
  const toggle = (id: number) => setSelected((s) => {
    const n = new Set(s);
    if (n.has(id)) n.delete(id);
    else n.add(id);
    return n;
  });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setSelected(new Set());
    setFilter({ ...draft });
  };
  const text = (k: keyof FindingFilter, label: string, placeholder = '') => (
    <label>{label}<input value={String(draft[k] ?? '')} placeholder={placeholder} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} /></label>
  );
  return (
    <div className="page">
      <header className="page-head"><h1>{title}</h1><span className="muted">ranked by risk, then severity</span></header>
      <form className="filters" onSubmit={apply} aria-label="filters">
        {preset.kind ? null : text('kind', 'Kind', 'vuln, config, iam, path…')}
        <label>Severity
          <select value={draft.severity ?? ''} onChange={(e) => setDraft({ ...draft, severity: e.target.value })}>
            <option value="">any</option>
            <option value="critical,high">critical + high</option>
            {SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>Status
          <select value={draft.status ?? 'open'} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
            <option value="open">open</option><option value="resolved">resolved</option><option value="all">all</option>
          </select>
        </label>
        {me.tenant ? null : text('owner', 'Owner')}
        {text('rule', 'Rule')}
        {text('risk_min', 'Risk ≥', '0-100')}
        <label className="check"><input type="checkbox" checked={draft.kev ?? false} onChange={(e) => setDraft({ ...draft, kev: e.target.checked })} /> KEV only</label>
        <button type="submit">Filter</button>
      </form>
      {canWrite ? <BulkTriage ids={[...selected]} onDone={() => { setSelected(new Set()); void client.invalidateQueries({ queryKey: ['findings'] }); }} /> : null}
      {findings.isPending ? <Loading /> : findings.isError ? <Failure error={findings.error} what="findings" /> : items.length === 0 ? <Empty>No findings match.</Empty> : (
        <>
          <FindingsTable items={items} selected={canWrite ? selected : undefined} onToggle={canWrite ? toggle : undefined} />
          <div className="pager">
            <span className="muted">{items.length} shown</span>
            {findings.hasNextPage ? <button type="button" onClick={() => void findings.fetchNextPage()} disabled={findings.isFetchingNextPage}>{findings.isFetchingNextPage ? 'Loading…' : 'Load more'}</button> : null}
          </div>
        </>
      )}
    </div>
  );
}
