import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { importDump } from '../../pipeline/import-dump.js';
import { loadRulePacks } from '../../engines/rules/load.js';
import type { RuleViolation } from '../../engines/rules/rule.js';
import { clusterItems, kubectlList } from './fixture.js';

/** The built-in k8s rules over what the normalizer really stores (the rules' own examples are hand-written). */
let t: TestDb;
let dir: string;

beforeAll(async () => {
  t = await createTestDb();
  dir = await mkdtemp(join(tmpdir(), 'k8s-rules-'));
  await mkdir(join(dir, 'prod'));
  for (const [resource, items] of Object.entries(clusterItems())) {
    await writeFile(join(dir, 'prod', `${resource}.json`), JSON.stringify(kubectlList(resource, items)));
  }
  await importDump(t.db, 'k8s', dir);
});
afterAll(async () => {
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('built-in k8s rules on a normalized cluster', () => {
  it('flag workloads through their templates, never the pods they manage', async () => {
    const found: string[] = [];
    for (const rule of loadRulePacks().filter((r) => r.id.startsWith('k8s.'))) {
      const rows = await t.db.query<RuleViolation>(rule.sql);
      for (const r of rows) found.push(`${rule.id} ${r.asset_uid}${r.detail ? ` ${r.detail}` : ''}`);
    }
    expect(found.sort()).toEqual([
      'k8s.pod.host-pid-ipc k8s:prod/kube-system/daemonset/node-exporter hostPID',
      'k8s.pod.privilege-escalation-allowed k8s:prod/payments/deployment/api proxy',
      'k8s.pod.runs-as-root k8s:prod/payments/deployment/api proxy',
      'k8s.pod.secret-in-env k8s:prod/payments/deployment/api app',
      'k8s.rbac.cluster-admin-to-service-account k8s:prod/_cluster/clusterrolebinding/ci-admin ServiceAccount:kube-system/ci',
    ]);
  });
});
