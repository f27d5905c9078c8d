import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import type { NormalizedRecord } from '../model/index.js';
import { syncRun } from './sync/run.js';
import { scoreRisk } from './score-risk.js';
import { DEFAULT_RISK_CONFIG, parseRiskConfig, riskConfig, weightsVersion } from '../engines/risk/config.js';
import { riskOf, type RiskFactors, type RiskInputs } from '../engines/risk/model.js';

const A = '123456789012';
const arn = (what: string) => `arn:aws:ec2:us-east-1:${A}:instance/${what}`;
const WEB = arn('i-web');
const SSRF = arn('i-ssrf');
const DB_HOST = arn('i-db');
const APP = arn('i-app');
const POD = 'k8s:prod/ns/web/pod/web-1';
const IMG = 'registry.example.com/web@sha256:1111';
const ROLE = `arn:aws:iam::${A}:role/app`;
const ADMIN = `arn:aws:iam::${A}:role/admin`;

const asset = (uid: string, kind: string, extra: Record<string, unknown> = {}): NormalizedRecord =>
  ({ type: 'asset', scope: 'inv', asset: { uid, kind, account: A, owner: 'team-a', ...extra } });
const inventory: NormalizedRecord[] = [
  { type: 'coverage', scope: 'inv', coverage: 'complete' },
  asset(WEB, 'aws.ec2.instance'),
  asset(SSRF, 'aws.ec2.instance', { environment: 'production' }),
  asset(DB_HOST, 'aws.ec2.instance', { criticality: 'critical', environment: 'production' }),
  asset(APP, 'aws.ec2.instance'),
  asset(POD, 'k8s.pod'),
  asset(IMG, 'container.image'),
  asset(ROLE, 'aws.iam.role'),
  asset(ADMIN, 'aws.iam.role', { criticality: 'high' }),
  { type: 'relationship', scope: 'inv', relationship: { from: APP, kind: 'has_role', to: ROLE } },
  { type: 'relationship', scope: 'inv', relationship: { from: POD, kind: 'runs_image', to: IMG } },
];
const labels: NormalizedRecord[] = [
  { type: 'coverage', scope: 'labels', coverage: 'complete' },
  { type: 'label', scope: 'labels', label: { assetUid: WEB, label: 'isPublic' } },
  { type: 'label', scope: 'labels', label: { assetUid: POD, label: 'isPublic' } },
  { type: 'label', scope: 'labels', label: { assetUid: ROLE, label: 'HighlyPermissiveRole' } },
];
const vuln = (fp: string, cve: string, assetUid: string, severity: string, score: number, extra: Record<string, unknown> = {}): NormalizedRecord => ({
  type: 'finding', scope: 'scan', finding: { fingerprint: fp, kind: 'vuln', advisoryId: cve, title: `${cve} in libfoo`, severity: severity as 'high',
    assetUid, properties: { packageName: 'libfoo', cvss: { nvd: { V3Score: score, V3Vector: 'CVSS:3.1/AV:N' } }, ...extra } },
});
const scan: NormalizedRecord[] = [
  { type: 'coverage', scope: 'scan', coverage: 'complete' },
  vuln('kev-web', 'CVE-2021-44228', WEB, 'high', 7.5),
  vuln('crit-db', 'CVE-2024-0001', DB_HOST, 'critical', 9.8, { fixedVersions: ['1.2'] }),
  vuln('img', 'CVE-2024-0002', IMG, 'medium', 5.3),
  vuln('ssrf-host', 'CVE-2024-0002', SSRF, 'medium', 5.3),
  { type: 'finding', scope: 'scan', finding: { fingerprint: 'cfg-app', kind: 'config', ruleId: 'aws.ec2.imdsv1', title: 'IMDSv1 allowed', severity: 'medium', assetUid: APP } },
];
const pathRun = (open: boolean): NormalizedRecord[] => [
  { type: 'coverage', scope: 'paths:all', coverage: 'complete' },
  ...(open ? [{ type: 'finding', scope: 'paths:all', finding: {
    fingerprint: 'path-1', kind: 'path', ruleId: 'path.ssrf-imds-credentials', title: 'SSRF to admin credentials', severity: 'critical', assetUid: SSRF,
    evidence: { technique: 'ssrf-imds-credentials', entry: 'internet', target: ADMIN,
      nodes: [{ uid: 'internet', kind: 'internet', name: 'internet' }, { uid: SSRF, kind: 'aws.ec2.instance', name: 'ssrf' }, { uid: ADMIN, kind: 'aws.iam.role', name: 'admin' }],
      edges: [] },
  } } as NormalizedRecord] : []),
];

let t: TestDb;
const factorsOf = async () => new Map((await t.db.query<{ fingerprint: string; risk_score: number | null; risk_factors: RiskFactors }>(
  'select fingerprint, risk_score, risk_factors from findings')).map((r) => [r.fingerprint, r]));

beforeAll(async () => {
  t = await createTestDb();
  await syncRun(t.db, inventory, { source: 'test-inv' });
  await syncRun(t.db, labels, { source: 'engine:labels' });
  await syncRun(t.db, scan, { source: 'test-scan' });
  await syncRun(t.db, pathRun(true), { source: 'engine:paths' });
  await t.db.exec(`insert into kev (cve_id, known_ransomware) values ('CVE-2021-44228', true);
    insert into epss (cve_id, score, percentile, scored_on) values ('CVE-2024-0001', 0.12, 0.9, '2026-01-01'), ('CVE-2021-44228', 0.975, 0.99, '2026-01-01')`);
});
afterAll(async () => { await t.drop(); });

