import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetInput, NormalizedRecord, PackageInput, RelationshipInput } from '../../model/index.js';
import type { Db } from '../../store/db.js';
import { analyze } from '../../pipeline/analyze.js';
import { syncRun } from '../../pipeline/sync/run.js';
import { listFindings } from '../../store/queries/findings.js';
import { parseUntrustedJson } from '../../sources/json.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { vulnScope, vulnsEngine } from './engine.js';
import { corpusRecord, HAVE_OSV, insertAdvisories, osvRecord, type OsvRecord } from './osv-fixtures.js';

const KEV_FILE = join(process.cwd(), '..', 'shared', 'corpus', 'intel', 'kev', 'known_exploited_vulnerabilities.json');

const L = (c: string) => `sha256:${c.repeat(64)}`;
const BASE = 'reg.example.com/platform/base-debian@sha256:' + 'b'.repeat(64);
const API = 'reg.example.com/shop/api@sha256:' + 'a'.repeat(64);
const WORKER = 'reg.example.com/jobs/worker@sha256:' + 'c'.repeat(64);
const REPO = 'github:acme/tool';
const DEBIAN = { family: 'debian', name: '12.5' };

function image(uid: string, owner: string, layers: string[]): AssetInput {
  return {
    uid, kind: 'container.image', name: `${uid.split('@')[0]}:1`, provider: 'container', owner,
    properties: { os: DEBIAN, diffIds: layers, layers: layers.map((diffId) => ({ digest: null, diffId, size: 1 })) },
  };
}

function libssl(assetUid: string, version = '3.0.11-1~deb12u2'): PackageInput {
  return {
    assetUid, purl: `pkg:deb/debian/libssl3@${version}?arch=amd64&distro=debian-12.5`, ecosystem: 'Debian', name: 'libssl3', version,
    sourceName: 'openssl', sourceVersion: version, layerDigest: L('1'),
  };
}

const npm = (assetUid: string, name: string, version: string, path: string, layer: string | null = null): PackageInput =>
  ({ assetUid, purl: `pkg:npm/${name}@${version}`, ecosystem: 'npm', name, version, path, layerDigest: layer });

interface Inventory {
  assets: AssetInput[];
  packages: PackageInput[];
  relationships?: RelationshipInput[];
}

/** The inventory as a complete run of a test source, one scope per asset. */
function records(inv: Inventory): NormalizedRecord[] {
  const scope = (uid: string) => `test:${uid}`;
  return [
    ...inv.assets.map((a): NormalizedRecord => ({ type: 'coverage', scope: scope(a.uid), coverage: 'complete' })),
    ...inv.assets.map((a): NormalizedRecord => ({ type: 'asset', scope: scope(a.uid), asset: a })),
    ...inv.packages.map((p): NormalizedRecord => ({ type: 'package', scope: scope(p.assetUid), package: p })),
    ...(inv.relationships ?? []).map((r): NormalizedRecord => ({ type: 'relationship', scope: scope(r.from), relationship: r })),
  ];
}

function inventory(overrides: { apiLodash?: string; repoPackages?: PackageInput[] } = {}): Inventory {
  const lodash = overrides.apiLodash ?? '4.17.20';
  return {
    assets: [
      image(BASE, 'team-platform', [L('1')]),
      image(API, 'team-shop', [L('1'), L('2')]),
      image(WORKER, 'team-jobs', [L('1'), L('3')]),
      { uid: REPO, kind: 'github.repository', name: 'acme/tool', owner: 'team-tools' },
    ],
    packages: [
      libssl(BASE), libssl(API), libssl(WORKER),
      npm(API, 'lodash', lodash, 'app/package-lock.json', L('2')),
      npm(API, 'lodash', lodash, 'app/vendor/package-lock.json', L('2')),
      { assetUid: API, purl: 'pkg:pypi/pyyaml@5.3', ecosystem: 'PyPI', name: 'PyYAML', version: '5.3', path: 'app/requirements.txt', layerDigest: L('2') },
      { assetUid: API, purl: 'pkg:golang/google.golang.org/grpc@v1.58.2', ecosystem: 'Go', name: 'google.golang.org/grpc', version: 'v1.58.2', path: 'app/server', layerDigest: L('2') },
      ...(overrides.repoPackages ?? [npm(REPO, 'lodash', '4.17.20', 'package-lock.json')]),
    ],
    relationships: [{ from: API, kind: 'based_on', to: BASE }],
  };
}

