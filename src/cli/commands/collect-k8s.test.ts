import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { K8S_KINDS } from '../../sources/k8s/kinds.js';
import { registerCollectK8s } from './collect-k8s.js';
import { runCommand, type CommandRun } from '../../../test/support/run-command.js';

let server: Server;
let dir: string;
let kubeconfig: string;

beforeAll(async () => {
  // Every list is empty; a wrong token is refused.
  server = createServer((req, res) => {
    const ok = req.headers.authorization === 'Bearer cli-token';
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? { kind: 'List', apiVersion: 'v1', metadata: {}, items: [] } : { kind: 'Status', status: 'Failure', reason: 'Unauthorized', code: 401 }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  dir = await mkdtemp(join(tmpdir(), 'ms-cli-collect-k8s-'));
  kubeconfig = join(dir, 'config');
  await writeFile(kubeconfig, `current-context: lab
clusters: [{ name: lab, cluster: { server: 'http://127.0.0.1:${(server.address() as AddressInfo).port}' } }]
contexts: [{ name: lab, context: { cluster: lab, user: lab } }, { name: stale, context: { cluster: lab, user: stale } }]
users: [{ name: lab, user: { token: cli-token } }, { name: stale, user: { token: old } }]
`);
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

const run = (...args: string[]): Promise<CommandRun> => runCommand(registerCollectK8s, ['collect', 'k8s', ...args]);

describe('mothership collect k8s', () => {
  it('writes the dump of the current context without a store', async () => {
    const dump = join(dir, 'dump');
    const r = await run('--kubeconfig', kubeconfig, '--no-sync', '--dump', dump);
    expect(r.error).toBeUndefined();
    expect(r.out).toMatch(new RegExp(`^collect k8s lab \\(lab\\): ${K8S_KINDS.length} kinds listed, 0 failed in `));
    expect(await readdir(join(dump, 'lab'))).toHaveLength(K8S_KINDS.length);
  });

  it('fails clearly on a bad kubeconfig, an unknown context, or a cluster where nothing could be listed', async () => {
    expect((await run('--kubeconfig', join(dir, 'missing'), '--no-sync', '--dump', dir)).error?.message)
      .toMatch(/missing: cannot read the kubeconfig: ENOENT/);
    expect((await run('--kubeconfig', kubeconfig, '--context', 'nope', '--no-sync', '--dump', dir)).error?.message)
      .toMatch(/context nope not found; known: lab, stale/);
    const r = await run('--kubeconfig', kubeconfig, '--context', 'stale', '--no-sync', '--dump', join(dir, 'stale'));
    expect(r.error?.message).toBe('nothing could be listed in stale (see the warnings above)');
    expect(r.err).toContain('warning: stale: namespaces: 401 Unauthorized');
  });
});
