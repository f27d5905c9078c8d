import { useQuery } from '@tanstack/react-query';
import { api, isMissing } from '../api/client';
import type { Owner, Page, Posture, SlaEntry } from '../api/types';
import { Card, Empty, Failure, Loading, Stat } from '../components/ui';
import { Link, ownerHref } from '../router';
import { FindingsTable, useFindings } from './AlertCenter';

function useSla() {
  return useQuery({ queryKey: ['sla'], queryFn: () => api.get<Page<SlaEntry> | SlaEntry[]>('/api/v1/sla') });
}
const slaItems = (d: Page<SlaEntry> | SlaEntry[] | undefined): SlaEntry[] => (!d ? [] : Array.isArray(d) ? d : d.items);

function postureOf(p: Posture | undefined, owner: string): number | null {
  const o = p?.owners;
  if (!o) return null;
  if (Array.isArray(o)) {
    const e = o.find((x) => (x.id ?? x.name ?? (x as { owner?: string }).owner) === owner);
    return e ? Number(e.score) : null;
  }
  const v = o[owner];
  return v === undefined ? null : typeof v === 'number' ? v : Number(v.score);
}

export function Owners() {
  const owners = useQuery({ queryKey: ['owners'], queryFn: () => api.get<Page<Owner>>('/api/v1/owners') });
  const sla = useSla();
  const posture = useQuery({ queryKey: ['posture'], queryFn: () => api.get<Posture>('/api/v1/posture') });
  if (owners.isPending) return <Loading />;
  if (owners.isError) return <Failure error={owners.error} what="owners" />;
  const bySla = new Map(slaItems(sla.data).map((s) => [s.owner ?? '', s]));
  return (
    <div className="page">
      <header className="page-head"><h1>Owners</h1><span className="muted">each team is a tenant: its own assets, findings and score</span></header>
      {owners.data.items.length === 0 ? <Empty>No owners yet.</Empty> : (
        <table className="table">
          <thead><tr><th>Team</th><th>Score</th><th>Assets</th><th>Critical</th><th>High</th><th>Open</th><th>SLA breached</th><th>At risk</th></tr></thead>
          <tbody>
            {owners.data.items.map((o) => {
              const s = bySla.get(o.id);
              const score = postureOf(posture.data, o.id);
              return (
                <tr key={o.id}>
                  <td><Link to={ownerHref(o.id)}>{o.name}</Link></td><td>{score === null ? '–' : Math.round(score)}</td><td>{o.assets}</td>
                  <td>{o.open_findings.critical}</td><td>{o.open_findings.high}</td><td>{o.open_findings.total}</td>
                  <td>{s ? s.breached : '–'}</td><td>{s ? s.at_risk : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function OwnerPage({ id }: { id: string }) {
  const owners = useQuery({ queryKey: ['owners'], queryFn: () => api.get<Page<Owner>>('/api/v1/owners') });
  const sla = useSla();
  const posture = useQuery({ queryKey: ['posture'], queryFn: () => api.get<Posture>('/api/v1/posture') });
  const findings = useFindings({ owner: id }, 25);
  const o = owners.data?.items.find((x) => x.id === id);
  const s = slaItems(sla.data).find((x) => x.owner === id);
  const score = postureOf(posture.data, id);
  return (
    <div className="page">
      <header className="page-head"><h1>Team {o?.name ?? id}</h1></header>
      {owners.isPending ? <Loading /> : !o ? <Empty>No team {id} in your view.</Empty> : (
        <Card>
          <div className="stats">
            <Stat label="posture score" value={score === null ? '–' : Math.round(score)} />
            <Stat label="assets" value={o.assets} />
            <Stat label="open findings" value={o.open_findings.total} />
            <Stat label="critical" value={o.open_findings.critical} tone="bad" />
            <Stat label="SLA breached" value={s ? s.breached : sla.isError && isMissing(sla.error) ? 'n/a' : '–'} tone="bad" />
            <Stat label="SLA at risk" value={s ? s.at_risk : '–'} />
          </div>
        </Card>
      )}
      <Card title="Most urgent findings">
        {findings.isPending ? <Loading /> : findings.isError ? <Failure error={findings.error} what="findings" /> :
          <FindingsTable items={findings.data.pages.flatMap((p) => p.items)} showOwner />}
      </Card>
    </div>
  );
}
