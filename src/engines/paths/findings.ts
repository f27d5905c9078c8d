import type { FindingInput } from '../../model/index.js';
import { ruleFingerprint } from '../../findings/fingerprint.js';
import type { EdgeEvidence, SecurityGraph } from '../graph/graph.js';
import { NodeKind, targetNames } from '../graph/kinds.js';
import type { RawPath } from './enumerate.js';
import { ruleIdOf, severityOf, TECHNIQUE_TEXT } from './techniques.js';

/** One node of a path as the JSON contract shows it. */
export interface PathNode { uid: string; kind: string; name: string | null }
export interface PathEdge { from: string; to: string; kind: string; evidence: EdgeEvidence }

/** The evidence of a path finding (docs/paths.md). */
export interface PathEvidence {
  technique: string;
  entry: string;
  target: string;
  /** Why the target matters: admin-equivalent, SensitiveData, an exposed secret, a privileged container. */
  target_kinds: string[];
  target_reasons: EdgeEvidence[];
  nodes: PathNode[];
  edges: PathEdge[];
}

const ASSET_KINDS = new Set<number>([NodeKind.compute, NodeKind.identity, NodeKind.data]);
const short = (uid: string, name: string | null): string => name ?? (uid.split(/[/:]/).filter(Boolean).pop() || uid);

/** The finding of one path: kind `path`, rule `path.<technique>`, on the first asset after the entry. */
export function pathFinding(g: SecurityGraph, p: RawPath): FindingInput {
  const nodes: PathNode[] = p.nodes.map((i) => ({ uid: g.uids[i]!, kind: g.nodeKind(i), name: g.names[i] ?? null }));
  const edges: PathEdge[] = p.edges.map((e, i) => ({ from: nodes[i]!.uid, to: nodes[i + 1]!.uid, kind: g.edgeKind(e), evidence: g.evidence[g.edgeEvidence[e]!]! }));
  const assetIndex = p.nodes.findIndex((i) => ASSET_KINDS.has(g.nodeKinds[i]!));
  const asset = p.nodes[assetIndex >= 0 ? assetIndex : p.nodes.length - 1]!;
  const targets = targetNames(g.targetFlags[p.target]!);
  const entry = nodes[0]!;
  const fromOutside = entry.kind === 'internet' || entry.kind === 'external';
  const text = TECHNIQUE_TEXT[p.technique];
  const target = nodes[nodes.length - 1]!;
  const anchor = g.uids[p.anchor]!;
  const ruleId = ruleIdOf(p.technique);
  const evidence: PathEvidence = {
    technique: p.technique, entry: entry.uid, target: target.uid, target_kinds: targets,
    target_reasons: [...(g.targetReasons.get(p.target) ?? [])], nodes, edges,
  };
  const via = nodes.slice(1, -1).filter((n) => n.kind !== 'exposure').map((n) => short(n.uid, n.name));
  return {
    fingerprint: ruleFingerprint('path', ruleId, anchor, target.uid),
    kind: 'path',
    ruleId,
    originalId: ruleId,
    title: `${text.name}: ${entry.kind === 'internet' ? 'internet' : short(entry.uid, entry.name)} → ${via.length ? `${via.join(' → ')} → ` : ''}${short(target.uid, target.name)} (${targets.join(', ')})`,
    description: `${text.description} ${edges.length} hop${edges.length === 1 ? '' : 's'}: ${edges.map((e) => e.evidence.text).join('; ')}.`,
    severity: severityOf(p.technique, targets, fromOutside),
    assetUid: g.uids[asset]!,
    evidence: evidence as unknown as Record<string, unknown>,
    remediation: text.remediation,
    properties: { technique: p.technique, hops: edges.length, anchor },
  };
}
