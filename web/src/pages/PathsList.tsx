import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { AttackPath, Page } from '../api/types';
import { Empty, Failure, Loading, RiskScore } from '../components/ui';
import { Link, pathHref } from '../router';

export function PathsList() {
  const q = useQuery({ queryKey: ['paths', 'all'], queryFn: () => api.get<Page<AttackPath>>('/api/v1/paths?limit=500') });
  return (
    <div className="page">
      <header className="page-head"><h1>Attack paths</h1><span className="muted">from an entry point to what matters, hop by hop</span></header>
      {q.isPending ? <Loading /> : q.isError ? <Failure error={q.error} what="attack paths" /> : q.data.items.length === 0 ? <Empty>No open attack paths.</Empty> : (
        <table className="table" data-testid="paths-table">
          <thead><tr><th>Risk</th><th>Path</th><th>Hops</th><th>Entry → target</th></tr></thead>
          <tbody>
            {q.data.items.map((p) => (
              <tr key={p.id}>
                <td><RiskScore score={p.risk_score} /></td>
                <td><Link to={pathHref(p.id)} className="path-link">{p.title}</Link></td>
                <td>{p.edges.length}</td>
                <td className="small">{p.nodes[0]?.name ?? p.nodes[0]?.uid} → {p.nodes[p.nodes.length - 1]?.name ?? p.nodes[p.nodes.length - 1]?.uid}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
