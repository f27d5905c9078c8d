import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { trivyJson } from './parser.js';
import { ingestText, storeSnapshot as snapshot } from '../../../test/support/report-sync.js';

const FIXTURE = readFileSync(new URL('./testdata/image-report.json', import.meta.url), 'utf8');
const IMAGE = 'registry.example.com/shop/api@sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd';
const BASE = 'docker.io/library/debian@sha256:eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
const T0 = new Date('2026-02-01T00:00:00Z');
const T1 = new Date('2026-02-02T00:00:00Z');
const T2 = new Date('2026-02-03T00:00:00Z');
const T3 = new Date('2026-02-04T00:00:00Z');

function ingest(db: Db, text: string, now: Date) {
  return ingestText(db, trivyJson, 'image-report.json', text, now);
}

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.drop(); });

describe('trivy-json through the scoped sync', () => {
  it('stores the image, its base, its packages and its findings', async () => {
    const r = await ingest(t.db, FIXTURE, T0);
    expect(r.status).toBe('succeeded');
    expect(r.counts.scopes).toEqual({ complete: 2, partial: 0, failed: 0 });

    const assets = await t.db.query<{ uid: string; kind: string; reference: boolean; source: string; scope: string }>(
      'select uid, kind, reference, source, scope from assets order by uid');
    expect(assets).toEqual([
      { uid: BASE, kind: 'container.image', reference: true, source: 'trivy-json', scope: `image:${IMAGE}` },
      { uid: IMAGE, kind: 'container.image', reference: false, source: 'trivy-json', scope: `image:${IMAGE}` },
    ]);
    expect(await t.db.query('select from_uid, kind, to_uid from relationships')).toEqual([{ from_uid: IMAGE, kind: 'based_on', to_uid: BASE }]);

    const pkgs = await t.db.query<{ name: string; version: string; ecosystem: string; path: string; source_name: string | null }>(
      'select name, version, ecosystem, path, source_name from packages where asset_uid = $1 order by name, path', [IMAGE]);
    expect(pkgs).toEqual([
      { name: 'bsdutils', version: '1:2.38.1-5+b1', ecosystem: 'Debian', path: '', source_name: 'util-linux' },
      { name: 'libssl3', version: '3.0.11-1~deb12u2', ecosystem: 'Debian', path: '', source_name: 'openssl' },
      { name: 'lodash', version: '4.17.20', ecosystem: 'npm', path: 'app/package-lock.json', source_name: null },
      { name: 'org.springframework:spring-beans', version: '5.3.15', ecosystem: 'Maven', path: 'app/lib/spring-beans-5.3.15.jar', source_name: null },
      { name: 'org.springframework:spring-beans', version: '5.3.15', ecosystem: 'Maven', path: 'app/plugins/report.war/WEB-INF/lib/spring-beans-5.3.15.jar', source_name: null },
    ]);

    const findings = await t.db.query<{ kind: string; id: string; severity: string; status: string }>(
      `select kind, coalesce(advisory_id, rule_id) as id, severity, status from findings where asset_uid = $1 order by kind, id`, [IMAGE]);
    expect(findings).toEqual([
      { kind: 'config', id: 'AVD-DS-0002', severity: 'high', status: 'open' },
      { kind: 'secret', id: 'github-pat', severity: 'critical', status: 'open' },
      { kind: 'vuln', id: 'CVE-2021-23337', severity: 'high', status: 'open' },
      { kind: 'vuln', id: 'CVE-2022-0563', severity: 'low', status: 'open' },
      { kind: 'vuln', id: 'CVE-2022-22965', severity: 'critical', status: 'open' },
      { kind: 'vuln', id: 'CVE-2023-5678', severity: 'medium', status: 'open' },
    ]);
    const links = await t.db.query<{ original_id: string }>(
      `select s.original_id from finding_sources s join findings f on f.id = s.finding_id where f.advisory_id = 'CVE-2021-23337'`);
    expect(links).toEqual([{ original_id: 'GHSA-35jh-r3h4-6jhm' }]);
  });

  it('changes no row when the same report is ingested again', async () => {
    const before = await snapshot(t.db);
    const r = await ingest(t.db, FIXTURE, T1);
    expect(r.counts.assets).toMatchObject({ inserted: 0, updated: 0, gone: 0 });
    expect(r.counts.packages).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect(r.counts.findings).toMatchObject({ new: 0, updated: 0, reopened: 0, resolved: 0 });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('resolves what a later complete report no longer has, and keeps packages a report did not list', async () => {
    const later = JSON.parse(FIXTURE) as { Results: { Packages?: unknown; Vulnerabilities?: { VulnerabilityID: string }[] }[] };
    for (const res of later.Results) delete res.Packages;
    later.Results[0]!.Vulnerabilities = later.Results[0]!.Vulnerabilities!.filter((v) => v.VulnerabilityID !== 'CVE-2023-5678');
    const r = await ingest(t.db, JSON.stringify(later), T2);
    expect(r.counts.findings.resolved).toBe(1);
    const [ssl] = await t.db.query<{ status: string }>(`select status from findings where advisory_id = 'CVE-2023-5678'`);
    expect(ssl?.status).toBe('resolved');
    expect(r.counts.packages.deleted).toBe(0);
    expect(await t.db.query('select count(*)::int as n from packages')).toEqual([{ n: 5 }]);

    // A complete listing without lodash does remove it.
    const fewer = JSON.parse(FIXTURE) as { Results: { Type?: string; Packages?: unknown }[] };
    for (const res of fewer.Results) if (res.Type === 'npm') delete res.Packages;
    const r2 = await ingest(t.db, JSON.stringify(fewer), T3);
    expect(r2.counts.packages.deleted).toBe(1);
    expect(r2.counts.findings.reopened).toBe(1);
  });
});
