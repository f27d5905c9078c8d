import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../store/open.js';
import { registerIngest } from './ingest.js';
import { commandStore, runCommand, type CommandRun } from '../../../test/support/run-command.js';

const store = commandStore('ms-cli-import-');
const dir = store.dir;

const run = (...args: string[]): Promise<CommandRun> => runCommand(registerIngest, ['--db', store.location, 'import', ...args]);

async function query<T extends object>(sql: string): Promise<T[]> {
  const db = await openDb(store.location);
  try { return await db.query<T>(sql); } finally { await db.close(); }
}

const digest = (c: string) => `sha256:${c.repeat(64)}`;

describe('mothership import catalog', () => {
  it('ingests the catalogue files of a directory, skipping other YAML, and refuses a named non-catalogue file', async () => {
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, 'team'), { recursive: true });
    copyFileSync(new URL('../../sources/catalog/testdata/catalog-info.yaml', import.meta.url), join(repo, 'catalog-info.yaml'));
    writeFileSync(join(repo, 'team', 'owners.yaml'), 'teams:\n  - id: payments\n    name: Payments\n');
    writeFileSync(join(repo, 'ci.yml'), 'on: push\n');
    writeFileSync(join(repo, 'README.md'), '# hi\n');
    const r = await run('catalog', repo);
    expect(r.error).toBeUndefined();
    expect(r.out).toMatch(/catalog-info\.yaml: backstage-yaml, \d+ assets/);
    expect(r.out).toMatch(/owners\.yaml: owners-yaml, 1 assets/);
    expect(r.err).toContain(`${join(repo, 'ci.yml')}: skipped, not a catalogue file`);
    const stored = await query<{ uid: string; kind: string }>(`select uid, kind from assets where uid in ('service:payments/checkout', 'team:payments') order by uid`);
    expect(stored).toEqual([{ uid: 'service:payments/checkout', kind: 'service' }, { uid: 'team:payments', kind: 'team' }]);
    expect((await run('catalog', join(repo, 'ci.yml'))).error?.message).toMatch(/ci\.yml: not a Backstage catalog-info\.yaml/);
  });
});

describe('mothership import deployments', () => {
  it('records what runs where; a later event replaces the image link', async () => {
    const file = join(dir, 'deploys.json');
    const image = (c: string) => `ghcr.io/acme/api:1.0@${digest(c)}`;
    writeFileSync(file, JSON.stringify([{ service: 'api', image: image('a'), environment: 'production', cluster: 'prod-eu', deployed_at: '2026-01-10T08:00:00Z' }]));
    const r = await run('deployments', file);
    expect(r.error).toBeUndefined();
    expect(r.out).toMatch(/run \d+ succeeded; 2 assets \(\+2 ~0 -0\), 1 relationships, 0 findings; scopes 1 complete/);
    writeFileSync(file, JSON.stringify({ deployments: [{ service: 'api', image: image('b'), environment: 'production' }] }));
    expect((await run('deployments', file)).error).toBeUndefined();
    const edges = await query<{ to_uid: string }>(`select to_uid from relationships where from_uid = 'deployment:api/production' and kind = 'runs_image'`);
    expect(edges).toEqual([{ to_uid: `ghcr.io/acme/api@${digest('b')}` }]);
    const [asset] = await query<{ environment: string; kind: string }>(`select environment, kind from assets where uid = 'deployment:api/production'`);
    expect(asset).toEqual({ environment: 'production', kind: 'deployment' });

    writeFileSync(file, JSON.stringify([{ service: 'api', image: image('a'), environment: 'production' }, { service: 'api', image: 'ghcr.io/acme/api:latest', environment: 'staging' }]));
    expect((await run('deployments', file)).error?.message).toMatch(/deploys\.json: deployments\[1\]\.image: a digest reference/);
  });
});

describe('mothership import k8s <file>', () => {
  it('needs --cluster for a file, and refuses it for a directory', async () => {
    const file = join(dir, 'all.json');
    writeFileSync(file, JSON.stringify({ kind: 'List', items: [] }));
    expect((await run('k8s', file)).error?.message).toMatch(/all\.json: a single List file needs --cluster <name>/);
    expect((await run('k8s', dir, '--cluster', 'x')).error?.message).toMatch(/--cluster applies to `import k8s <file>` only/);
  });
});
