import type { SecurityGraph } from '../graph/graph.js';
import { Attr, EdgeKind, NodeKind, Target } from '../graph/kinds.js';
import type { Technique } from './techniques.js';

/** A path as node numbers and CSR edge positions; `nodes.length === edges.length + 1`. */
export interface RawPath {
  technique: Technique;
  /** The node the deduplication keys on: the exposed workload, the outside principal, the user. */
  anchor: number;
  target: number;
  nodes: number[];
  edges: number[];
}

interface Continuation { target: number; lateral: boolean; nodes: number[]; edges: number[] }

const IDENTITY_MOVES = new Set<number>([EdgeKind.escalate, EdgeKind.assume, EdgeKind.irsa, EdgeKind.read_data, EdgeKind.read_config, EdgeKind.exposes_credentials]);
const EXPOSURE_MOVES = new Set<number>([EdgeKind.exposes, EdgeKind.forwards, EdgeKind.public_read]);
const STOP = Target.admin | Target.sensitiveData | Target.secret;

/**
 * Enumerates attack paths: from the internet (through exposure to a workload, then the workload's foothold
 * technique), from outside principals a trust policy lets in, and from IAM users with access keys, to
 * targets. One path per anchor × target × technique, the shortest (fewest hops) found by breadth-first
 * search; identity continuations are searched once per identity and shared by every path through it.
 */
export class PathEnumerator {
  private readonly n: number;
  private readonly stamp: Int32Array;
  private readonly parentEdge: Int32Array;
  private readonly parentState: Int32Array;
  private readonly queue: Int32Array;
  private epoch = 0;
  private readonly memo = new Map<number, Continuation[]>();
  /** Nodes visited by all searches: a measure of work for the benchmark. */
  visited = 0;

  constructor(private readonly g: SecurityGraph) {
    this.n = g.nodeCount;
    // State = node * 2 + lateral (a credential-exposure hop was taken): the two are different techniques.
    this.stamp = new Int32Array(this.n * 2);
    this.parentEdge = new Int32Array(this.n * 2);
    this.parentState = new Int32Array(this.n * 2);
    this.queue = new Int32Array(this.n * 2);
  }

  all(): RawPath[] {
    const best = new Map<string, RawPath>();
    const add = (p: RawPath) => {
      const key = `${p.anchor}|${p.target}|${p.technique}`;
      const cur = best.get(key);
      if (!cur || p.edges.length < cur.edges.length) best.set(key, p);
    };
    this.fromInternet(add);
    this.fromOutside(add);
    this.fromUsers(add);
    return [...best.values()];
  }

  /** Searches from one identity over IAM moves; targets found with the shortest path to each (per lateral). */
  continuation(start: number): Continuation[] {
    const cached = this.memo.get(start);
    if (cached) return cached;
    const g = this.g;
    const epoch = ++this.epoch;
    const out: Continuation[] = [];
    let head = 0;
    let tail = 0;
    const s0 = start * 2;
    this.stamp[s0] = epoch;
    this.parentEdge[s0] = -1;
    this.queue[tail++] = s0;
    while (head < tail) {
      const s = this.queue[head++]!;
      const v = s >> 1;
      const lateral = s & 1;
      this.visited++;
      const flags = g.targetFlags[v]!;
      if (flags & STOP) {
        out.push(this.rebuild(s, lateral === 1));
        // An admin can do anything; data stores and secrets lead nowhere further in the graph.
        continue;
      }
      for (let e = g.offsets[v]!; e < g.offsets[v + 1]!; e++) {
        const k = g.edgeKinds[e]!;
        if (!IDENTITY_MOVES.has(k)) continue;
        const t = g.edgeTo[e]! * 2 + (k === EdgeKind.exposes_credentials ? 1 : lateral);
        if (this.stamp[t] === epoch) continue;
        this.stamp[t] = epoch;
        this.parentEdge[t] = e;
        this.parentState[t] = s;
        this.queue[tail++] = t;
      }
    }
    this.memo.set(start, out);
    return out;
  }

  private rebuild(state: number, lateral: boolean): Continuation {
    const nodes: number[] = [];
    const edges: number[] = [];
    let s = state;
    while (this.parentEdge[s] !== -1) {
      nodes.push(s >> 1);
      edges.push(this.parentEdge[s]!);
      s = this.parentState[s]!;
    }
    nodes.push(s >> 1);
    return { target: state >> 1, lateral, nodes: nodes.reverse(), edges: edges.reverse() };
  }