/** Debian's record for the openssl source package, with exploit references of each kind we recognise. */
const OPENSSL: OsvRecord = osvRecord('DEBIAN-CVE-2023-5678', 'Debian:12', 'openssl', '0', '3.0.13-1~deb12u1', {
  summary: 'openssl: slow X9.42 DH key checks',
  references: [
    { type: 'ADVISORY', url: 'https://security-tracker.debian.org/tracker/CVE-2023-5678' },
    { type: 'EXPLOIT', url: 'https://example.org/writeup' },
    { type: 'WEB', url: 'https://www.exploit-db.com/exploits/99999' },
    { type: 'WEB', url: 'https://github.com/someone/CVE-2023-5678-poc' },
    { type: 'WEB', url: 'https://github.com/openssl/openssl/commit/db925ae2e65d0d925adef429afc37f75bd1c2017' },
  ],
});

const T = (day: number) => new Date(Date.UTC(2026, 1, day));

async function sync(db: Db, inv: Inventory, day: number) {
  const r = await syncRun(db, records(inv), { source: 'test-inventory', now: T(day) });
  expect(r.status).toBe('succeeded');
}

async function run(db: Db, day: number, engine = vulnsEngine()) {
  const [r] = await analyze(db, { engines: [engine], now: T(day) });
  return r!;
}

interface FindingRow {
  fingerprint: string;
  asset_uid: string;
  advisory_id: string;
  status: string;
  owner: string | null;
  owner_reason: string | null;
  severity: string;
  unverified: boolean;
  evidence: Record<string, unknown>;
  properties: Record<string, unknown>;
  remediation: string | null;
}

async function findings(db: Db): Promise<FindingRow[]> {
  return db.query<FindingRow>(`select fingerprint, asset_uid, advisory_id, status, owner, owner_reason, severity, unverified, evidence, properties, remediation
    from findings order by asset_uid, advisory_id, fingerprint`);
}

const find = (rows: FindingRow[], asset: string, advisory: string) => rows.filter((f) => f.asset_uid === asset && f.advisory_id === advisory);

interface Exploitability {
  epss_score: number | null;
  epss_percentile: number | null;
  in_kev: boolean;
  kev_ransomware: boolean;
  spread_assets: number;
  spread_owners: number;
}

/** The context read with the finding (v_findings), not stored in it. */
async function exploitability(db: Db, asset: string, advisory: string): Promise<Exploitability | undefined> {
  const [r] = await db.query<Exploitability>(`select epss_score, epss_percentile, in_kev, kev_ransomware, spread_assets, spread_owners
    from v_findings where asset_uid = $1 and advisory_id = $2`, [asset, advisory]);
  return r;
}

