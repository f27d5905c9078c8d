import { Fragment } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { AssetDetail, AttackPath, Page, Relationship } from '../api/types';
import { Card, Empty, Failure, JsonBlock, Loading, RiskScore, fmtDate, shortUid } from '../components/ui';
import { assetHref, Link, ownerHref, pathHref } from '../router';
import { FindingsTable } from './AlertCenter';

type Props = Record<string, unknown>;
const get = (o: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Props)[k] : undefined), o);
const text = (v: unknown): string | null => (v === undefined || v === null || v === '' ? null : typeof v === 'string' ? v : JSON.stringify(v));

/** Operating system facts as the collectors stored them (EC2 describe-instances, Trivy metadata). */
function osFacts(a: AssetDetail): [string, string][] {
  const p = a.properties;
  const rows: [string, unknown][] = [
    ['Platform', get(p, 'PlatformDetails') ?? get(p, 'Platform')],
    ['OS', get(p, 'os', 'name') !== undefined ? `${text(get(p, 'os', 'family')) ?? ''} ${text(get(p, 'os', 'name')) ?? ''}`.trim() : get(p, 'OS') ?? get(p, 'os')],
    ['Image', get(p, 'ImageId')], ['Architecture', get(p, 'Architecture') ?? get(p, 'architecture')],
    ['Instance type', get(p, 'InstanceType')], ['State', get(p, 'State', 'Name')], ['Launched', get(p, 'LaunchTime')],
  ];
  return rows.flatMap(([k, v]) => (text(v) ? [[k, text(v)!] as [string, string]] : []));
}

function exposure(a: AssetDetail): [string, string][] {
  const p = a.properties;
  const out: [string, string][] = [];
  out.push(['Internet exposed', a.labels.includes('isPublic') ? 'yes (isPublic)' : 'no evidence of exposure']);
  const ip = text(get(p, 'PublicIpAddress'));
  if (ip) out.push(['Public IP', ip]);
  const tokens = text(get(p, 'MetadataOptions', 'HttpTokens'));
  if (tokens) out.push(['Instance metadata', tokens === 'required' ? 'IMDSv2 only' : 'IMDSv1 allowed']);
  const sgs = get(p, 'SecurityGroups');
  if (Array.isArray(sgs)) out.push(['Security groups', sgs.map((g) => text(get(g, 'GroupName')) ?? text(get(g, 'GroupId')) ?? '').join(', ')]);
  return out;
}

function Facts({ rows }: { rows: [string, string][] }) {
  return <dl className="facts">{rows.map(([k, v]) => <Fragment key={k}><dt>{k}</dt><dd>{v}</dd></Fragment>)}</dl>;
}

function RelList({ rels, dir }: { rels: Relationship[]; dir: 'out' | 'in' }) {
  if (rels.length === 0) return <Empty>none</Empty>;
  return (
    <ul className="rels">
      {rels.map((r, i) => {
        const other = dir === 'out' ? r.to_uid : r.from_uid;
        return <li key={i}><span className="chip">{r.kind}</span> <Link to={assetHref(other)} className="asset-link">{r.other_name ?? shortUid(other)}</Link> <span className="muted small">{r.other_kind ?? ''}</span></li>;
      })}
    </ul>
  );
}

/** The identity the compute runs as, and what that identity reaches (its own relationships and findings). */
function RoleReach({ roleUid }: { roleUid: string }) {
  const q = useQuery({ queryKey: ['asset', roleUid], queryFn: () => api.get<AssetDetail>(`/api/v1/assets/${encodeURIComponent(roleUid)}`) });
  if (q.isPending) return <Loading />;
  if (q.isError) return <Failure error={q.error} what="the role" />;
  const r = q.data;
  return (
    <div className="role">
      <div><Link to={assetHref(r.uid)} className="asset-link">{r.name ?? r.uid}</Link> {r.labels.map((l) => <span key={l} className="chip label">{l}</span>)}</div>
      <RelList rels={r.relationships.outgoing} dir="out" />
      {r.findings.items.length ? <ul className="reach">{r.findings.items.slice(0, 8).map((f) => <li key={f.id}><RiskScore score={f.risk_score} /> {f.title}</li>)}</ul> : null}
    </div>
  );
}

/** A compute's images (what it runs, what it is built from) with their open vulnerabilities. */
function ImageVulns({ uid }: { uid: string }) {
  const q = useQuery({ queryKey: ['asset', uid], queryFn: () => api.get<AssetDetail>(`/api/v1/assets/${encodeURIComponent(uid)}`) });
  if (q.isPending) return <Loading />;
  if (q.isError) return <Failure error={q.error} what="the image" />;
  const vulns = q.data.findings.items.filter((f) => f.kind === 'vuln');
  const count = (s: string) => vulns.filter((f) => f.severity === s).length;
  return (
    <div className="image-vulns">
      <Link to={assetHref(uid)} className="asset-link">{q.data.name ?? shortUid(uid)}</Link>{' '}
      <span className="muted small">{vulns.length} open vulnerabilities: {count('critical')} critical, {count('high')} high · {q.data.packages.total} packages</span>
    </div>
  );
}

