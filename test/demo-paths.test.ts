import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from './support/test-db.js';
import { runDemo, type DemoSummary } from '../src/pipeline/demo.js';
import type { PlantedPath } from '../src/demo/generator/index.js';

/**
 * The attack-path answer key: a small demo organization goes through the real pipeline (generate, import,
 * analyze), and every path the generator planted must be found with the same technique and the same hops,
 * while none of its decoys may be.
 */

const dir = mkdtempSync(join(tmpdir(), 'ms-demo-paths-'));
let t: TestDb;
let demo: DemoSummary;

interface FoundPath { id: number; rule_id: string; asset_uid: string; nodes: string[] }
let found: FoundPath[];

beforeAll(async () => {
  t = await createTestDb({ dir: join(dir, 'db') });
  demo = await runDemo(t.db, { scale: 0.5, seed: 5, dataDir: join(dir, 'data') });
  const rows = await t.db.query<{ id: number; rule_id: string; asset_uid: string; evidence: { nodes?: { uid: string }[] } }>(
    `select id, rule_id, asset_uid, evidence from findings where kind = 'path' and status = 'open' order by id`);
  found = rows.map((r) => ({ id: r.id, rule_id: r.rule_id, asset_uid: r.asset_uid, nodes: (r.evidence.nodes ?? []).map((n) => n.uid) }));
}, 300_000);

