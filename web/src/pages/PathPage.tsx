import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import cytoscape from 'cytoscape';
import { api } from '../api/client';
import type { AttackPath, PathEdge, PathNode } from '../api/types';
import { Card, Failure, Loading, RiskScore } from '../components/ui';
import { assetHref, findingHref, Link } from '../router';

type Selected = { type: 'node'; node: PathNode } | { type: 'edge'; edge: PathEdge };

// Node kinds of the paths contract (internet, exposure, compute, identity, data, secret, external) and asset kinds.
const KIND_COLOR: [string, string][] = [['internet', '#b42318'], ['external', '#c2255c'], ['exposure', '#e8590c'], ['compute', '#1c7ed6'],
  ['identity', '#7048e8'], ['iam', '#7048e8'], ['secret', '#f08c00'], ['data', '#0b7285'], ['s3', '#0b7285'], ['ec2', '#1c7ed6'], ['k8s', '#2f9e44']];
const colorOf = (kind: string) => KIND_COLOR.find(([k]) => kind.includes(k))?.[1] ?? '#495057';

/** The path drawn left to right; names are set as element data, which Cytoscape paints on its canvas (no HTML). */
function Graph({ path, onSelect }: { path: AttackPath; onSelect: (s: Selected) => void }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const position = new Map(path.nodes.map((n, i) => [n.uid, i]));
    const cy = cytoscape({
      container: el.current,
      elements: [
        ...path.nodes.map((n, i) => ({ data: { id: `n${i}`, label: n.name ?? n.uid, color: colorOf(n.kind) }, position: { x: i * 220, y: i % 2 ? 60 : 0 } })),
        ...path.edges.map((e, i) => ({ data: { id: `e${i}`, source: `n${position.get(e.from) ?? 0}`, target: `n${position.get(e.to) ?? 0}`, label: e.kind } })),
      ],
      layout: { name: 'preset', fit: true, padding: 40 },
      style: [
        { selector: 'node', style: { 'background-color': 'data(color)', label: 'data(label)', color: '#1b1f24', 'font-size': 12, 'text-valign': 'bottom', 'text-margin-y': 6, 'text-wrap': 'ellipsis', 'text-max-width': '180px', width: 34, height: 34 } },
        { selector: 'edge', style: { width: 3, 'line-color': '#adb5bd', 'target-arrow-color': '#adb5bd', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 11, color: '#495057', 'text-background-color': '#fff', 'text-background-opacity': 1 } },
        { selector: ':selected', style: { 'border-width': 4, 'border-color': '#1c7ed6', 'line-color': '#1c7ed6', 'target-arrow-color': '#1c7ed6' } },
      ],
      userZoomingEnabled: true, wheelSensitivity: 0.3,
    });
    cy.on('tap', 'node', (evt) => {
      const i = Number((evt.target as cytoscape.NodeSingular).id().slice(1));
      const n = path.nodes[i];
      if (n) onSelect({ type: 'node', node: n });
    });
    cy.on('tap', 'edge', (evt) => {
      const e = path.edges[Number((evt.target as cytoscape.EdgeSingular).id().slice(1))];
      if (e) onSelect({ type: 'edge', edge: e });
    });
    return () => cy.destroy();
  }, [path, onSelect]);
  return <div ref={el} className="graph" data-testid="path-graph" role="img" aria-label={`attack path graph: ${path.title}`} />;
}

function Evidence({ s }: { s: Selected }) {
  if (s.type === 'node') {
    return (
      <div>
        <h3>{s.node.name ?? s.node.uid}</h3>
        <p className="muted">{s.node.kind}</p>
        {s.node.kind !== 'internet' ? <Link to={assetHref(s.node.uid)} className="asset-link">open the asset</Link> : <p>Anyone on the internet.</p>}
      </div>
    );
  }
  const ev = s.edge.evidence ?? {};
  return (
    <div>
      <h3>{s.edge.kind}</h3>
      <p>{ev.text ?? 'no explanation recorded'}</p>
      <dl className="facts">
        {ev.permission ? <><dt>Permission</dt><dd><code>{ev.permission}</code></dd></> : null}
        {ev.label ? <><dt>Label</dt><dd>{ev.label}</dd></> : null}
        {ev.rule_id ? <><dt>Rule</dt><dd>{ev.rule_id}</dd></> : null}
        {ev.finding_id ? <><dt>Finding</dt><dd><Link to={findingHref(ev.finding_id)}>finding #{ev.finding_id}</Link></dd></> : null}
      </dl>
    </div>
  );
}

export default function PathPage({ id }: { id: number }) {
  const q = useQuery({ queryKey: ['path', id], queryFn: () => api.get<AttackPath>(`/api/v1/paths/${id}`) });
  const [selected, setSelected] = useState<Selected | null>(null);
  if (q.isPending) return <Loading />;
  if (q.isError) return <Failure error={q.error} what={`attack path ${id}`} />;
  const p = q.data;
  return (
    <div className="page">
      <header className="page-head"><h1><RiskScore score={p.risk_score} /> {p.title}</h1><div className="muted">{p.status} · <Link to={findingHref(p.id)}>as a finding</Link></div></header>
      <div className="path-layout">
        <Card title="Path">
          <Graph path={p} onSelect={setSelected} />
          <div className="legend">{[...new Set(p.nodes.map((n) => n.kind))].map((k) => <span key={k} className="chip"><span className="dot" style={{ background: colorOf(k) }} />{k}</span>)}</div>
        </Card>
        <Card title="Evidence" className="evidence">
          {selected ? <Evidence s={selected} /> : <p className="muted">Click a node or a hop to see its evidence.</p>}
          <h3>Hops</h3>
          <ol className="hops" data-testid="path-hops">
            {p.edges.map((e, i) => (
              <li key={i}><button type="button" className="link-button" onClick={() => setSelected({ type: 'edge', edge: e })}>
                {(p.nodes.find((n) => n.uid === e.from)?.name ?? e.from)} → {e.kind} → {(p.nodes.find((n) => n.uid === e.to)?.name ?? e.to)}</button></li>
            ))}
          </ol>
        </Card>
      </div>
    </div>
  );
}
