import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/client';
import type { FindingDetail, FindingEvent, Me } from '../api/types';
import { Card, Empty, Failure, JsonBlock, Loading, RiskScore, SeverityBadge, fmtDate } from '../components/ui';
import { TRIAGE_STATES, whyFirst } from '../components/why';
import { assetHref, Link, ownerHref, pathHref } from '../router';

function Triage({ f, onDone }: { f: FindingDetail; onDone: () => void }) {
  const [state, setState] = useState('acknowledged');
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState(() => new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10));
  const expiry = state === 'risk_accepted' ? { expires_at: new Date(`${expires}T00:00:00Z`).toISOString() } : {};
  const [comment, setComment] = useState('');
  const [msg, setMsg] = useState<string | null>(null);
  const run = async (path: string, body: unknown, done: string) => {
    try {
      await api.post(path, body);
      setMsg(done);
      onDone();
    } catch (e) {
      setMsg(e instanceof ApiError && e.status === 404 ? 'Not available on this server yet.' : `Failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const triage = (e: FormEvent) => { e.preventDefault(); void run(`/api/v1/findings/${f.id}/triage`, { state, ...(reason ? { reason } : {}), ...expiry }, `set to ${state.replace('_', ' ')}`); };
  const addComment = (e: FormEvent) => { e.preventDefault(); if (comment) void run(`/api/v1/findings/${f.id}/comments`, { text: comment }, 'comment added').then(() => setComment('')); };
  return (
    <Card title="Triage">
      <form className="inline-form" onSubmit={triage} aria-label="triage">
        <select value={state} onChange={(e) => setState(e.target.value)} aria-label="triage state">
          {TRIAGE_STATES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </select>
        <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="reason" aria-label="reason" />
        {state === 'risk_accepted' ? <input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} aria-label="accepted until" /> : null}
        <button type="submit">Save</button>
      </form>
      <form className="inline-form" onSubmit={addComment} aria-label="comment">
        <input value={comment} onChange={(e) => setComment(e.target.value)} placeholder="comment" aria-label="comment text" />
        <button type="submit">Comment</button>
      </form>
      {msg ? <p role="status">{msg}</p> : null}
    </Card>
  );
}

function History({ id, fallback }: { id: number; fallback: FindingEvent[] }) {
  const h = useQuery({ queryKey: ['history', id], queryFn: () => api.get<{ items: FindingEvent[] }>(`/api/v1/findings/${id}/history`) });
  const items = h.data?.items ?? fallback;
  if (items.length === 0) return <Empty>No history.</Empty>;
  return (
    <ul className="timeline">
      {items.map((e, i) => (
        <li key={i}><span className="muted">{fmtDate(e.at)}</span> <strong>{e.type}</strong>{e.actor ? ` by ${e.actor}` : ''} <code>{JSON.stringify(e.details)}</code></li>
      ))}
    </ul>
  );
}

export function FindingPage({ id, me }: { id: number; me: Me }) {
  const q = useQuery({ queryKey: ['finding', id], queryFn: () => api.get<FindingDetail>(`/api/v1/findings/${id}`) });
  const client = useQueryClient();
  if (q.isPending) return <Loading />;
  if (q.isError) return <Failure error={q.error} what={`finding ${id}`} />;
  const f = q.data;
  const factors = f.risk_factors?.factors ?? [];
  const refresh = () => { void client.invalidateQueries({ queryKey: ['finding', id] }); void client.invalidateQueries({ queryKey: ['history', id] }); void client.invalidateQueries({ queryKey: ['findings'] }); };
  return (
    <div className="page">
      <header className="page-head">
        <h1 className="finding-heading"><SeverityBadge severity={f.severity} /> <span data-testid="finding-title">{f.title}</span></h1>
        <div className="muted">#{f.id} · {f.kind} · {f.status} · triage: <span data-testid="triage-state">{f.triage}</span>{f.due_at ? ` · due ${fmtDate(f.due_at)}` : ''}</div>
      </header>
      <div className="grid-2">
        <Card title="Why it ranks here">
          <div className="risk-big">Risk <RiskScore score={f.risk_score} /></div>
          {f.risk_factors?.summary ? <p>{f.risk_factors.summary}</p> : null}
          {factors.length ? (
            <table className="table compact"><thead><tr><th>Factor</th><th>Value</th><th>Contribution</th><th>Reason</th></tr></thead>
              <tbody>{factors.map((x, i) => <tr key={i}><td>{x.factor}</td><td>{x.value === undefined ? '' : JSON.stringify(x.value)}</td><td>{x.contribution ?? ''}</td><td>{x.reason ?? ''}</td></tr>)}</tbody></table>
          ) : <ul>{whyFirst(f, 6).map((w) => <li key={w}>{w}</li>)}</ul>}
        </Card>
        <Card title="Where and whose">
          <dl className="facts">
            <dt>Asset</dt><dd>{f.asset_uid ? <Link to={assetHref(f.asset_uid)} className="asset-link">{f.asset_uid}</Link> : '–'}</dd>
            <dt>Owner</dt><dd>{f.owner ? <Link to={ownerHref(f.owner)}>{f.owner}</Link> : 'none'}{f.owner_reason ? <span className="muted"> ({f.owner_reason})</span> : null}</dd>
            {f.package_purl ? <><dt>Package</dt><dd><code>{f.package_purl}</code></dd></> : null}
            {f.advisory_id ? <><dt>Advisory</dt><dd>{f.advisory_id}{f.kev ? ' · in KEV' : ''}{f.epss ? ` · EPSS ${(f.epss.score * 100).toFixed(1)}%` : ''}</dd></> : null}
            {f.rule_id ? <><dt>Rule</dt><dd>{f.rule_id}</dd></> : null}
            {f.kind === 'path' ? <><dt>Path</dt><dd><Link to={pathHref(f.id)}>draw the attack path</Link></dd></> : null}
            <dt>Spread</dt><dd>{f.spread ? `${f.spread.assets} assets, ${f.spread.owners} owners` : '–'}</dd>
            <dt>Seen</dt><dd>{fmtDate(f.first_seen)} → {fmtDate(f.last_seen)}</dd>
            <dt>Sources</dt><dd>{f.sources.join(', ')}</dd>
          </dl>
        </Card>
      </div>
      {f.description ? <Card title="Description"><p className="prose">{f.description}</p></Card> : null}
      {f.remediation ? <Card title="Mitigation"><p className="prose">{f.remediation}</p></Card> : null}
      {me.role !== 'viewer' ? <Triage f={f} onDone={refresh} /> : null}
      <Card title="History"><History id={f.id} fallback={f.events} /></Card>
      <Card title="Evidence"><JsonBlock value={f.evidence} /></Card>
    </div>
  );
}
