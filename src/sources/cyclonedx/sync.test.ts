import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import type { Parser } from '../../model/index.js';
import { trivyJson } from '../trivy/parser.js';
import { cyclonedxJson } from './parser.js';
import { ingestText, storeSnapshot as snapshot } from '../../../test/support/report-sync.js';

/**
 * A real Trivy CycloneDX BOM of a Maven repository (two vulnerabilities in jackson-databind) through the
 * scoped sync: idempotent re-import, what an SBOM-only re-import may and may not resolve, VEX closing a
 * finding, and the same scan as Trivy JSON merging into the same findings.
 */
const GOLDEN = join(process.cwd(), '..', 'shared', 'corpus', 'trivy-golden');
const BOM = join(GOLDEN, 'pom-cyclonedx.json.golden');
const TRIVY = join(GOLDEN, 'pom.json.golden');
const REPO = 'repo:testdata/fixtures/repo/pom';
const T = (day: number) => new Date(Date.UTC(2026, 1, day));

function ingest(db: Db, parser: Parser, text: string, now: Date) {
  return ingestText(db, parser, 'pom.cdx.json', text, now);
}

const status = (db: Db) => db.query<{ advisory_id: string; status: string }>('select advisory_id, status from findings order by advisory_id');

describe.skipIf(!existsSync(BOM))(existsSync(BOM) ? 'cyclonedx-json through the scoped sync'
  : 'cyclonedx-json sync: skipped, ../shared/corpus/trivy-golden not found', () => {
  let t: TestDb;
  let text: string;
  let bom: { vulnerabilities: { id: string; analysis?: unknown }[] };
  beforeAll(async () => {
    t = await createTestDb();
    text = existsSync(BOM) ? readFileSync(BOM, 'utf8') : '{}';
    bom = JSON.parse(text) as typeof bom;
  });
  afterAll(async () => { await t.drop(); });

  it('stores the repository, its packages and its findings', async () => {
    const r = await ingest(t.db, cyclonedxJson, text, T(1));
    expect(r.status).toBe('succeeded');
    expect(r.counts.scopes).toEqual({ complete: 3, partial: 0, failed: 0 });
    expect(await t.db.query('select uid, kind, source, scope from assets')).toEqual([
      { uid: REPO, kind: 'code.repository', source: 'cyclonedx-json', scope: `cyclonedx-json:${REPO}` },
    ]);
    expect(await t.db.query('select name, ecosystem, path from packages order by name')).toEqual([
      { name: 'com.example:log4shell', ecosystem: 'Maven', path: 'pom.xml' },
      { name: 'com.fasterxml.jackson.core:jackson-databind', ecosystem: 'Maven', path: 'pom.xml' },
    ]);
    expect(await t.db.query('select advisory_id, severity, status from findings order by advisory_id')).toEqual([
      { advisory_id: 'CVE-2020-9548', severity: 'critical', status: 'open' },
      { advisory_id: 'CVE-2021-20190', severity: 'high', status: 'open' },
    ]);
  });

  it('changes no row when the same BOM is ingested again', async () => {
    const before = await snapshot(t.db);
    const r = await ingest(t.db, cyclonedxJson, text, T(2));
    expect(r.counts.assets).toMatchObject({ inserted: 0, updated: 0, gone: 0 });
    expect(r.counts.packages).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect(r.counts.findings).toMatchObject({ new: 0, updated: 0, reopened: 0, resolved: 0 });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('resolves nothing when an SBOM of the same repository lists no vulnerabilities', async () => {
    for (const sbom of [{ ...bom, vulnerabilities: [] }, { ...bom, vulnerabilities: undefined }]) {
      const r = await ingest(t.db, cyclonedxJson, JSON.stringify(sbom), T(3));
      expect(r.counts.findings.resolved).toBe(0);
      expect(r.counts.packages.deleted).toBe(0);
    }
    expect((await status(t.db)).map((f) => f.status)).toEqual(['open', 'open']);
  });

  it('resolves a vulnerability a later BOM marks not_affected, and keeps why', async () => {
    const vex = { ...bom, vulnerabilities: bom.vulnerabilities.map((v) => (v.id === 'CVE-2021-20190'
      ? { ...v, analysis: { state: 'not_affected', justification: 'code_not_reachable' } } : v)) };
    const r = await ingest(t.db, cyclonedxJson, JSON.stringify(vex), T(4));
    expect(r.counts.findings.resolved).toBe(1);
    expect(await status(t.db)).toEqual([
      { advisory_id: 'CVE-2020-9548', status: 'open' }, { advisory_id: 'CVE-2021-20190', status: 'resolved' },
    ]);
    const [asset] = await t.db.query<{ properties: { sbom: { suppressed: unknown[] } } }>('select properties from assets where uid = $1', [REPO]);
    expect(asset?.properties.sbom.suppressed).toEqual([expect.objectContaining({ id: 'CVE-2021-20190', state: 'not_affected', justification: 'code_not_reachable' })]);
  });

  it('merges the same scan from Trivy JSON into the same findings', async () => {
    if (!existsSync(TRIVY)) return;
    const r = await ingest(t.db, trivyJson, readFileSync(TRIVY, 'utf8'), T(5));
    expect(r.counts.findings.new).toBe(0);
    expect(r.counts.findings.reopened).toBe(1);
    const sources = await t.db.query<{ advisory_id: string; sources: string[] }>(
      `select f.advisory_id, array_agg(s.source order by s.source) as sources from findings f join finding_sources s on s.finding_id = f.id
       group by f.advisory_id order by f.advisory_id`);
    expect(sources).toEqual([
      { advisory_id: 'CVE-2020-9548', sources: ['cyclonedx-json', 'trivy-json'] },
      { advisory_id: 'CVE-2021-20190', sources: ['trivy-json'] },
    ]);
  });
});
