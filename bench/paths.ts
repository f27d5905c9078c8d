import { GraphBuilder, type SecurityGraph } from '../src/engines/graph/graph.js';
import { Attr, Target } from '../src/engines/graph/kinds.js';
import { PathEnumerator } from '../src/engines/paths/enumerate.js';
import type { BenchContext, BenchResult, Benchmark } from './types.js';

/** Nodes per synthetic account: 10 groups, 600 instances, 150 roles, 50 users, 150 buckets, 40 functions. */
const PER_ACCOUNT = 1_000;
export const DEFAULT_NODES = 1_000_000;

/** A small deterministic generator: the same graph every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Builds a synthetic estate's graph through the same GraphBuilder the engine uses, from rows generated in
 * memory one account at a time (shaped as the loader's SQL rows: uid strings, kinds, evidence objects).
 * One in ten security groups is open to the internet; 30% of instances allow IMDSv1, 5% run a KEV
 * vulnerability; roles read 36 buckets each (10% sensitive), 20% may assume another role, 2 per account
 * are admin; users assume a role; one role per account trusts an outside account.
 */
export function syntheticGraph(nodes: number): SecurityGraph {
  const b = new GraphBuilder();
  const r = rng(42);
  const pick = (n: number) => Math.floor(r() * n);
  const internet = b.node('internet', 'internet', 'the internet');
  const open = { text: 'security group admits 0.0.0.0/0 on tcp/443', label: 'isPublic' };
  const fwd = { text: 'has a public IP routed to the internet', label: 'isPublic' };
  const imds = { text: 'IMDSv1 enabled' };
  const exploit = { text: 'CVE in KEV', finding_id: 1 };
  const read = { text: 'allowed s3:GetObject', permission: 's3:GetObject' };
  const assume = { text: 'may assume', permission: 'sts:AssumeRole' };
  const trust = { text: 'trusts an outside account', rule_id: 'iam.external-trust' };
  const accounts = Math.max(1, Math.ceil(nodes / PER_ACCOUNT));
  for (let a = 0; a < accounts; a++) {
    const acc = String(100000000000 + a);
    const sg = Array.from({ length: 10 }, (_, i) => b.node(`arn:aws:ec2:us-east-1:${acc}:security-group/sg-${i}`, 'exposure'));
    const roles = Array.from({ length: 150 }, (_, i) => b.node(`arn:aws:iam::${acc}:role/r${i}`, 'identity', `r${i}`, i < 2 ? Target.admin : 0));
    const buckets = Array.from({ length: 150 }, (_, i) => b.node(`arn:aws:s3:::b-${acc}-${i}`, 'data', null, i % 10 === 0 ? Target.sensitiveData : 0));
    for (let i = 0; i < 40; i++) b.node(`arn:aws:lambda:us-east-1:${acc}:function:f${i}`, 'compute');
    b.edge(internet, sg[0]!, 'exposes', open);
    for (let i = 0; i < 600; i++) {
      const inst = b.node(`arn:aws:ec2:us-east-1:${acc}:instance/i-${i.toString(16).padStart(8, '0')}`, 'compute');
      const group = sg[pick(10)]!;
      b.edge(group, inst, 'forwards', fwd);
      if (group === sg[0]) b.setAttr(inst, Attr.webExposed);
      const role = roles[2 + pick(148)]!;
      if (r() < 0.3) b.edge(inst, role, 'imds', imds);
      if (r() < 0.05) b.edge(inst, role, 'exploit', exploit);
    }
    for (let i = 0; i < 150; i++) {
      for (let k = 0; k < 36; k++) b.edge(roles[i]!, buckets[pick(150)]!, 'read_data', read);
      if (r() < 0.2) b.edge(roles[i]!, roles[pick(150)]!, 'assume', assume);
    }
    for (let u = 0; u < 50; u++) {
      const user = b.node(`arn:aws:iam::${acc}:user/u${u}`, 'identity', `u${u}`);
      b.setAttr(user, Attr.credentialEntry);
      b.edge(user, roles[pick(150)]!, 'assume', assume);
    }
    b.edge(b.node(`arn:aws:iam::${999000000000 + a}:root`, 'external'), roles[pick(150)]!, 'trusts', trust);
  }
  return b.build();
}

/** The baseline: one breadth-first search over the same CSR arrays from every entry at once, any edge kind. */
function plainBfs(g: SecurityGraph): number {
  const seen = new Uint8Array(g.nodeCount);
  const queue = new Uint32Array(g.nodeCount);
  let tail = 0;
  for (let v = 0; v < g.nodeCount; v++) {
    if (g.nodeKind(v) === 'internet' || g.nodeKind(v) === 'external' || g.attrs[v]! & Attr.credentialEntry) { seen[v] = 1; queue[tail++] = v; }
  }
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    for (let e = g.offsets[v]!; e < g.offsets[v + 1]!; e++) {
      const t = g.edgeTo[e]!;
      if (!seen[t]) { seen[t] = 1; queue[tail++] = t; }
    }
  }
  return tail;
}

const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

export const pathsBench: Benchmark = {
  name: 'paths',
  description: 'security graph build (GraphBuilder, CSR) and attack-path enumeration over ≥1M nodes / ≥5M edges, against a plain BFS over the same arrays',
  run(ctx: BenchContext): Promise<BenchResult[]> {
    // No store involved: the figures are the same on every backend, so they are measured once.
    if (ctx.backend !== 'pglite') return Promise.resolve([]);
    const nodes = ctx.rows ?? DEFAULT_NODES;
    let t = performance.now();
    const g = syntheticGraph(nodes);
    const buildSeconds = (performance.now() - t) / 1000;
    ctx.log(`paths: graph of ${g.nodeCount} nodes, ${g.edgeCount} edges built in ${buildSeconds.toFixed(1)} s (RSS peak ${rssMb()} MB)`);
    t = performance.now();
    const reached = plainBfs(g);
    const bfsSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const enumerator = new PathEnumerator(g);
    const paths = enumerator.all();
    const enumerateSeconds = (performance.now() - t) / 1000;
    const peak = rssMb();
    ctx.log(`paths: ${paths.length} paths in ${enumerateSeconds.toFixed(1)} s (${enumerator.visited} node visits); plain BFS reached ${reached} nodes in ${bfsSeconds.toFixed(2)} s; RSS peak ${peak} MB`);
    const total = buildSeconds + enumerateSeconds;
    return Promise.resolve([
      { name: 'paths: build + enumerate', backend: ctx.backend, value: Number(total.toFixed(2)), unit: 's', baseline: Number(bfsSeconds.toFixed(3)),
        ratio: Number((total / bfsSeconds).toFixed(1)), nodes: g.nodeCount, edges: g.edgeCount, paths: paths.length,
        buildSeconds: Number(buildSeconds.toFixed(2)), enumerateSeconds: Number(enumerateSeconds.toFixed(2)), peakRssMb: peak },
    ]);
  },
};