function AssetPaths({ uid }: { uid: string }) {
  // The server keeps only the paths through this asset (a containment match on their nodes).
  const q = useQuery({ queryKey: ['paths', 'asset', uid], queryFn: () => api.get<Page<AttackPath>>(`/api/v1/paths?asset=${encodeURIComponent(uid)}&limit=500`) });
  if (q.isPending) return <Loading />;
  if (q.isError) return <Failure error={q.error} what="attack paths" />;
  const mine = q.data.items;
  if (mine.length === 0) return <Empty>This asset is on no known attack path.</Empty>;
  return <ul>{mine.map((p) => <li key={p.id}><RiskScore score={p.risk_score} /> <Link to={pathHref(p.id)} className="path-link">{p.title}</Link></li>)}</ul>;
}

export function AssetPage({ uid }: { uid: string }) {
  const q = useQuery({ queryKey: ['asset', uid], queryFn: () => api.get<AssetDetail>(`/api/v1/assets/${encodeURIComponent(uid)}`) });
  if (q.isPending) return <Loading />;
  if (q.isError) return <Failure error={q.error} what="this asset" />;
  const a = q.data;
  const images = [...new Set(a.relationships.outgoing.filter((r) => r.other_kind === 'container.image').map((r) => r.to_uid))];
  const roles = a.relationships.outgoing.filter((r) => r.kind === 'has_role' || r.kind === 'runs_as' || r.kind === 'uses_service_account');
  const vulns = a.findings.items.filter((f) => f.kind === 'vuln');
  const others = a.findings.items.filter((f) => f.kind !== 'vuln');
  const os = osFacts(a);
  return (
    <div className="page">
      <header className="page-head">
        <h1 data-testid="asset-name">{a.name ?? a.uid}</h1>
        <div className="muted"><code>{a.uid}</code></div>
        <div className="muted">{a.kind} · {a.account ?? 'no account'}{a.region ? ` · ${a.region}` : ''}{a.environment ? ` · ${a.environment}` : ''}{a.criticality ? ` · criticality ${a.criticality}` : ''}{a.gone_at ? ` · gone ${fmtDate(a.gone_at)}` : ''}</div>
        <div>{a.labels.map((l) => <span key={l} className="chip label">{l}</span>)}</div>
      </header>
      <div className="grid-3">
        <Card title="Owner and why">
          <p data-testid="asset-owner">{a.owner ? <Link to={ownerHref(a.owner)}>{a.owner}</Link> : 'no owner'}</p>
          <p className="muted">{a.owner_reason ?? 'no ownership rule matched'}</p>
        </Card>
        <Card title="Exposure">
          <Facts rows={exposure(a)} />
        </Card>
        <Card title="Operating system">
          {os.length ? <Facts rows={os} /> : <Empty>Not recorded.</Empty>}
        </Card>
      </div>
      <div className="grid-2">
        <Card title="Role and what it can reach">
          {roles.length ? roles.map((r) => <RoleReach key={r.to_uid} roleUid={r.to_uid} />) : <Empty>Runs as no identity we know of.</Empty>}
        </Card>
        <Card title="Attack paths through it"><AssetPaths uid={a.uid} /></Card>
      </div>
      {images.length ? <Card title="Images">{images.map((u) => <ImageVulns key={u} uid={u} />)}</Card> : null}
      <Card title={`Findings (${others.length}${a.findings.truncated ? '+' : ''})`}>
        {others.length ? <FindingsTable items={others} showOwner /> : <Empty>No open configuration, IAM or path findings.</Empty>}
      </Card>
      <Card title={`Vulnerabilities (${vulns.length})`}>
        {vulns.length ? <FindingsTable items={vulns} showOwner /> : <Empty>No open vulnerabilities.</Empty>}
      </Card>
      <div className="grid-2">
        <Card title={`Packages (${a.packages.total})`}>
          {a.packages.items.length ? (
            <div className="scroll"><table className="table compact"><thead><tr><th>Package</th><th>Version</th><th>Ecosystem</th></tr></thead>
              <tbody>{a.packages.items.map((p) => <tr key={p.purl + p.path}><td>{p.name}</td><td>{p.version}</td><td>{p.ecosystem}</td></tr>)}</tbody></table></div>
          ) : <Empty>No packages recorded.</Empty>}
          {a.packages.truncated ? <p className="muted small">first {a.packages.items.length} of {a.packages.total}</p> : null}
        </Card>
        <Card title="Relationships">
          <h3>Outgoing</h3><RelList rels={a.relationships.outgoing} dir="out" />
          <h3>Incoming</h3><RelList rels={a.relationships.incoming} dir="in" />
        </Card>
      </div>
      <Card title="Properties"><details><summary>as collected</summary><JsonBlock value={a.properties} /></details></Card>
    </div>
  );
}
