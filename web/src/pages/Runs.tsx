import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Page, Run } from '../api/types';
import { Empty, Failure, Loading, fmtDate } from '../components/ui';

export function Runs() {
  // Running runs move: poll while one is in progress.
  const q = useQuery({ queryKey: ['runs'], queryFn: () => api.get<Page<Run>>('/api/v1/runs?limit=100'),
    refetchInterval: (query) => (query.state.data?.items.some((r) => r.status === 'running') ? 3000 : false) });
  if (q.isPending) return <Loading />;
  if (q.isError) return <Failure error={q.error} what="runs" />;
  return (
    <div className="page">
      <header className="page-head"><h1>Runs</h1><span className="muted">collections, imports and analyses, newest first</span></header>
      {q.data.items.length === 0 ? <Empty>No runs yet.</Empty> : (
        <table className="table">
          <thead><tr><th>#</th><th>Source</th><th>Status</th><th>Started</th><th>Took</th><th>Input</th><th>Counts</th></tr></thead>
          <tbody>
            {q.data.items.map((r) => (
              <tr key={r.id}>
                <td>{r.id}</td><td>{r.source}</td><td><span className={`status status-${r.status}`}>{r.status}</span>{r.error ? <div className="sub error-text">{r.error}</div> : null}</td>
                <td>{fmtDate(r.started_at)}</td><td>{r.seconds === null ? '…' : `${r.seconds.toFixed(1)} s`}</td>
                <td className="small">{Object.entries(r.input).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' · ')}</td>
                <td className="small">{Object.entries(r.counts).filter(([, v]) => v !== 0).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
