import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedRecord } from '../model/index.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { clusterItems, kubectlList } from '../sources/k8s/fixture.js';
import { K8S_KINDS } from '../sources/k8s/kinds.js';
import { parseListDocument, type KindListing } from '../sources/k8s/list.js';
import { normalizeCluster } from '../sources/k8s/normalize.js';
import { syncRun } from './sync/run.js';
import { K8S_NODE_LINK_SOURCE, linkK8sNodes } from './link-k8s-nodes.js';

const ACC = '111111111111';
const instanceUid = (id: string, region = 'us-east-1') => `arn:aws:ec2:${region}:${ACC}:instance/${id}`;
const NODE = 'k8s:prod/_cluster/node/ip-10-0-1-10.ec2.internal';
const OTHER_NODE = 'k8s:prod/_cluster/node/ip-10-0-1-11.ec2.internal';
const FARGATE_NODE = 'k8s:prod/_cluster/node/fargate-ip-10-0-9-9.ec2.internal';

/** The EC2 scope of the dump: the fixture cluster's worker, a second worker, and an unrelated instance. */
function ec2(ids: readonly string[]): NormalizedRecord[] {
  const scope = `aws:${ACC}:us-east-1:ec2`;
  return [
    { type: 'coverage', scope, coverage: 'complete' },
    ...ids.map((id): NormalizedRecord => ({ type: 'asset', scope, asset: { uid: instanceUid(id), kind: 'aws.ec2.instance', name: id, provider: 'aws', account: ACC,
      region: 'us-east-1', properties: { InstanceId: id, Tags: [{ Key: 'eks:cluster-name', Value: 'prod' }] }, tags: { 'eks:cluster-name': 'prod' } } })),
  ];
}

/** The fixture cluster as kubectl lists it: its node (providerID aws:///us-east-1a/i-0123456789abcdef0), a second worker and a Fargate node. */
function cluster(otherProviderId: string): NormalizedRecord[] {
  const items = clusterItems();
  const [base] = items.nodes!;
  const metadata = base!.metadata as Record<string, unknown>;
  items.nodes = [
    base!,
    { ...base, metadata: { ...metadata, name: 'ip-10-0-1-11.ec2.internal', uid: 'uid-node-2' }, spec: { providerID: otherProviderId } },
    { ...base, metadata: { ...metadata, name: 'fargate-ip-10-0-9-9.ec2.internal', uid: 'uid-node-3' }, spec: { providerID: 'aws:///us-east-1a/fargate-ip-10-0-9-9' } },
  ];
  const listings = new Map<string, KindListing>();
  for (const k of K8S_KINDS) listings.set(k.name, parseListDocument(kubectlList(k.resource, items[k.resource] ?? []), k, `${k.resource}.json`));
  return normalizeCluster('prod', listings, 'fixture');
}

let t: TestDb;
const links = () => t.db.query<{ from_uid: string; to_uid: string; properties: Record<string, unknown> }>(
  `select from_uid, to_uid, properties from relationships where source = $1 and kind = 'runs_on' order by from_uid`, [K8S_NODE_LINK_SOURCE]);

beforeAll(async () => {
  t = await createTestDb();
  await syncRun(t.db, ec2(['i-0123456789abcdef0', 'i-0fedcba9876543210', 'i-0000000000000beef']), { source: 'aws-dump' });
  await syncRun(t.db, cluster('aws:///us-east-1b/i-0fedcba9876543210'), { source: 'k8s' });
});
afterAll(async () => { await t.drop(); });

describe('Kubernetes node → EC2 instance', () => {
  it('links each node to the instance its providerID names, and nothing for a Fargate node', async () => {
    expect(await linkK8sNodes(t.db)).toEqual({ links: 2, written: 2, removed: 0 });
    expect(await links()).toEqual([
      { from_uid: NODE, to_uid: instanceUid('i-0123456789abcdef0'), properties: { via: 'spec.providerID', providerID: 'aws:///us-east-1a/i-0123456789abcdef0' } },
      { from_uid: OTHER_NODE, to_uid: instanceUid('i-0fedcba9876543210'), properties: { via: 'spec.providerID', providerID: 'aws:///us-east-1b/i-0fedcba9876543210' } },
    ]);
    expect((await links()).map((l) => l.from_uid)).not.toContain(FARGATE_NODE);
  });

  it('a pod reaches its instance: pod runs_on node runs_on instance', async () => {
    const rows = await t.db.query<{ pod: string; instance: string }>(
      `select p.from_uid as pod, n.to_uid as instance from relationships p join relationships n on n.from_uid = p.to_uid and n.kind = 'runs_on' and n.source = $1
        where p.kind = 'runs_on' and p.from_uid like 'k8s:prod/%/pod/%' order by p.from_uid`, [K8S_NODE_LINK_SOURCE]);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.instance))).toEqual(new Set([instanceUid('i-0123456789abcdef0')]));
  });

  it('writes nothing when nothing changed', async () => {
    expect(await linkK8sNodes(t.db)).toEqual({ links: 2, written: 0, removed: 0 });
  });

  it('follows the inventory: a node naming another instance moves, a terminated instance loses its link', async () => {
    // The second node is replaced by one on the third instance; the first node's instance leaves the dump.
    await syncRun(t.db, cluster('aws:///us-east-1c/i-0000000000000beef'), { source: 'k8s' });
    await syncRun(t.db, ec2(['i-0fedcba9876543210', 'i-0000000000000beef']), { source: 'aws-dump' });
    expect(await linkK8sNodes(t.db)).toEqual({ links: 1, written: 1, removed: 2 });
    expect((await links()).map((l) => [l.from_uid, l.to_uid])).toEqual([[OTHER_NODE, instanceUid('i-0000000000000beef')]]);
  });

  it('leaves edges of other sources alone, and an import\'s sweep leaves its edges alone', async () => {
    const before = await t.db.query<{ n: number }>(`select count(*)::int as n from relationships where source <> $1`, [K8S_NODE_LINK_SOURCE]);
    await linkK8sNodes(t.db);
    const after = await t.db.query<{ n: number }>(`select count(*)::int as n from relationships where source <> $1`, [K8S_NODE_LINK_SOURCE]);
    expect(after).toEqual(before);
    await syncRun(t.db, cluster('aws:///us-east-1c/i-0000000000000beef'), { source: 'k8s' });
    expect((await links()).length).toBe(1);
  });
});
