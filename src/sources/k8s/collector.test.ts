import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listKind } from './collector.js';
import { kindByName } from './kinds.js';
import { kubeTarget, type KubeTarget } from './kubeconfig.js';

/** An API server that misbehaves the ways a real one does: throttling, expired tokens, errors, refusals. */
const requests: string[] = [];
const seen = new Map<string, number>();
const names = ['a', 'b', 'c'];

function status(res: ServerResponse, code: number, reason: string, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(code, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason, code, message }));
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  const key = `${url.pathname}${url.search}`;
  requests.push(key);
  seen.set(key, (seen.get(key) ?? 0) + 1);
  const first = seen.get(key) === 1;
  if (req.headers.authorization !== 'Bearer t') return status(res, 401, 'Unauthorized', 'Unauthorized');
  if (url.pathname === '/api/v1/namespaces' && !url.searchParams.has('continue') && first) return status(res, 429, 'TooManyRequests', 'slow down', { 'retry-after': '0' });
  if (url.pathname === '/api/v1/nodes' && url.searchParams.has('continue') && first) return status(res, 410, 'Expired', 'continue token expired');
  if (url.pathname === '/api/v1/pods') return status(res, 500, 'InternalError', 'etcd is down');
  if (url.pathname === '/api/v1/secrets') return status(res, 403, 'Forbidden', 'secrets is forbidden');
  const limit = Number(url.searchParams.get('limit'));
  const offset = Number(url.searchParams.get('continue') ?? 0);
  const next = offset + limit < names.length ? String(offset + limit) : undefined;
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ kind: 'List', apiVersion: 'v1', metadata: next ? { continue: next } : {},
    items: names.slice(offset, offset + limit).map((name) => ({ metadata: { name, creationTimestamp: '2024-05-01T10:00:00Z' } })) }));
}

let server: Server;
let target: KubeTarget;

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'local', server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, skipTLSVerify: false }],
    users: [{ name: 'u', token: 't' }],
    contexts: [{ name: 'local', cluster: 'local', user: 'u' }],
    currentContext: 'local',
  });
  target = kubeTarget(kc);
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

const of = (path: string) => requests.filter((q) => q.startsWith(`${path}?`));

describe('listKind', () => {
  it('retries a throttled request and keeps the items as the API sent them', async () => {
    const r = await listKind(target, kindByName('namespace'), { pageSize: 2 });
    expect(of('/api/v1/namespaces')).toEqual(['/api/v1/namespaces?limit=2', '/api/v1/namespaces?limit=2', '/api/v1/namespaces?limit=2&continue=2']);
    expect(r).toEqual({ status: 'ok', items: names.map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, creationTimestamp: '2024-05-01T10:00:00Z' } })) });
  });

  it('lists again from the start once when the continue token expired', async () => {
    const logs: string[] = [];
    const r = await listKind(target, kindByName('node'), { pageSize: 2, log: (m) => logs.push(m) });
    expect(of('/api/v1/nodes')).toEqual(['/api/v1/nodes?limit=2', '/api/v1/nodes?limit=2&continue=2', '/api/v1/nodes?limit=2', '/api/v1/nodes?limit=2&continue=2']);
    expect(r.status === 'ok' && r.items.map((i) => i.metadata.name)).toEqual(names);
    expect(logs).toEqual(['local: nodes: continue token expired, listing again']);
  });

  it('gives up on a server error after three attempts, and at once on a refusal', async () => {
    expect(await listKind(target, kindByName('pod'))).toEqual({ status: 'failed', error: '500 InternalError: etcd is down' });
    expect(of('/api/v1/pods')).toHaveLength(3);
    expect(await listKind(target, kindByName('secret'))).toEqual({ status: 'failed', error: '403 Forbidden: secrets is forbidden' });
    expect(of('/api/v1/secrets')).toHaveLength(1);
  });
});
