import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { analyze } from '../../pipeline/analyze.js';
import { syncRun } from '../../pipeline/sync/run.js';
import { memoryReportFile } from '../../sources/report-file.js';
import { trivyJson } from '../../sources/trivy/parser.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { vulnsEngine } from './engine.js';
import { corpusRecord, HAVE_OSV, insertAdvisories, osvRecord, type OsvRecord } from './osv-fixtures.js';
import { trivyFixtureAdvisories } from './trivy-fixture-db.js';

/**
 * A finding Trivy reports and our matcher finds is ONE finding with two sources: both compute the same
 * fingerprint (asset, ecosystem, Trivy's PkgName, canonical advisory id).
 */

const REPORT = new URL('../../sources/trivy/testdata/image-report.json', import.meta.url);
const GOLDEN_DIR = join(process.cwd(), '..', 'shared', 'corpus', 'trivy-golden');

async function ingestTrivy(db: Db, name: string, text: string) {
  const r = await syncRun(db, trivyJson.parse(memoryReportFile(name, text)), { source: trivyJson.id, where: name });
  expect(r.status).toBe('succeeded');
}

interface Merged {
  fingerprint: string;
  advisory_id: string;
  sources: string[];
}

async function vulnFindings(db: Db): Promise<Merged[]> {
  return db.query<Merged>(`select f.fingerprint, f.advisory_id, array_agg(s.source order by s.source) as sources
    from findings f join finding_sources s on s.finding_id = f.id
    where f.kind = 'vuln' group by f.fingerprint, f.advisory_id order by f.advisory_id, f.fingerprint`);
}

describe.skipIf(!HAVE_OSV)('a Trivy report and our matcher merge', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await ingestTrivy(t.db, 'image-report.json', readFileSync(REPORT, 'utf8'));
    // The advisories behind the report's entries: lodash's real GHSA record (Trivy names it by its GHSA id
    // and promotes the CVE from the NVD reference; our matcher promotes it from the record's aliases), and
    // records for the Debian and Maven entries, written as OSV publishes them.
    const records: OsvRecord[] = [
      corpusRecord('npm/GHSA-35jh-r3h4-6jhm.json'),
      osvRecord('DEBIAN-CVE-2023-5678', 'Debian:12', 'openssl', '0', '3.0.13-1~deb12u1'),
      osvRecord('DEBIAN-CVE-2022-0563', 'Debian:12', 'util-linux', '0'),
      {
        id: 'GHSA-36p3-wjmg-h94x', aliases: ['CVE-2022-22965'], summary: 'Remote Code Execution in Spring Framework',
        affected: [{ package: { ecosystem: 'Maven', name: 'org.springframework:spring-beans' }, ranges: [
          { type: 'ECOSYSTEM', events: [{ introduced: '5.3.0' }, { fixed: '5.3.18' }] },
          { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '5.2.20' }] },
        ] }],
      },
    ];
    await insertAdvisories(t.db, records);
  });
  afterAll(async () => { await t?.drop(); });

  it('every Trivy vulnerability finding gains the matcher as a second source; no finding is added', async () => {
    const before = await vulnFindings(t.db);
    expect(before.map((f) => f.advisory_id).sort()).toEqual(['CVE-2021-23337', 'CVE-2022-0563', 'CVE-2022-22965', 'CVE-2023-5678']);
    expect(before.every((f) => f.sources.join() === 'trivy-json')).toBe(true);

    const [r] = await analyze(t.db, { engines: [vulnsEngine()] });
    expect(r?.status).toBe('succeeded');
    expect(r?.counts.findings.new).toBe(0);
    const after = await vulnFindings(t.db);
    expect(after.map((f) => f.fingerprint)).toEqual(before.map((f) => f.fingerprint));
    for (const f of after) expect(f.sources, f.advisory_id).toEqual(['engine:vulns', 'trivy-json']);
  });
});

/**
 * Trivy's own integration goldens for lockfiles, with the fixture advisory database they were made
 * against (fixtures/db/*.yaml, converted to OSV ranges): our matcher must find exactly what Trivy found.
 * Goldens of one artifact (npm and npm-with-dev scan the same directory) go in separate rounds.
 */
const ROUNDS = [
  ['bun', 'composer.lock', 'composer.vendor', 'conan', 'dotnet', 'mix.lock', 'npm', 'nuget', 'packagesprops',
    'pip', 'pipenv', 'pnpm', 'poetry', 'pubspec.lock', 'pylock', 'swift', 'uv', 'yarn'],
  ['npm-with-dev'],
];
// cocoapods.json.golden is left out: OSV has no CocoaPods ecosystem, so no version order to evaluate it by.

describe.skipIf(!existsSync(GOLDEN_DIR))('Trivy goldens against their fixture database', () => {
  let t: TestDb;
  const results = new Map<string, { trivy: string[]; merged: string[]; matcher: string[] }>();
  beforeAll(async () => {
    t = await createTestDb();
    await insertAdvisories(t.db, trivyFixtureAdvisories(join(GOLDEN_DIR, 'fixtures', 'db')));
    for (const round of ROUNDS) {
      const scopes = new Map<string, string>();
      for (const name of round) {
        const file = `${name}.json.golden`;
        const r = await syncRun(t.db, trivyJson.parse(memoryReportFile(file, readFileSync(join(GOLDEN_DIR, file), 'utf8'))), { source: trivyJson.id, where: file });
        const [scope] = await t.db.query<{ scope: string }>('select scope from run_scopes where run_id = $1', [r.runId]);
        scopes.set(name, scope!.scope);
      }
      const linked = (source: string, scope: string) => t.db.query<{ fingerprint: string; advisory_id: string; sources: string[] }>(
        `select f.fingerprint, f.advisory_id, (select array_agg(o.source order by o.source) from finding_sources o where o.finding_id = f.id) as sources
         from findings f join finding_sources s on s.finding_id = f.id
         where f.kind = 'vuln' and f.status = 'open' and s.source = $1 and s.scope = $2 order by f.advisory_id, f.fingerprint`, [source, scope]);
      const before = new Map<string, string[]>();
      for (const [name, scope] of scopes) before.set(name, (await linked('trivy-json', scope)).map((f) => `${f.advisory_id} ${f.fingerprint}`));
      await analyze(t.db, { engines: [vulnsEngine()] });
      for (const [name, scope] of scopes) {
        const merged = await linked('trivy-json', scope);
        const assetUid = scope.startsWith('image:') ? scope.slice('image:'.length) : scope;
        const matcher = await linked('engine:vulns', `vulns:${assetUid}`);
        results.set(name, {
          trivy: before.get(name)!,
          merged: merged.map((f) => `${f.advisory_id} ${f.fingerprint} ${f.sources.join('+')}`),
          matcher: matcher.map((f) => `${f.advisory_id} ${f.fingerprint}`),
        });
      }
    }
  });
  afterAll(async () => { await t?.drop(); });

  it.each(ROUNDS.flat())('%s: the same findings as Trivy, each with both sources', (name) => {
    const r = results.get(name)!;
    expect(r.trivy.length).toBeGreaterThan(0);
    expect(r.matcher).toEqual(r.trivy);
    expect(r.merged).toEqual(r.trivy.map((f) => `${f} engine:vulns+trivy-json`));
  });
});
