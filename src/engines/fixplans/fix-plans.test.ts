import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import type { NormalizedRecord } from '../../model/index.js';
import { syncRun } from '../../pipeline/sync/run.js';
import { scoreRisk } from '../../pipeline/score-risk.js';
import { fixPlans, highestVersion } from './fix-plans.js';

const BASE = 'registry.example.com/base/debian@sha256:0000';
const img = (n: number) => `registry.example.com/svc-${n}@sha256:${n}${n}${n}${n}`;
const inst = (n: number) => `arn:aws:ec2:us-east-1:123456789012:instance/i-${n}`;

const inherited = (n: number, cve: string, fixed: string[], owner: string): NormalizedRecord => ({
  type: 'finding', scope: 'scan', finding: {
    fingerprint: `v-${n}-${cve}`, kind: 'vuln', advisoryId: cve, title: `${cve} in openssl`, severity: 'high', assetUid: img(n), owner,
    properties: { packageName: 'openssl', ecosystem: 'Debian', fixedVersions: fixed, inherited: { baseImage: BASE, baseOwner: null } },
  },
});
const imds = (n: number): NormalizedRecord => ({
  type: 'finding', scope: 'scan', finding: {
    fingerprint: `imds-${n}`, kind: 'config', ruleId: 'aws.ec2.imdsv1', title: 'Instance allows IMDSv1', severity: 'medium', assetUid: inst(n),
    owner: n % 2 ? 'team-a' : 'team-b', remediation: 'Require IMDSv2 (HttpTokens required). Then restart nothing.',
  },
});

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await syncRun(t.db, [
    { type: 'coverage', scope: 'inv', coverage: 'complete' },
    { type: 'asset', scope: 'inv', asset: { uid: BASE, kind: 'container.image', name: 'debian:12' } },
    ...[1, 2, 3].map((n): NormalizedRecord => ({ type: 'asset', scope: 'inv', asset: { uid: img(n), kind: 'container.image', name: `svc-${n}` } })),
  ], { source: 'test-inv' });
  await syncRun(t.db, [
    { type: 'coverage', scope: 'scan', coverage: 'complete' },
    inherited(1, 'CVE-2024-0001', ['3.0.12'], 'team-a'), inherited(1, 'CVE-2024-0002', ['3.0.13', '3.1.5'], 'team-a'),
    inherited(2, 'CVE-2024-0001', ['3.0.12'], 'team-b'), inherited(3, 'CVE-2024-0002', ['3.0.13'], 'team-b'),
    // No fixed version: no action resolves it.
    { type: 'finding', scope: 'scan', finding: { fingerprint: 'nofix', kind: 'vuln', advisoryId: 'CVE-2024-0009', title: 'no fix', severity: 'critical',
      assetUid: img(1), owner: 'team-a', properties: { packageName: 'zlib', ecosystem: 'Debian', fixedVersions: [] } } },
    imds(1), imds(2), imds(3), imds(4),
  ], { source: 'test-scan' });
  const [hop] = await t.db.query<{ id: number }>(`select id from findings where fingerprint = 'imds-1'`);
  await syncRun(t.db, [
    { type: 'coverage', scope: 'paths:all', coverage: 'complete' },
    ...[1, 3].map((n): NormalizedRecord => ({ type: 'finding', scope: 'paths:all', finding: {
      fingerprint: `path-${n}`, kind: 'path', ruleId: 'path.ssrf-imds-credentials', title: `SSRF via i-${n}`, severity: 'critical', assetUid: inst(n), owner: 'team-a',
      evidence: { technique: 'ssrf-imds-credentials', nodes: [{ uid: 'internet', kind: 'internet', name: 'internet' }, { uid: inst(n), kind: 'aws.ec2.instance', name: `i-${n}` }],
        edges: [{ from: 'internet', to: inst(n), kind: 'imds', evidence: n === 1 ? { text: 'IMDSv1', finding_id: hop!.id } : { text: 'IMDSv1', fingerprint: `imds-${n}` } }] },
    } })),
  ], { source: 'engine:paths' });
  await scoreRisk(t.db);
});
afterAll(async () => { await t.drop(); });

describe('fix plans', () => {
  it('groups inherited findings into one base-image upgrade to the highest nearest fix, and a rule into one remediation breaking its paths', async () => {
    const plans = await fixPlans(t.db, { owners: null });
    expect(plans).toHaveLength(2);
    const upgrade = plans.find((p) => p.kind === 'package-upgrade')!;
    expect(upgrade).toMatchObject({ package: 'openssl', fixed_version: '3.0.13', target: BASE, resolves: { findings: 4, assets: 3, owners: 2, paths: 0 } });
    expect(upgrade.action).toBe('Upgrade openssl to 3.0.13 in base image debian:12');
    expect(upgrade.summary).toBe('Upgrade openssl to 3.0.13 in base image debian:12: resolves 4 findings across 3 assets of 2 owners');
    const rule = plans.find((p) => p.kind === 'rule-remediation')!;
    expect(rule).toMatchObject({ rule_id: 'aws.ec2.imdsv1', resolves: { findings: 4, assets: 4, owners: 2, paths: 2 } });
    expect(rule.action).toBe('Require IMDSv2 (HttpTokens required) (aws.ec2.imdsv1) on 4 assets');
    expect(rule.summary).toMatch(/breaks 2 attack paths$/);
    // Risk removed: the findings' scores plus the broken paths'; the ranking follows it.
    const [sum] = await t.db.query<{ r: number }>(`select sum(risk_score)::float8 as r from findings where rule_id in ('aws.ec2.imdsv1', 'path.ssrf-imds-credentials')`);
    expect(rule.risk_removed).toBeCloseTo(sum!.r, 2);
    expect(plans[0]!.risk_removed).toBeGreaterThanOrEqual(plans[1]!.risk_removed);
    expect(rule.findings).toHaveLength(4);
    // Ids are stable across calls.
    expect((await fixPlans(t.db, { owners: null })).map((p) => p.id)).toEqual(plans.map((p) => p.id));
  });

  it('counts only a tenant\'s own findings and paths', async () => {
    const plans = await fixPlans(t.db, { owners: ['team-b'] });
    const rule = plans.find((p) => p.kind === 'rule-remediation')!;
    expect(rule.resolves).toEqual({ findings: 2, assets: 2, owners: 1, paths: 0 });
    const upgrade = plans.find((p) => p.kind === 'package-upgrade')!;
    expect(upgrade.resolves).toMatchObject({ findings: 2, owners: 1 });
    const own = (await t.db.query<{ id: number }>(`select id from findings where owner = 'team-b'`)).map((r) => r.id);
    for (const p of plans) for (const id of p.findings) expect(own).toContain(id);
  });

  it('picks the highest version by the ecosystem\'s order', () => {
    expect(highestVersion(['1.10.0', '1.9.2'], 'npm')).toBe('1.10.0');
    expect(highestVersion(['1:1.0-1', '2.0-1'], 'Debian')).toBe('1:1.0-1');
    expect(highestVersion([], 'npm')).toBeNull();
  });
});