const base: RiskInputs = { kind: 'vuln', severity: 'medium', cvss: null, kev: false, ransomware: false, epss: null, exploit: false, fixAvailable: false,
  onPath: false, public: false, blast: 0, criticality: null, environment: null, spreadAssets: 1, spreadOwners: 1, technique: null };

describe('scoreRisk', () => {
  it('puts the attack path and the internet-exposed KEV vulnerability above a critical CVSS on an internal asset', async () => {
    const r = await scoreRisk(t.db);
    expect(r.scored).toBe(6);
    expect(r.changed).toBe(6);
    const order = (await t.db.query<{ fingerprint: string }>('select fingerprint from findings order by risk_score desc, id')).map((x) => x.fingerprint);
    expect(order.indexOf('path-1')).toBeLessThan(order.indexOf('crit-db'));
    expect(order.indexOf('kev-web')).toBeLessThan(order.indexOf('crit-db'));
    expect(order.slice(0, 2)).toEqual(['path-1', 'kev-web']);
  });

  it('stores the factors the model gives, and they say why', async () => {
    const f = await factorsOf();
    const expectSame = (fp: string, inputs: Partial<RiskInputs>) => {
      const want = riskOf({ ...base, ...inputs }, DEFAULT_RISK_CONFIG);
      const got = f.get(fp)!;
      expect(got.risk_factors, fp).toEqual(want);
      expect(got.risk_score, fp).toBe(want.score);
    };
    expectSame('kev-web', { severity: 'high', cvss: 7.5, kev: true, ransomware: true, epss: 0.975, public: true });
    expectSame('crit-db', { severity: 'critical', cvss: 9.8, epss: 0.12, fixAvailable: true, criticality: 'critical', environment: 'production' });
    // The image takes the exposure of the pod running it; the advisory is shared with the SSRF host (spread 2).
    expectSame('img', { cvss: 5.3, public: true, spreadAssets: 2, spreadOwners: 1 });
    // The SSRF host is on the open path.
    expectSame('ssrf-host', { cvss: 5.3, onPath: true, spreadAssets: 2, spreadOwners: 1, environment: 'production' });
    // Its role is highly permissive.
    expectSame('cfg-app', { kind: 'config', blast: 1 });
    // A path scores from its technique, its target's criticality and (the target having none) its entry's environment.
    expectSame('path-1', { kind: 'path', severity: 'critical', technique: 'ssrf-imds-credentials', criticality: 'high', environment: 'production' });
    expect(f.get('kev-web')!.risk_factors.summary).toMatch(/^CVSS 7\.5; in CISA KEV, used by ransomware; EPSS 97\.5%; internet-exposed/);
    expect(f.get('kev-web')!.risk_factors.weights_version).toBe(weightsVersion(DEFAULT_RISK_CONFIG));
  });

  it('writes nothing on a re-run, and never touches content_hash or last_seen', async () => {
    const before = await t.db.query('select id, content_hash, last_seen, risk_score, risk_factors from findings order by id');
    const r = await scoreRisk(t.db);
    expect(r.changed).toBe(0);
    expect(await t.db.query('select id, content_hash, last_seen, risk_score, risk_factors from findings order by id')).toEqual(before);
  });

  it('drops the exposure once the path resolves, and rescoring follows configured weights', async () => {
    await syncRun(t.db, pathRun(false), { source: 'engine:paths' });
    const hashes = await t.db.query('select id, content_hash, last_seen from findings order by id');
    const r = await scoreRisk(t.db);
    expect(r.changed).toBe(1);
    const f = await factorsOf();
    expect(f.get('ssrf-host')!.risk_factors.factors.map((x) => x.factor)).not.toContain('exposure');
    // The resolved path keeps the score it had.
    expect(f.get('path-1')!.risk_score).toBeGreaterThan(90);

    const config = riskConfig(parseRiskConfig({ exploitability: { kev: 0, ransomware: 0 }, exposure: { public: 0 } }, 'risk.yaml'));
    const again = await scoreRisk(t.db, { config });
    expect(again.changed).toBeGreaterThan(0);
    const g = await factorsOf();
    expect(g.get('kev-web')!.risk_score).toBeLessThan(g.get('crit-db')!.risk_score!);
    expect(g.get('kev-web')!.risk_factors.factors.map((x) => x.factor)).not.toContain('kev');
    expect(await t.db.query('select id, content_hash, last_seen from findings order by id')).toEqual(hashes);
  });

  it('rejects a bad configuration naming the field', () => {
    expect(() => parseRiskConfig({ exposure: { public: 'high' } }, 'risk.yaml')).toThrow(/risk\.yaml: field exposure\.public/);
    expect(() => parseRiskConfig({ weights: {} }, 'risk.yaml')).toThrow(/risk\.yaml/);
    expect(() => parseRiskConfig({ spread: -1 }, 'risk.yaml')).toThrow(/field spread/);
  });
});
