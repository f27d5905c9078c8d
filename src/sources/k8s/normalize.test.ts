import { describe, expect, it } from 'vitest';
import type { NormalizedRecord } from '../../model/index.js';
import { AssetDraft } from '../../model/asset.js';
import { RelationshipDraft } from '../../model/relationship.js';
import { digestReference } from '../trivy/image.js';
import { API_DIGEST, BUSYBOX_CONFIG, clusterItems, ECR_IMAGE, IRSA_ROLE, kubectlList, NGINX_DIGEST } from './fixture.js';
import { containerImageUid } from './images.js';
import { K8S_KINDS, clusterName } from './kinds.js';
import { parseListDocument, type KindListing } from './list.js';
import { normalizeCluster } from './normalize.js';

const C = 'shop-prod';
const u = (ns: string | null, kind: string, name: string) => `k8s:${C}/${ns ?? '_cluster'}/${kind}/${name}`;

function listings(items = clusterItems(), drop: string[] = []): Map<string, KindListing> {
  const out = new Map<string, KindListing>();
  for (const k of K8S_KINDS) {
    if (drop.includes(k.resource)) continue;
    out.set(k.name, parseListDocument(kubectlList(k.resource, items[k.resource] ?? []), k, `${k.resource}.json`));
  }
  return out;
}

const assets = (rs: NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'asset' ? [AssetDraft.parse(r.asset)] : []));
const edges = (rs: NormalizedRecord[], kind?: string) =>
  rs.flatMap((r) => (r.type === 'relationship' && (!kind || r.relationship.kind === kind) ? [RelationshipDraft.parse(r.relationship)] : []));
const pairs = (rs: NormalizedRecord[], kind: string) => edges(rs, kind).map((e) => [e.from, e.to]).sort();
const coverage = (rs: NormalizedRecord[]) => Object.fromEntries(rs.flatMap((r) => (r.type === 'coverage' ? [[r.scope, r.coverage]] : [])));

