import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { clusterItems } from '../sources/k8s/fixture.js';
import { K8S_KINDS, listPath } from '../sources/k8s/kinds.js';
import { loadKubeconfig } from '../sources/k8s/kubeconfig.js';
import { collectK8s } from './collect-k8s.js';
import { importDump } from './import-dump.js';

/**
 * A local API server speaking the Kubernetes list protocol: `<Kind>List` pages with metadata.continue
 * (honouring limit), bearer tokens, and a 403 Status for secrets as RBAC returns it.
 */
const TOKENS = new Set(['static-token', 'exec-token']);
const requests: string[] = [];

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  requests.push(`${url.pathname}${url.search}`);
  if (!TOKENS.has((req.headers.authorization ?? '').replace(/^Bearer /, ''))) {
    return send(res, 401, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
  }
  const kind = K8S_KINDS.find((k) => listPath(k) === url.pathname);
  if (!kind) return send(res, 404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' });
  if (kind.resource === 'secrets') {
    return send(res, 403, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'Forbidden', code: 403,
      message: 'secrets is forbidden: User "system:serviceaccount:audit:mothership" cannot list resource "secrets" in API group "" at the cluster scope',
      details: { kind: 'secrets' } });
  }
  const items = clusterItems()[kind.resource] ?? [];
  const limit = Number(url.searchParams.get('limit') ?? items.length) || items.length;
  const offset = Number(url.searchParams.get('continue') ?? 0);
  const page = items.slice(offset, offset + limit);
  const next = offset + limit < items.length ? String(offset + limit) : undefined;
  send(res, 200, { kind: `${kind.kind}List`, apiVersion: kind.apiVersion, metadata: { resourceVersion: '4242', ...(next ? { continue: next } : {}) }, items: page });
}

let server: Server;
let dir: string;
let t: TestDb;
let kubeconfig: string;

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  dir = await mkdtemp(join(tmpdir(), 'k8s-collect-'));
  t = await createTestDb();
  kubeconfig = join(dir, 'kubeconfig');
  const credential = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: 'exec-token' } });
  await writeFile(kubeconfig, `apiVersion: v1
kind: Config
current-context: shop-prod
clusters:
  - name: local
    cluster: { server: 'http://127.0.0.1:${port}', insecure-skip-tls-verify: true }
contexts:
  - name: shop-prod
    context: { cluster: local, user: static }
  - name: 'arn:aws:eks:us-east-1:123456789012:cluster/shop'
    context: { cluster: local, user: eks }
users:
  - name: static
    user: { token: static-token }
  - name: eks
    user:
      exec:
        apiVersion: client.authentication.k8s.io/v1beta1
        command: ${JSON.stringify(process.execPath)}
        args: ['-e', ${JSON.stringify(`process.stdout.write(${JSON.stringify(credential)})`)}]
`);
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('collect k8s against a local API server', () => {
  it('lists every kind with pagination, records the refused kind as a failed scope, and writes the dump', async () => {
    requests.length = 0;
    const dump = join(dir, 'dump');
    const [r] = await collectK8s(loadKubeconfig([kubeconfig]), { db: t.db, dumpDir: dump, pageSize: 3, concurrency: 3 });
    expect(r).toMatchObject({ context: 'shop-prod', cluster: 'shop-prod', kinds: { listed: K8S_KINDS.length - 1, failed: 1 } });
    // 4 pods in pages of 3: two requests, the second carrying the continue token
    expect(requests.filter((q) => q.startsWith('/api/v1/pods'))).toEqual(['/api/v1/pods?limit=3', '/api/v1/pods?limit=3&continue=3']);
    expect(requests).toContain('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings?limit=3');
    expect(requests).toContain('/apis/apps/v1/deployments?limit=3');
    expect(r!.sync!.status).toBe('partial');
    expect(r!.sync!.counts.scopes).toEqual({ complete: K8S_KINDS.length - 2, partial: 0, failed: 1 });
    const [secrets] = await t.db.query<{ last_coverage: string; last_error: string }>(
      `select last_coverage, last_error from scope_state where scope = 'k8s:shop-prod:secret'`);
    expect(secrets).toEqual({ last_coverage: 'failed', last_error: expect.stringMatching(/^list secrets: 403 Forbidden: secrets is forbidden/) as string });
    const pods = await t.db.query<{ uid: string }>(`select uid from v_assets where kind = 'k8s.pod' and gone_at is null order by uid`);
    expect(pods).toHaveLength(4);
    const edges = await t.db.query(`select 1 from relationships where kind = 'manages' and from_uid = 'k8s:shop-prod/payments/deployment/api'`);
    expect(edges).toHaveLength(2);
    // The dump holds what kubectl would print, and the refusal as a Status
    const podList = JSON.parse(await readFile(join(dump, 'shop-prod', 'pods.json'), 'utf8')) as { kind: string; items: { kind: string }[] };
    expect(podList.kind).toBe('List');
    expect(podList.items.map((i) => i.kind)).toEqual(['Pod', 'Pod', 'Pod', 'Pod']);
    expect(JSON.parse(await readFile(join(dump, 'shop-prod', 'secrets.json'), 'utf8'))).toMatchObject({ kind: 'Status', status: 'Failure' });
    const cm = await readFile(join(dump, 'shop-prod', 'configmaps.json'), 'utf8');
    expect(cm).toContain('DATABASE_URL');
    expect(cm).not.toContain('hunter2');
  });

  it('the dump imports as the same inventory, writing nothing new', async () => {
    const before = await t.db.query(`select uid, content_hash from assets order by uid`);
    const r = await importDump(t.db, 'k8s', join(dir, 'dump'));
    expect(r.counts.scopes).toEqual({ complete: K8S_KINDS.length - 2, partial: 0, failed: 1 });
    expect(r.counts.assets).toMatchObject({ inserted: 0, updated: 0, gone: 0 });
    expect(await t.db.query(`select uid, content_hash from assets order by uid`)).toEqual(before);
  });

  it('authenticates through an exec plugin and names an EKS context safely', async () => {
    const [r] = await collectK8s(loadKubeconfig([kubeconfig]), { contexts: ['arn:aws:eks:us-east-1:123456789012:cluster/shop'], dumpDir: join(dir, 'eks') });
    expect(r).toMatchObject({ cluster: 'arn-aws-eks-us-east-1-123456789012-cluster-shop', kinds: { failed: 1 } });
    expect(r!.sync).toBeUndefined();
    const list = JSON.parse(await readFile(join(dir, 'eks', r!.cluster, 'namespaces.json'), 'utf8')) as { items: unknown[] };
    expect(list.items).toHaveLength(3);
  });

  it('a refused token fails every kind; an unknown context is a clear error', async () => {
    const config = loadKubeconfig([kubeconfig]);
    const bad = new KubeConfig();
    bad.loadFromOptions({ ...config, users: config.users.map((u) => (u.name === 'static' ? { ...u, token: 'wrong' } : u)) });
    const [r] = await collectK8s(bad, { dumpDir: join(dir, 'bad') });
    expect(r!.kinds).toEqual({ listed: 0, failed: K8S_KINDS.length });
    await expect(collectK8s(config, { contexts: ['nope'] })).rejects.toThrow(/context nope not found; known: shop-prod/);
  });
});
