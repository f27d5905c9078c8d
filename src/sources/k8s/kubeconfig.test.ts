import http from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeTarget, loadKubeconfig } from './kubeconfig.js';

let dir: string;
let first: string;
let second: string;
let runs: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kubeconfig-'));
  await mkdir(join(dir, 'a'));
  await mkdir(join(dir, 'b'));
  first = join(dir, 'a', 'config');
  second = join(dir, 'b', 'config');
  runs = join(dir, 'plugin-runs');
  await writeFile(join(dir, 'token'), 'file-token\n');
  await writeFile(join(dir, 'a', 'ca.crt'), 'read, never parsed: no TLS connection is made');
  const credential = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: 'exec-token' } });
  const plugin = `require('fs').appendFileSync(${JSON.stringify(runs)}, 'x'); process.stdout.write(${JSON.stringify(credential)})`;
  await writeFile(first, `apiVersion: v1
kind: Config
current-context: prod
clusters:
  - name: prod
    cluster: { server: 'https://prod.example:6443/', certificate-authority: ca.crt }
  - name: proxy
    cluster: { server: 'http://127.0.0.1:8001' }
contexts:
  - { name: prod, context: { cluster: prod, user: cert } }
  - { name: proxied, context: { cluster: proxy, user: basic } }
  - { name: from-file, context: { cluster: prod, user: token-file } }
  - { name: plugin, context: { cluster: prod, user: exec } }
users:
  - name: cert
    user: { client-certificate: certs/me.crt, client-key: /abs/me.key }
  - name: basic
    user: { username: ann, password: secret, as: auditor }
  - name: token-file
    user: { token-file: ${JSON.stringify(join(dir, 'token'))} }
  - name: exec
    user:
      exec:
        apiVersion: client.authentication.k8s.io/v1beta1
        command: ${JSON.stringify(process.execPath)}
        args: ['-e', ${JSON.stringify(plugin)}]
`);
  await writeFile(second, `apiVersion: v1
kind: Config
current-context: staging
clusters:
  - name: prod
    cluster: { server: 'https://shadowed.example' }
  - name: staging
    cluster: { server: 'https://staging.example' }
contexts:
  - { name: staging, context: { cluster: staging, user: cert } }
users:
  - name: cert
    user: { token: shadowed }
`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadKubeconfig', () => {
  it('merges files as kubectl does: the first definition and the first current-context win', () => {
    const kc = loadKubeconfig([first, second]);
    expect(kc.getCurrentContext()).toBe('prod');
    expect(kc.getContexts().map((c) => c.name)).toEqual(['prod', 'proxied', 'from-file', 'plugin', 'staging']);
    expect(kc.getCluster('prod')).toMatchObject({ server: 'https://prod.example:6443', caFile: join(dir, 'a', 'ca.crt') });
    expect(kc.getCluster('staging')?.server).toBe('https://staging.example');
    expect(kc.getUser('cert')).toMatchObject({ certFile: join(dir, 'a', 'certs', 'me.crt'), keyFile: '/abs/me.key' });
    expect(kc.getUser('cert')?.token).toBeFalsy();
  });

  it('reads an empty file as an empty config, and names the file of a bad one', async () => {
    const empty = join(dir, 'empty');
    await writeFile(empty, '\n');
    expect(loadKubeconfig([empty, second]).getCurrentContext()).toBe('staging');
    expect(() => loadKubeconfig([join(dir, 'missing')])).toThrow(`${join(dir, 'missing')}: cannot read the kubeconfig: ENOENT`);
    const bad = join(dir, 'bad');
    await writeFile(bad, 'clusters:\n  - name: x\n    cluster: {}\n');
    expect(() => loadKubeconfig([bad])).toThrow(`${bad}: cannot read the kubeconfig: clusters[0].cluster.server is missing`);
  });
});

describe('kubeTarget', () => {
  it('names the files and the known contexts when a context is unknown', async () => {
    expect(() => kubeTarget(loadKubeconfig([first, second]), 'nope'))
      .toThrow(`${first}:${second}: context nope not found; known: prod, proxied, from-file, plugin, staging`);
    const empty = join(dir, 'empty');
    await writeFile(empty, '');
    expect(() => kubeTarget(loadKubeconfig([empty]))).toThrow(/no current-context/);
  });

  it('applies the user of the context: basic auth, a trimmed token file, impersonation', async () => {
    const kc = loadKubeconfig([first]);
    const proxied = kubeTarget(kc, 'proxied');
    expect(proxied.server).toBe('http://127.0.0.1:8001');
    const basic = await proxied.requestOptions();
    expect(basic.auth).toBe('ann:secret');
    expect(basic.headers).toMatchObject({ 'Impersonate-User': 'auditor' });
    expect(basic.agent).toBeInstanceOf(http.Agent); // plain http works as with kubectl proxy
    const file = await kubeTarget(kc, 'from-file').requestOptions();
    expect(file.headers).toMatchObject({ Authorization: 'Bearer file-token' });
    await expect(kubeTarget(kc).requestOptions()).rejects.toThrow(/ENOENT.*me\.crt/);
  });

  it('runs an exec plugin once for concurrent requests and reuses its credential', async () => {
    const target = kubeTarget(loadKubeconfig([first]), 'plugin');
    const all = await Promise.all(Array.from({ length: 5 }, () => target.requestOptions()));
    const again = await target.requestOptions();
    for (const o of [...all, again]) expect(o.headers).toMatchObject({ Authorization: 'Bearer exec-token' });
    expect(await readFile(runs, 'utf8')).toBe('x');
  });
});