describe('normalizeCluster', () => {
  const records = normalizeCluster(C, listings(), 'dump/shop-prod');
  const byUid = new Map(assets(records).map((a) => [a.uid, a]));

  it('keys assets k8s:<cluster>/<namespace | _cluster>/<kind>/<name>, with labels as tags and the cluster as account', () => {
    const pod = byUid.get(u('payments', 'pod', 'api-6d4cf56db6-abcde'))!;
    expect(pod).toMatchObject({ kind: 'k8s.pod', provider: 'k8s', account: C, region: null, name: 'payments/api-6d4cf56db6-abcde',
      tags: { app: 'api', team: 'payments' }, owner: 'payments' });
    expect(byUid.get(u(null, 'node', 'ip-10-0-1-10.ec2.internal'))?.kind).toBe('k8s.node');
    expect(byUid.get(u(null, 'clusterrolebinding', 'ci-admin'))?.kind).toBe('k8s.clusterrolebinding');
    const kinds = new Set(assets(records).map((a) => a.kind));
    for (const k of ['namespace', 'node', 'pod', 'deployment', 'daemonset', 'job', 'cronjob', 'service', 'ingress', 'serviceaccount',
      'role', 'clusterrole', 'rolebinding', 'clusterrolebinding', 'networkpolicy', 'secret', 'configmap']) expect(kinds).toContain(`k8s.${k}`);
    expect(kinds).not.toContain('k8s.replicaset');
  });

  it('keeps the object whole except managedFields, with kind and apiVersion filled in', () => {
    const dep = byUid.get(u('payments', 'deployment', 'api'))!.properties as Record<string, Record<string, unknown>>;
    expect(dep.kind).toBe('Deployment');
    expect(dep.apiVersion).toBe('apps/v1');
    expect(dep.spec!.replicas).toBe(2);
    expect(dep.metadata!.uid).toBe('uid-payments-api');
    expect(dep.metadata).not.toHaveProperty('managedFields');
  });

  it('never keeps a secret or config map value, not even in the last-applied annotation', () => {
    const secret = byUid.get(u('payments', 'secret', 'db-credentials'))!;
    const cm = byUid.get(u('payments', 'configmap', 'api-config'))!;
    expect(secret.properties).toMatchObject({ type: 'Opaque', dataKeys: ['password', 'username'] });
    expect(cm.properties).toMatchObject({ dataKeys: ['DATABASE_URL', 'LOG_LEVEL'] });
    const text = JSON.stringify(records);
    for (const value of ['aHVudGVyMg==', 'YXBp', 'hunter2']) expect(text).not.toContain(value);
    expect(secret.properties).not.toHaveProperty('data');
  });

  it('links pods to the images they run, keyed like Trivy and ECR key them', () => {
    const pod = u('payments', 'pod', 'api-6d4cf56db6-abcde');
    const images = edges(records, 'runs_image').filter((e) => e.from === pod);
    expect(images.map((e) => e.to).sort()).toEqual([`${ECR_IMAGE}@${API_DIGEST}`, `docker.io/library/nginx@${NGINX_DIGEST}`].sort());
    expect(images.find((e) => e.to.startsWith(ECR_IMAGE))!.properties).toMatchObject({ containers: ['app'], image: `${ECR_IMAGE}:1.4.2` });
    // ECR's image uid for the same push, through the same helper
    expect(digestReference(`${ECR_IMAGE}@${API_DIGEST}`)).toBe(`${ECR_IMAGE}@${API_DIGEST}`);
    expect(pairs(records, 'runs_image')).toContainEqual([u('kube-system', 'pod', 'node-exporter-x7k2p'), `quay.io/prometheus/node-exporter@sha256:${'d'.repeat(64)}`]);
    expect(pairs(records, 'runs_image')).toContainEqual([u('payments', 'pod', 'nightly-report-28900000-q2x4z'), `image:${BUSYBOX_CONFIG}`]);
    const image = byUid.get(`docker.io/library/nginx@${NGINX_DIGEST}`)!;
    expect(image).toMatchObject({ kind: 'container.image', reference: true });
  });

  it('image uids: status repo digest, then spec digest, then config digest, then the name', () => {
    expect(containerImageUid('nginx:1.25', `docker-pullable://nginx@${NGINX_DIGEST}`)).toBe(`docker.io/library/nginx@${NGINX_DIGEST}`);
    expect(containerImageUid(`nginx@${NGINX_DIGEST}`, null)).toBe(`docker.io/library/nginx@${NGINX_DIGEST}`);
    expect(containerImageUid('busybox:1.36', `docker://${BUSYBOX_CONFIG}`)).toBe(`image:${BUSYBOX_CONFIG}`);
    expect(containerImageUid('busybox:1.36', '')).toBe('image:busybox:1.36');
  });

  it('links pods to their service account, node and managing workload', () => {
    expect(pairs(records, 'uses_service_account')).toContainEqual([u('payments', 'pod', 'api-6d4cf56db6-abcde'), u('payments', 'serviceaccount', 'api')]);
    expect(pairs(records, 'uses_service_account')).toContainEqual([u('payments', 'pod', 'nightly-report-28900000-q2x4z'), u('payments', 'serviceaccount', 'default')]);
    expect(pairs(records, 'runs_on')).toContainEqual([u('payments', 'pod', 'api-6d4cf56db6-fghij'), u(null, 'node', 'ip-10-0-1-10.ec2.internal')]);
    expect(pairs(records, 'manages')).toEqual([
      [u('kube-system', 'daemonset', 'node-exporter'), u('kube-system', 'pod', 'node-exporter-x7k2p')],
      [u('payments', 'cronjob', 'nightly-report'), u('payments', 'job', 'nightly-report-28900000')],
      [u('payments', 'deployment', 'api'), u('payments', 'pod', 'api-6d4cf56db6-abcde')],
      [u('payments', 'deployment', 'api'), u('payments', 'pod', 'api-6d4cf56db6-fghij')],
      [u('payments', 'job', 'nightly-report-28900000'), u('payments', 'pod', 'nightly-report-28900000-q2x4z')],
    ]);
  });

  it('finds a pod\'s Deployment from the pod-template-hash when ReplicaSets were not listed', () => {
    const rs = normalizeCluster(C, listings(clusterItems(), ['replicasets']), 'x');
    expect(pairs(rs, 'manages')).toContainEqual([u('payments', 'deployment', 'api'), u('payments', 'pod', 'api-6d4cf56db6-abcde')]);
  });

  it('links services to the pods they select and ingresses to their services', () => {
    expect(pairs(records, 'selects')).toEqual([
      [u('payments', 'service', 'api'), u('payments', 'pod', 'api-6d4cf56db6-abcde')],
      [u('payments', 'service', 'api'), u('payments', 'pod', 'api-6d4cf56db6-fghij')],
    ]);
    const route = edges(records, 'routes_to');
    expect(route).toEqual([{ from: u('payments', 'ingress', 'api'), kind: 'routes_to', to: u('payments', 'service', 'api'),
      properties: { routes: [{ host: 'api.example.com', path: '/', port: 80 }] } }]);
  });

  it('links bindings to roles and subjects, and IRSA service accounts to their IAM role', () => {
    expect(pairs(records, 'binds_role')).toEqual([
      [u(null, 'clusterrolebinding', 'ci-admin'), u(null, 'clusterrole', 'cluster-admin')],
      [u('payments', 'rolebinding', 'api-reader'), u('payments', 'role', 'reader')],
    ]);
    expect(pairs(records, 'grants_to')).toEqual([
      [u(null, 'clusterrolebinding', 'ci-admin'), u(null, 'group', 'system:masters')],
      [u(null, 'clusterrolebinding', 'ci-admin'), u('kube-system', 'serviceaccount', 'ci')],
      [u('payments', 'rolebinding', 'api-reader'), u('payments', 'serviceaccount', 'api')],
    ]);
    expect(edges(records, 'assumes_role')).toEqual([{ from: u('payments', 'serviceaccount', 'api'), kind: 'assumes_role', to: IRSA_ROLE, properties: { via: 'irsa' } }]);
  });

  it('states one scope per kind; a refused kind fails its scope, services without pods are partial', () => {
    expect(coverage(records)[`k8s:${C}:pod`]).toBe('complete');
    expect(Object.keys(coverage(records))).toHaveLength(K8S_KINDS.length - 1);
    const l = listings(clusterItems(), ['pods']);
    l.set('secret', { status: 'failed', error: '403 Forbidden: secrets is forbidden' });
    const rs = normalizeCluster(C, l, 'x');
    expect(coverage(rs)).toMatchObject({ [`k8s:${C}:pod`]: 'failed', [`k8s:${C}:secret`]: 'failed', [`k8s:${C}:service`]: 'partial', [`k8s:${C}:deployment`]: 'complete' });
    expect(rs.find((r) => r.type === 'coverage' && r.scope === `k8s:${C}:secret`)).toMatchObject({ error: 'list secrets: 403 Forbidden: secrets is forbidden' });
    expect(assets(rs).some((a) => a.kind === 'k8s.secret' || a.kind === 'k8s.pod')).toBe(false);
  });

  it('names clusters safely and rejects malformed lists naming the file and item', () => {
    expect(clusterName('arn:aws:eks:us-east-1:123456789012:cluster/prod')).toBe('arn-aws-eks-us-east-1-123456789012-cluster-prod');
    expect(clusterName('kind-dev')).toBe('kind-dev');
    const pods = K8S_KINDS.find((k) => k.name === 'pod')!;
    expect(() => parseListDocument({ items: [{ metadata: { name: 'x' } }] }, pods, 'pods.json')).toThrow(/pods.json items\[0\]: metadata.namespace/);
    expect(() => parseListDocument({ items: [{ metadata: {} }] }, pods, 'pods.json')).toThrow(/pods.json items\[0\]: \.metadata\.name/);
    expect(() => parseListDocument({ kind: 'PodList' }, pods, 'pods.json')).toThrow(/pods.json: expected a List/);
    expect(() => parseListDocument({ items: [{ metadata: { name: '../x', namespace: 'a' } }] }, pods, 'pods.json')).toThrow(/no \/ or %/);
    expect(parseListDocument({ kind: 'Status', status: 'Failure', code: 403, reason: 'Forbidden', message: 'nope' }, pods, 'p'))
      .toEqual({ status: 'failed', error: '403 Forbidden: nope' });
  });
});