afterAll(async () => {
  await t?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The hop where two node lists part, for a readable mismatch. */
function firstDifference(want: readonly string[], got: readonly string[]): string {
  const i = want.findIndex((x, k) => got[k] !== x);
  const at = i < 0 ? want.length : i;
  return `hop ${at}: expected ${want[at] ?? '(end)'}, found ${got[at] ?? '(end)'}`;
}

/** Why a planted path was not found: the closest path of its technique (same entry or target), hop by hop. */
function explainMissing(p: PlantedPath): string {
  const candidates = found.filter((f) => f.rule_id === p.technique && (f.nodes[0] === p.entry || f.nodes[f.nodes.length - 1] === p.target));
  if (candidates.length === 0) {
    const other = found.filter((f) => same(f.nodes, p.nodes)).map((f) => f.rule_id);
    return other.length ? `found as ${other.join(', ')} instead` : `no ${p.technique} path from ${p.entry} or to ${p.target}`;
  }
  return candidates.map((c) => `${c.nodes.join(' > ')} (${firstDifference(p.nodes, c.nodes)})`).join(' | ');
}

/** The node a decoy's path would be reported on: its first asset after the entry and any exposure hop. */
function subjectOf(p: PlantedPath): string {
  return p.nodes.find((n) => n !== 'internet' && !/:security-group\/|\/service\/|:root$/.test(n)) ?? p.target;
}

describe('attack paths on the demo organization', () => {
  it('plants every technique of the contract, each path on assets the demo stored', async () => {
    const { planted } = demo.generated;
    const techniques = new Set(planted.paths.map((p) => p.technique));
    expect([...techniques].sort()).toEqual([
      'path.exposed-credentials', 'path.exposed-vulnerable-workload', 'path.external-trust', 'path.identity-chain',
      'path.k8s-exposed-privileged', 'path.public-sensitive-data', 'path.ssrf-imds-credentials',
    ]);
    expect(demo.generated.decoys.paths.length).toBeGreaterThanOrEqual(6);
    // Every hop but the entry (the internet, or an account outside the organization) is a stored asset.
    const uids = [...new Set([...planted.paths, ...demo.generated.decoys.paths].flatMap((p) => p.nodes).filter((n) => n !== 'internet' && !n.endsWith(':root')))];
    const stored = await t.db.query<{ uid: string }>('select uid from assets where uid = any($1::text[]) and gone_at is null', [uids]);
    expect(uids.filter((u) => !stored.some((s) => s.uid === u))).toEqual([]);
  });

  it('finds every planted path with the same technique and the same hops', () => {
    const missing: Record<string, string> = {};
    for (const p of demo.generated.planted.paths) {
      if (!found.some((f) => f.rule_id === p.technique && same(f.nodes, p.nodes))) missing[`${p.technique} ${p.nodes.join(' > ')}`] = explainMissing(p);
    }
    expect(missing).toEqual({});
  });

  it('finds no decoy', () => {
    const hits: Record<string, string[]> = {};
    for (const d of demo.generated.decoys.paths) {
      const subject = subjectOf(d);
      const bad = found.filter((f) => same(f.nodes, d.nodes) || f.asset_uid === subject);
      if (bad.length) hits[`${d.technique} ${d.nodes.join(' > ')}`] = bad.map((f) => `${f.rule_id}: ${f.nodes.join(' > ')}`);
    }
    expect(hits).toEqual({});
  });

  it('gives every asset an owner and the reason for it', async () => {
    const unowned = await t.db.query<{ kind: string; n: number }>(
      `select kind, count(*)::int as n from assets
       where gone_at is null and not reference and kind not in ('team', 'ownership.rule') and (owner is null or owner_reason is null)
       group by kind order by kind`);
    expect(unowned).toEqual([]);
    const reasons = await t.db.query<{ kind: string; reason: string }>(
      `select distinct on (kind) kind, owner_reason as reason from assets where kind in ('k8s.pod', 'aws.lambda.function', 'k8s.node') and gone_at is null order by kind, uid`);
    expect(reasons.map((r) => r.kind)).toEqual(['aws.lambda.function', 'k8s.node', 'k8s.pod']);
    expect(reasons.find((r) => r.kind === 'k8s.pod')?.reason).toMatch(/^tag team=/);
    expect(reasons.find((r) => r.kind === 'k8s.node')?.reason).toMatch(/→ platform \(owners\.yaml\)$/);
  });

  it('links the EKS cluster to its worker instances and its pods to the scanned images', async () => {
    const members = await t.db.query<{ instance: string; cluster: string; kind: string | null }>(
      `select r.from_uid as instance, r.to_uid as cluster, c.kind from relationships r left join assets c on c.uid = r.to_uid
       where r.kind = 'member_of' and r.from_uid like 'arn:aws:ec2:%:instance/%'`);
    expect(members.length).toBe(2);
    expect(members.every((m) => m.kind === 'aws.eks.cluster')).toBe(true);
    const images = await t.db.query<{ defined: boolean; n: number }>(
      `select not i.reference as defined, count(*)::int as n from relationships r join assets i on i.uid = r.to_uid
       where r.kind = 'runs_image' and r.from_uid like 'k8s:%/pod/%' group by 1`);
    // Every pod runs an image its Trivy report defines (none is a bare reference).
    expect(images.map((i) => i.defined)).toEqual([true]);
    expect(images[0]?.n).toBeGreaterThan(demo.generated.trivyReports.filter((r) => r.service !== null).length);
  });

  it('links each Kubernetes node to the EC2 worker instance its providerID names', async () => {
    const nodes = await t.db.query<{ node: string; cluster: string; instance: string | null; tag: string | null }>(
      `select n.uid as node, n.account as cluster, r.to_uid as instance, i.tags->>'eks:cluster-name' as tag
         from assets n left join relationships r on r.from_uid = n.uid and r.kind = 'runs_on' left join assets i on i.uid = r.to_uid and i.kind = 'aws.ec2.instance'
        where n.kind = 'k8s.node' and n.gone_at is null order by n.uid`);
    expect(nodes.length).toBeGreaterThan(0);
    // Every node has exactly one instance, and it is a worker of the node's own cluster.
    expect(new Set(nodes.map((n) => n.node)).size).toBe(nodes.length);
    for (const n of nodes) expect([n.node, n.tag], n.instance ?? 'no instance').toEqual([n.node, n.cluster]);
  });
});
