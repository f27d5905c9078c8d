import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Page, Rule } from '../api/types';
import { Empty, Failure, Loading, SeverityBadge } from '../components/ui';
import { Link } from '../router';

export function Rules() {
  const q = useQuery({ queryKey: ['rules'], queryFn: () => api.get<Page<Rule>>('/api/v1/rules') });
  const [text, setText] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  if (q.isPending) return <Loading />;
  if (q.isError) return <Failure error={q.error} what="rules" />;
  const t = text.toLowerCase();
  const items = q.data.items.filter((r) => !t || r.id.toLowerCase().includes(t) || r.title.toLowerCase().includes(t) || r.frameworks.some((f) => f.toLowerCase().includes(t)));
  return (
    <div className="page">
      <header className="page-head"><h1>Rule catalogue</h1><span className="muted">{q.data.items.length} rules</span></header>
      <div className="filters"><label>Search<input value={text} onChange={(e) => setText(e.target.value)} placeholder="id, title, framework" /></label></div>
      {items.length === 0 ? <Empty>No rule matches.</Empty> : (
        <table className="table">
          <thead><tr><th>Severity</th><th>Rule</th><th>Frameworks</th><th>Open</th></tr></thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td><SeverityBadge severity={r.severity} /></td>
                <td><button type="button" className="link-button" onClick={() => setOpen(open === r.id ? null : r.id)}>{r.title}</button><div className="sub">{r.id}</div>
                  {open === r.id ? (
                    <div className="rule-detail">
                      <p className="prose">{r.rationale}</p>
                      <h3>Remediation</h3><pre className="json">{r.remediation.cli || r.remediation.console}</pre>
                      <h3>SQL</h3><pre className="json">{r.sql}</pre>
                    </div>
                  ) : null}
                </td>
                <td>{r.frameworks.map((f) => <span key={f} className="chip">{f}</span>)}</td>
                <td>{r.open_findings ? <Link to={`/alerts?rule=${encodeURIComponent(r.id)}`}>{r.open_findings}</Link> : 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
