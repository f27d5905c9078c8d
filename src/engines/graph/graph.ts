import { EDGE_KINDS, NODE_KINDS, type EdgeKindName, type NodeKindName } from './kinds.js';

/** Why an edge holds, in plain words, with references to what shows it (never a copy of the finding). */
export interface EdgeEvidence {
  text: string;
  rule_id?: string;
  finding_id?: number;
  fingerprint?: string;
  permission?: string;
  label?: string;
  /** Anything else worth showing (ports, escalation steps); shared by the edges built from one fact. */
  details?: Record<string, unknown>;
}

/** A growable typed array: edges arrive one by one while rows are read, without a JS object per edge. */
class Growable<T extends Uint32Array | Int32Array | Uint8Array> {
  length = 0;
  constructor(public data: T, private readonly make: (n: number) => T) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(Math.max(16, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  trimmed(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

/**
 * Collects nodes (interned: one integer per uid) and edges (typed arrays), then freezes them into a
 * `SecurityGraph` with CSR adjacency. Adding a node twice keeps the first kind/name and ORs the target flags.
 */
export class GraphBuilder {
  private readonly ids = new Map<string, number>();
  readonly uids: string[] = [];
  readonly names: (string | null)[] = [];
  private kinds = new Growable(new Uint8Array(1024), (n) => new Uint8Array(n));
  private targets = new Growable(new Uint8Array(1024), (n) => new Uint8Array(n));
  private readonly from = new Growable(new Uint32Array(4096), (n) => new Uint32Array(n));
  private readonly to = new Growable(new Uint32Array(4096), (n) => new Uint32Array(n));
  private readonly edgeKinds = new Growable(new Uint8Array(4096), (n) => new Uint8Array(n));
  private readonly evidenceRefs = new Growable(new Int32Array(4096), (n) => new Int32Array(n));
  private attrs = new Growable(new Uint8Array(1024), (n) => new Uint8Array(n));
  /** Why a node is a target, by node number (few nodes are). */
  readonly targetReasons = new Map<number, EdgeEvidence[]>();
  private readonly evidence: EdgeEvidence[] = [];
  private readonly evidenceIds = new Map<EdgeEvidence, number>();

  /** The node's number, creating it when new. */
  node(uid: string, kind: NodeKindName, name: string | null = null, targetFlags = 0): number {
    let id = this.ids.get(uid);
    if (id === undefined) {
      id = this.uids.length;
      this.ids.set(uid, id);
      this.uids.push(uid);
      this.names.push(name);
      this.kinds.push(NODE_KINDS.indexOf(kind));
      this.targets.push(targetFlags);
      this.attrs.push(0);
    } else {
      if (targetFlags) this.targets.data[id]! |= targetFlags;
      // A node first met as an edge's far end (a role behind an instance profile) gets its name when it is met named.
      if (name !== null && this.names[id] === null) this.names[id] = name;
    }
    return id;
  }

  has(uid: string): boolean {
    return this.ids.has(uid);
  }

  idOf(uid: string): number | undefined {
    return this.ids.get(uid);
  }

  /** Sets target flags (with the reason) on a node that exists; false when it does not. */
  mark(uid: string, flags: number, reason?: EdgeEvidence): boolean {
    const id = this.ids.get(uid);
    if (id === undefined) return false;
    this.targets.data[id]! |= flags;
    if (reason) this.targetReasons.set(id, [...(this.targetReasons.get(id) ?? []), reason]);
    return true;
  }

  /** Sets attribute bits (`Attr`) on a node. */
  setAttr(id: number, bits: number): void {
    this.attrs.data[id]! |= bits;
  }

  targetFlagsOf(id: number): number {
    return this.targets.data[id]!;
  }

  /** An evidence object's number; the same object (by identity) is stored once however many edges cite it. */
  evidenceRef(e: EdgeEvidence): number {
    let n = this.evidenceIds.get(e);
    if (n === undefined) {
      n = this.evidence.length;
      this.evidence.push(e);
      this.evidenceIds.set(e, n);
    }
    return n;
  }

  edge(from: number, to: number, kind: EdgeKindName, evidence: EdgeEvidence | number): void {
    this.from.push(from);
    this.to.push(to);
    this.edgeKinds.push(EDGE_KINDS.indexOf(kind));
    this.evidenceRefs.push(typeof evidence === 'number' ? evidence : this.evidenceRef(evidence));
  }

  get edgeCount(): number {
    return this.from.length;
  }

  /**
   * Counting sort of the edges by source into CSR arrays. The same (from, to, kind) read twice is one edge
   * (the first one's evidence): duplicates are dropped per source segment, which stays small.
   */
  build(): SecurityGraph {
    const n = this.uids.length;
    const m = this.from.length;
    const from = this.from.trimmed();
    const offsets = new Uint32Array(n + 1);
    for (let i = 0; i < m; i++) offsets[from[i]! + 1]!++;
    for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
    const cursor = offsets.slice(0, n);
    const targets = new Uint32Array(m);
    const kinds = new Uint8Array(m);
    const evidence = new Int32Array(m);
    const to = this.to.trimmed();
    const ek = this.edgeKinds.trimmed();
    const ev = this.evidenceRefs.trimmed();
    for (let i = 0; i < m; i++) {
      const at = cursor[from[i]!]!++;
      targets[at] = to[i]!;
      kinds[at] = ek[i]!;
      evidence[at] = ev[i]!;
    }
    const kept = dedupeSegments(offsets, targets, kinds, evidence);
    return new SecurityGraph(this.uids, this.names, this.kinds.trimmed().slice(), this.targets.trimmed().slice(), this.attrs.trimmed().slice(),
      kept.offsets, kept.targets, kept.kinds, kept.evidence, this.evidence, this.targetReasons);
  }
}

/** Drops repeated (to, kind) pairs within each node's edges, compacting the arrays in place. */
function dedupeSegments(offsets: Uint32Array, targets: Uint32Array, kinds: Uint8Array, evidence: Int32Array) {
  const n = offsets.length - 1;
  const out = new Uint32Array(n + 1);
  const seen = new Set<number>();
  let w = 0;
  for (let i = 0; i < n; i++) {
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    out[i] = w;
    if (end - start > 1) seen.clear();
    for (let e = start; e < end; e++) {
      if (end - start > 1) {
        const key = targets[e]! * 32 + kinds[e]!;
        if (seen.has(key)) continue;
        seen.add(key);
      }
      targets[w] = targets[e]!;
      kinds[w] = kinds[e]!;
      evidence[w] = evidence[e]!;
      w++;
    }
  }
  out[n] = w;
  return { offsets: out, targets: targets.subarray(0, w), kinds: kinds.subarray(0, w), evidence: evidence.subarray(0, w) };
}

/** The frozen graph: node i's out-edges are positions offsets[i] .. offsets[i+1] of the edge arrays. */
export class SecurityGraph {
  constructor(
    readonly uids: readonly string[],
    readonly names: readonly (string | null)[],
    readonly nodeKinds: Uint8Array,
    readonly targetFlags: Uint8Array,
    readonly attrs: Uint8Array,
    readonly offsets: Uint32Array,
    readonly edgeTo: Uint32Array,
    readonly edgeKinds: Uint8Array,
    readonly edgeEvidence: Int32Array,
    readonly evidence: readonly EdgeEvidence[],
    readonly targetReasons: ReadonlyMap<number, readonly EdgeEvidence[]>,
  ) {}

  get nodeCount(): number {
    return this.uids.length;
  }

  get edgeCount(): number {
    return this.edgeTo.length;
  }

  nodeKind(i: number): NodeKindName {
    return NODE_KINDS[this.nodeKinds[i]!]!;
  }

  edgeKind(e: number): EdgeKindName {
    return EDGE_KINDS[this.edgeKinds[e]!]!;
  }
}