describe.skipIf(!HAVE_OSV)('vulns engine over the store', () => {
  let t: TestDb;
  let kev: { cveID: string; dateAdded: string; knownRansomwareCampaignUse: string } | undefined;
  beforeAll(async () => {
    t = await createTestDb();
    await sync(t.db, inventory(), 1);
    await insertAdvisories(t.db, [
      [corpusRecord('npm/GHSA-35jh-r3h4-6jhm.json'), { cvssScore: 7.2 }],
      corpusRecord('PyPI/PYSEC-2020-96.json'),
      [corpusRecord('multi-ecosystem/GHSA-qppj-fm5r-hxr3.json'), { cvssScore: 5.3 }],
      OPENSSL,
      // Withdrawn records are absent, whatever they say.
      [osvRecord('GHSA-wdrn-0000-0000', 'npm', 'lodash', '0', undefined, { summary: 'withdrawn' }), { withdrawn: '2024-01-01T00:00:00Z' }],
    ]);
    // The real KEV entry of the HTTP/2 rapid reset CVE, when the corpus has the catalog.
    const catalog = parseUntrustedJson(readFileSync(KEV_FILE, 'utf8'), KEV_FILE) as { vulnerabilities: { cveID: string; dateAdded: string; knownRansomwareCampaignUse: string }[] };
    kev = catalog.vulnerabilities.find((v) => v.cveID === 'CVE-2023-44487');
    await t.db.query('insert into kev (cve_id, date_added, known_ransomware) values ($1, $2, $3)',
      [kev!.cveID, kev!.dateAdded, kev!.knownRansomwareCampaignUse === 'Known']);
    await t.db.query(`insert into epss (cve_id, score, percentile, scored_on) values ('CVE-2021-23337', 0.0123, 0.8512, '2025-06-18')`);
  });
  afterAll(async () => { await t?.drop(); });

  it('matches every asset and links each finding to its per-asset scope', async () => {
    const r = await run(t.db, 2);
    expect(r.status).toBe('succeeded');
    const rows = await findings(t.db);
    expect(rows.map((f) => `${f.asset_uid} ${f.advisory_id}`).sort()).toEqual([
      `${REPO} CVE-2021-23337`,
      `${WORKER} CVE-2023-5678`,
      `${BASE} CVE-2023-5678`,
      `${API} CVE-2020-1747`, `${API} CVE-2021-23337`, `${API} CVE-2023-44487`, `${API} CVE-2023-5678`,
    ]);
    expect(rows.every((f) => f.status === 'open')).toBe(true);
    const links = await t.db.query<{ source: string; scope: string; asset_uid: string }>(
      'select s.source, s.scope, f.asset_uid from finding_sources s join findings f on f.id = s.finding_id');
    expect(links).toHaveLength(rows.length);
    expect(links.every((l) => l.source === 'engine:vulns' && l.scope === vulnScope(l.asset_uid))).toBe(true);
  });

  it('records what matched: versions, fixes, range, source package, distro', async () => {
    const [api] = find(await findings(t.db), API, 'CVE-2023-5678');
    expect(api?.evidence).toMatchObject({
      installedVersion: '3.0.11-1~deb12u2', fixedVersions: ['3.0.13-1~deb12u1'], range: '>=0, <3.0.13-1~deb12u1',
      matchedOn: 'source name', sourcePackage: 'openssl', distro: 'Debian:12', advisories: ['DEBIAN-CVE-2023-5678'],
    });
    const [lodash] = find(await findings(t.db), API, 'CVE-2021-23337');
    // One finding for the package at two paths.
    expect((lodash?.evidence.occurrences as unknown[]).length).toBe(2);
    expect(lodash?.properties).toMatchObject({ packageName: 'lodash', aliases: ['GHSA-35jh-r3h4-6jhm'], fixAvailable: true, fixedVersions: ['4.17.21'] });
    expect(lodash?.severity).toBe('high');
    expect(lodash?.remediation).toBe('Upgrade lodash to 4.17.21');
    const [grpc] = find(await findings(t.db), API, 'CVE-2023-44487');
    expect(grpc?.evidence.fixedVersions).toEqual(['1.58.3']);
  });

  it('attributes base-layer packages to the base image owner, by label and by layers', async () => {
    const rows = await findings(t.db);
    const [base] = find(rows, BASE, 'CVE-2023-5678');
    expect(base?.owner).toBe('team-platform');
    expect(base?.properties.inherited).toBeUndefined();
    for (const uid of [API, WORKER]) {
      const [f] = find(rows, uid, 'CVE-2023-5678');
      expect(f?.owner).toBe('team-platform');
      expect(f?.owner_reason).toBe('source');
      expect(f?.properties.inherited).toEqual({ baseImage: BASE, baseOwner: 'team-platform' });
      expect(f?.properties.ownerReason).toBe(`inherited from base image ${BASE}`);
      expect(f?.remediation).toBe(`Upgrade libssl3 to 3.0.13-1~deb12u1 in base image ${BASE.split('@')[0]}:1; then rebuild on ${BASE.split('@')[0]}:1 once it fixes CVE-2023-5678`);
    }
    // The product's own layers stay with the product's owner.
    const [lodash] = find(rows, API, 'CVE-2021-23337');
    expect(lodash?.owner).toBe('team-shop');
    expect(lodash?.properties.inherited).toBeUndefined();
  });

  it('adds exploit references to the finding, and KEV, EPSS and spread when read', async () => {
    const rows = await findings(t.db);
    const [grpc] = find(rows, API, 'CVE-2023-44487');
    expect(await exploitability(t.db, API, 'CVE-2023-44487')).toMatchObject({
      in_kev: true, kev_ransomware: kev!.knownRansomwareCampaignUse === 'Known', epss_score: null,
    });
    // Of the real record's 60-odd references, two are proof-of-concept repositories.
    expect(grpc?.properties.exploitRefs).toEqual(['https://github.com/arkrwn/PoC/tree/main/CVE-2023-44487', 'https://github.com/bcdannyboy/CVE-2023-44487']);
    // Daily-changing context is not part of the stored content.
    expect(grpc?.properties).not.toHaveProperty('epss');
    expect(grpc?.properties).not.toHaveProperty('kev');
    expect(grpc?.properties).not.toHaveProperty('spread');
    expect(await exploitability(t.db, API, 'CVE-2021-23337')).toEqual({
      epss_score: 0.0123, epss_percentile: 0.8512, in_kev: false, kev_ransomware: false, spread_assets: 2, spread_owners: 2,
    });
    const [openssl] = find(rows, API, 'CVE-2023-5678');
    expect(openssl?.properties.exploitRefs).toEqual([
      'https://example.org/writeup', 'https://www.exploit-db.com/exploits/99999', 'https://github.com/someone/CVE-2023-5678-poc',
    ]);
    // Three images carry it, all routed to one owner: the base image's.
    expect(await exploitability(t.db, API, 'CVE-2023-5678')).toMatchObject({ spread_assets: 3, spread_owners: 1 });
  });

  it('a new EPSS import changes no finding, and the findings show the new score', async () => {
    const events = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from finding_events'))[0]!.n;
    const before = await findings(t.db);
    const eventsBefore = await events();
    await t.db.query(`update epss set score = 0.42, percentile = 0.99, scored_on = '2025-06-19' where cve_id = 'CVE-2021-23337'`);
    await t.db.query(`insert into epss (cve_id, score, percentile, scored_on) values ('CVE-2023-44487', 0.9, 0.999, '2025-06-19')`);
    const r = await run(t.db, 3);
    expect(r.counts.findings).toMatchObject({ new: 0, updated: 0, resolved: 0, reopened: 0 });
    expect(await findings(t.db)).toEqual(before);
    expect(await events()).toBe(eventsBefore);
    expect(await exploitability(t.db, API, 'CVE-2021-23337')).toMatchObject({ epss_score: 0.42, epss_percentile: 0.99 });
    expect(await exploitability(t.db, API, 'CVE-2023-44487')).toMatchObject({ epss_score: 0.9, in_kev: true });
    // The findings list (CLI and API contract) shows the new scores.
    const listed = await listFindings(t.db, { asset: API, kind: 'vuln' });
    expect(listed.find((f) => f.advisory_id === 'CVE-2021-23337')).toMatchObject({ epss: { score: 0.42, percentile: 0.99 }, kev: null, spread: { assets: 2, owners: 2 } });
    expect(listed.find((f) => f.advisory_id === 'CVE-2023-44487')?.kev).toEqual({ ransomware: kev!.knownRansomwareCampaignUse === 'Known' });
  });

  it('changes nothing when run again on the same data', async () => {
    const before = await findings(t.db);
    const r = await run(t.db, 3);
    expect(r.counts.findings).toMatchObject({ new: 0, updated: 0, resolved: 0, reopened: 0 });
    expect(await findings(t.db)).toEqual(before);
  });

  it('resolves the finding of an upgraded package on the next analyze, and only that one', async () => {
    await sync(t.db, inventory({ apiLodash: '4.17.21' }), 4);
    const r = await run(t.db, 4);
    expect(r.counts.findings.resolved).toBe(1);
    const rows = await findings(t.db);
    expect(find(rows, API, 'CVE-2021-23337').map((f) => f.status)).toEqual(['resolved']);
    const [repo] = find(rows, REPO, 'CVE-2021-23337');
    expect(repo?.status).toBe('open');
    expect(await exploitability(t.db, REPO, 'CVE-2021-23337')).toMatchObject({ spread_assets: 1, spread_owners: 1 });
  });

  it('resolves the findings of an asset whose packages were all removed', async () => {
    await sync(t.db, inventory({ apiLodash: '4.17.21', repoPackages: [] }), 5);
    const r = await run(t.db, 5);
    expect(r.counts.findings.resolved).toBe(1);
    expect(find(await findings(t.db), REPO, 'CVE-2021-23337').map((f) => f.status)).toEqual(['resolved']);
    const scopes = await t.db.query<{ scope: string; coverage: string }>(
      `select scope, coverage from run_scopes where run_id = $1 order by scope`, [r.runId]);
    expect(scopes.map((s) => s.scope)).toContain(vulnScope(REPO));
  });

  it('reopens when the vulnerable version comes back', async () => {
    await sync(t.db, inventory(), 6);
    const r = await run(t.db, 6);
    expect(r.counts.findings.reopened).toBe(2);
  });

  it('a run restricted to one asset claims only its scope', async () => {
    await sync(t.db, inventory({ apiLodash: '4.17.21' }), 7);
    const r = await run(t.db, 7, vulnsEngine({ assetUids: [REPO] }));
    expect(r.counts.findings.resolved).toBe(0);
    const scopes = await t.db.query<{ scope: string }>('select scope from run_scopes where run_id = $1', [r.runId]);
    expect(scopes.map((s) => s.scope)).toEqual([vulnScope(REPO)]);
    // The API's upgrade is seen by the next full run.
    expect((await run(t.db, 8)).counts.findings.resolved).toBe(1);
  });

  it('after an import, re-matches only the assets the changed advisories name', async () => {
    const before = await findings(t.db);
    const r = await run(t.db, 8, vulnsEngine({ advisoryIds: ['GHSA-35jh-r3h4-6jhm'] }));
    expect(r.counts.findings).toMatchObject({ new: 0, updated: 0, resolved: 0, reopened: 0 });
    const scopes = await t.db.query<{ scope: string }>('select scope from run_scopes where run_id = $1 order by scope', [r.runId]);
    // lodash is installed in the repository; the API's upgraded lodash still names it too.
    expect(scopes.map((s) => s.scope)).toEqual([vulnScope(REPO), vulnScope(API)].sort());
    expect(await findings(t.db)).toEqual(before);
  });

  it('pages through packages: any page size gives the same findings', async () => {
    const before = await findings(t.db);
    const r = await run(t.db, 9, vulnsEngine({ pageSize: 2 }));
    expect(r.counts.findings).toMatchObject({ new: 0, updated: 0, resolved: 0, reopened: 0 });
    expect(await findings(t.db)).toEqual(before);
  });

  it('a run of some images alone finds what the full run found on them, base-image attribution included', async () => {
    const before = await findings(t.db);
    expect(before.some((f) => f.asset_uid === API && f.properties.inherited)).toBe(true);
    const r = await run(t.db, 9, vulnsEngine({ assetUids: [API, WORKER] }));
    expect(r.counts.findings).toMatchObject({ new: 0, updated: 0, resolved: 0, reopened: 0 });
    expect(await findings(t.db)).toEqual(before);
  });

  it('counts in the spread the findings other scanners report on assets without a package list', async () => {
    const scope = 'scanner:img-without-packages';
    const r = await syncRun(t.db, [
      { type: 'coverage', scope, coverage: 'complete' },
      { type: 'asset', scope, asset: { uid: 'img-without-packages', kind: 'container.image', owner: 'team-z' } },
      { type: 'finding', scope, finding: {
        fingerprint: 'external-lodash', kind: 'vuln', advisoryId: 'CVE-2021-23337', title: 'lodash', severity: 'high', assetUid: 'img-without-packages',
      } },
    ], { source: 'scanner', now: T(10) });
    expect(r.status).toBe('succeeded');
    await run(t.db, 10);
    const [repo] = find(await findings(t.db), REPO, 'CVE-2021-23337');
    expect(repo?.status).toBe('open');
    expect(await exploitability(t.db, REPO, 'CVE-2021-23337')).toMatchObject({ spread_assets: 2, spread_owners: 2 });
  });

  it('without any advisory, keeps earlier findings open but unverified instead of resolving them', async () => {
    await t.db.query(`update advisories set withdrawn = now()`);
    const r = await run(t.db, 11);
    expect(r.status).toBe('partial');
    const rows = await findings(t.db);
    const open = rows.filter((f) => f.status === 'open' && f.fingerprint !== 'external-lodash');
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((f) => f.unverified)).toBe(true);
  });
});