  /** The internet's reach over exposure edges: each workload or data store reached, with the hops that reach it. */
  exposed(): Map<number, { nodes: number[]; edges: number[] }> {
    const g = this.g;
    const reached = new Map<number, { nodes: number[]; edges: number[] }>();
    const internet = g.uids.indexOf('internet');
    if (internet < 0) return reached;
    const prefix = new Map<number, { nodes: number[]; edges: number[] }>([[internet, { nodes: [internet], edges: [] }]]);
    const queue = [internet];
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i]!;
      const at = prefix.get(v)!;
      for (let e = g.offsets[v]!; e < g.offsets[v + 1]!; e++) {
        if (!EXPOSURE_MOVES.has(g.edgeKinds[e]!)) continue;
        const t = g.edgeTo[e]!;
        if (prefix.has(t)) continue;
        const p = { nodes: [...at.nodes, t], edges: [...at.edges, e] };
        prefix.set(t, p);
        this.visited++;
        // Through exposure nodes (security groups, load balancers, services) only: a workload is where reach ends.
        if (g.nodeKinds[t] === NodeKind.exposure) queue.push(t);
        else reached.set(t, p);
      }
    }
    return reached;
  }

  private fromInternet(add: (p: RawPath) => void): void {
    const g = this.g;
    for (const [w, prefix] of this.exposed()) {
      const flags = g.targetFlags[w]!;
      if (g.nodeKinds[w] === NodeKind.data) {
        if (flags & Target.sensitiveData) add({ technique: 'public-sensitive-data', anchor: w, target: w, ...prefix });
        continue;
      }
      if (g.nodeKinds[w] !== NodeKind.compute) continue;
      const viaK8s = prefix.nodes.some((x) => g.uids[x]!.startsWith('k8s:'));
      if (viaK8s && flags & Target.privileged) add({ technique: 'k8s-exposed-privileged', anchor: w, target: w, ...prefix });
      for (let e = g.offsets[w]!; e < g.offsets[w + 1]!; e++) {
        const k = g.edgeKinds[e]!;
        const to = g.edgeTo[e]!;
        let technique: Technique;
        if (k === EdgeKind.runs_as) {
          if (viaK8s && g.targetFlags[to]! & Target.admin) add({ technique: 'k8s-exposed-privileged', anchor: w, target: to, nodes: [...prefix.nodes, to], edges: [...prefix.edges, e] });
          continue;
        } else if (k === EdgeKind.imds && g.attrs[w]! & Attr.webExposed) technique = 'ssrf-imds-credentials';
        else if (k === EdgeKind.exploit) technique = 'exposed-vulnerable-workload';
        else continue;
        for (const c of this.continuation(to)) {
          add({ technique: c.lateral ? 'exposed-credentials' : technique, anchor: w, target: c.target, nodes: [...prefix.nodes, ...c.nodes], edges: [...prefix.edges, e, ...c.edges] });
        }
      }
    }
  }

  /** Outside principals (and anyone, for Principal "*") that a trust policy lets in. */
  private fromOutside(add: (p: RawPath) => void): void {
    const g = this.g;
    for (let v = 0; v < this.n; v++) {
      if (g.nodeKinds[v] !== NodeKind.external && g.nodeKinds[v] !== NodeKind.internet) continue;
      for (let e = g.offsets[v]!; e < g.offsets[v + 1]!; e++) {
        if (g.edgeKinds[e] !== EdgeKind.trusts) continue;
        for (const c of this.continuation(g.edgeTo[e]!)) {
          add({ technique: c.lateral ? 'exposed-credentials' : 'external-trust', anchor: v, target: c.target, nodes: [v, ...c.nodes], edges: [e, ...c.edges] });
        }
      }
    }
  }

  /** IAM users with access keys: chains of at least one move that is not a plain read of their own. */
  private fromUsers(add: (p: RawPath) => void): void {
    const g = this.g;
    for (let v = 0; v < this.n; v++) {
      if (!(g.attrs[v]! & Attr.credentialEntry)) continue;
      for (const c of this.continuation(v)) {
        // The user's own admin rights or direct reads are its permissions, reported by the IAM analyzer.
        if (c.edges.length === 0 || (c.edges.length === 1 && g.edgeKinds[c.edges[0]!] === EdgeKind.read_data)) continue;
        add({ technique: c.lateral ? 'exposed-credentials' : 'identity-chain', anchor: v, target: c.target, nodes: c.nodes, edges: c.edges });
      }
    }
  }
}
