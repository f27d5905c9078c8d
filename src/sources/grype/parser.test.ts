import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vulnFingerprint } from '../../findings/fingerprint.js';
import type { AssetInput, FindingInput, NormalizedRecord, PackageInput } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { recordProblems } from '../shared/dojo-corpus.js';
import { trivyJson } from '../trivy/parser.js';
import { grypeJson } from './parser.js';

const FIXTURE = readFileSync(new URL('./testdata/image-report.json', import.meta.url), 'utf8');
const TRIVY = readFileSync(new URL('../trivy/testdata/image-report.json', import.meta.url), 'utf8');
const IMAGE = 'registry.example.com/shop/api@sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd';

async function parse(doc: unknown, name = 'grype.json', parser = grypeJson): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of parser.parse(memoryReportFile(name, typeof doc === 'string' ? doc : JSON.stringify(doc)))) out.push(r);
  return out;
}
const findings = (rs: NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
const packages = (rs: NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'package' ? [r.package] : []));
const assets = (rs: NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'asset' ? [r.asset] : []));
const byAdvisory = (rs: NormalizedRecord[], id: string) => findings(rs).find((f) => f.advisoryId === id);
const fixture = () => JSON.parse(FIXTURE) as { matches: Record<string, unknown>[]; source?: unknown; distro?: unknown; descriptor?: unknown };

describe('grype-json accepts()', () => {
  const head = (s: string) => ({ name: 'x.txt', head: Buffer.from(s) });
  it('sniffs a Grype report by its keys', () => {
    expect(grypeJson.accepts(head(FIXTURE))).toBe(true);
    expect(grypeJson.accepts(head('{"matches": [], "source": {"type": "image"}, "descriptor": {"name": "grype", "version": "0.87.0"}}'))).toBe(true);
    expect(grypeJson.accepts(head('{"matches": [{"vulnerability": {"id": "CVE-1"}, "relatedVulnerabilities": []'))).toBe(true);
  });
  it('rejects other formats', () => {
    expect(grypeJson.accepts(head(TRIVY))).toBe(false);
    expect(grypeJson.accepts(head('{"bomFormat": "CycloneDX", "specVersion": "1.5", "vulnerabilities": []}'))).toBe(false);
    expect(grypeJson.accepts(head('{"matches": [{"rule": "x", "line": 3}]}'))).toBe(false);
    expect(grypeJson.accepts(head('[{"matches": []}]'))).toBe(false);
  });
});

describe('grype-json on an image report', () => {
  it('describes the image as Trivy\'s parser does, so both tools name one asset', async () => {
    const rs = await parse(FIXTURE);
    expect(recordProblems(rs)).toEqual([]);
    const trivyImage = assets(await parse(TRIVY, 'trivy.json', trivyJson)).find((a) => !a.reference);
    const image = assets(rs).find((a) => !a.reference);
    expect(image?.uid).toBe(IMAGE);
    expect(image?.uid).toBe(trivyImage?.uid);
    expect(image).toMatchObject({ kind: 'container.image', name: 'registry.example.com/shop/api:1.4.2', provider: 'container' } satisfies Partial<AssetInput>);
    expect(image?.properties).toMatchObject({ os: { family: 'debian', name: '12' }, imageId: `sha256:${'1'.repeat(64)}`, architecture: 'amd64', size: 123456789 });
    expect(rs[0]).toEqual({ type: 'coverage', scope: `grype-json:${IMAGE}`, coverage: 'complete' });
    expect(new Set(rs.map((r) => r.scope))).toEqual(new Set([`grype-json:${IMAGE}`]));
  });

  it('links the base image its labels name, and never keeps the image config (its environment holds secrets)', async () => {
    const rs = await parse(FIXTURE);
    const base = `docker.io/library/debian@sha256:${'e'.repeat(64)}`;
    expect(rs).toContainEqual({ type: 'relationship', scope: `grype-json:${IMAGE}`, relationship: { from: IMAGE, kind: 'based_on', to: base } });
    expect(assets(rs).find((a) => a.uid === base)?.reference).toBe(true);
    const out = JSON.stringify(rs);
    expect(out).not.toContain('hunter2');
    const target = (fixture().source as { target: { config: string; manifest: string } }).target;
    expect(out).not.toContain(target.config);
    expect(out).not.toContain(target.manifest);
  });

  it('gives the fingerprints Trivy gives for the same vulnerabilities', async () => {
    const grype = findings(await parse(FIXTURE));
    const trivy = new Set(findings(await parse(TRIVY, 'trivy.json', trivyJson)).map((f) => f.fingerprint));
    const shared = grype.filter((f) => trivy.has(f.fingerprint)).map((f) => f.advisoryId).sort();
    expect(shared).toEqual(['CVE-2021-23337', 'CVE-2022-0563', 'CVE-2022-22965', 'CVE-2023-5678']);
    expect(byAdvisory(await parse(FIXTURE), 'CVE-2022-22965')?.fingerprint)
      .toBe(vulnFingerprint(IMAGE, 'Maven', 'org.springframework:spring-beans', 'CVE-2022-22965'));
  });

  it('takes the CVE as the id when the related records name exactly one, and keeps the GHSA when they name two', async () => {
    const rs = await parse(FIXTURE);
    const lodash = byAdvisory(rs, 'CVE-2021-23337');
    expect(lodash).toMatchObject({ originalId: 'GHSA-35jh-r3h4-6jhm', severity: 'high', properties: { aliases: ['GHSA-35jh-r3h4-6jhm'] } } satisfies Partial<FindingInput>);
    const ambiguous = byAdvisory(rs, 'GHSA-aaaa-bbbb-cccc');
    expect(ambiguous?.properties?.aliases).toEqual(['CVE-2099-1111', 'CVE-2099-2222']);
    expect(ambiguous?.fingerprint).not.toBe(lodash?.fingerprint);
  });

  it('maps severities, fixes, EPSS, KEV and CWEs', async () => {
    const rs = await parse(FIXTURE);
    expect(byAdvisory(rs, 'CVE-2022-0563')?.severity).toBe('info'); // Debian: Negligible
    expect(byAdvisory(rs, 'CVE-2023-5678')).toMatchObject({ severity: 'medium', remediation: 'Upgrade libssl3 to 3.0.13-1~deb12u1' });
    expect(byAdvisory(rs, 'CVE-2022-0563')?.remediation).toBeNull();
    const lodash = byAdvisory(rs, 'CVE-2021-23337');
    expect(lodash?.properties).toMatchObject({
      epss: [{ cve: 'CVE-2021-23337', score: 0.0123, percentile: 0.84, date: '2026-01-30' }], risk: 4.2, cweIds: ['CWE-77'],
      knownExploited: [{ cve: 'CVE-2021-23337', dateAdded: '2026-01-01' }], fixedVersions: ['4.17.21'],
    });
    expect(lodash?.description).toBe('Command Injection in lodash');
    expect(byAdvisory(rs, 'CVE-2022-0563')?.description).toBe('CVE-2022-0563 as NVD describes it.');
  });

  it('keeps one finding for one package in two jars, with both places in evidence', async () => {
    const spring = byAdvisory(await parse(FIXTURE), 'CVE-2022-22965');
    const occurrences = (spring?.evidence as { occurrences?: { path: string }[] }).occurrences;
    expect(occurrences?.map((o) => o.path)).toEqual(['app/lib/spring-beans-5.3.15.jar', 'app/plugins/report.war/WEB-INF/lib/spring-beans-5.3.15.jar']);
    expect(spring?.properties?.packageName).toBe('org.springframework:spring-beans');
  });

  it('lists the matched artifacts as packages, as Trivy would list them', async () => {
    const pkgs = packages(await parse(FIXTURE));
    expect(pkgs.map((p) => `${p.name} ${p.path}`).sort()).toEqual([
      'bsdutils ', 'libssl3 ', 'lodash app/package-lock.json',
      'org.springframework:spring-beans app/lib/spring-beans-5.3.15.jar',
      'org.springframework:spring-beans app/plugins/report.war/WEB-INF/lib/spring-beans-5.3.15.jar',
    ]);
    expect(pkgs.find((p) => p.name === 'bsdutils')).toEqual({
      assetUid: IMAGE, purl: 'pkg:deb/debian/bsdutils@2.38.1-5%2Bb1?arch=amd64&epoch=1&distro=debian-12', ecosystem: 'Debian',
      name: 'bsdutils', version: '1:2.38.1-5+b1', sourceName: 'util-linux', sourceVersion: '2.38.1-5',
      layerDigest: `sha256:${'a'.repeat(64)}`, path: '', licenses: [],
    } satisfies PackageInput);
    expect(pkgs.find((p) => p.name === 'org.springframework:spring-beans')?.licenses).toEqual(['Apache-2.0']);
  });

  it('ignores the matches Grype was told to ignore', async () => {
    expect(JSON.stringify(await parse(FIXTURE))).not.toContain('CVE-2099-9999');
  });
});

describe('grype-json on other sources', () => {
  const match = () => fixture().matches[5]!;
  it('names a scanned directory after its folder, or after the report when the folder is `.`', async () => {
    const dir = await parse({ matches: [match()], source: { type: 'directory', target: '/home/ci/work/shop/' } });
    expect(assets(dir)[0]).toMatchObject({ uid: 'repo:shop', kind: 'code.repository' });
    expect(packages(dir)[0]?.path).toBe('/app/package-lock.json');
    const dot = await parse({ matches: [match()], source: { type: 'directory', target: '"."' } }, 'nightly-grype.json');
    expect(assets(dot)[0]?.uid).toBe('repo:nightly-grype');
    const none = await parse({ matches: [match()] }, 'scan.json');
    expect(assets(none)[0]?.uid).toBe('repo:scan');
    const file = await parse({ matches: [], source: { type: 'file', target: { path: '/tmp/app.tar' } } });
    expect(assets(file)[0]).toMatchObject({ uid: 'file:app.tar', kind: 'artifact' });
  });

  it('keys an image without registry digest by its image id, as Trivy does', async () => {
    const doc = fixture();
    const target = (doc.source as { target: Record<string, unknown> }).target;
    target.repoDigests = [];
    expect(assets(await parse(doc)).find((a) => !a.reference)?.uid).toBe(`image:sha256:${'1'.repeat(64)}`);
    target.imageID = '';
    expect(assets(await parse(doc)).find((a) => !a.reference)?.uid).toBe(`image:sha256:${'d'.repeat(64)}`);
  });

  it('reads the report shape of Grype before 0.13', async () => {
    const old = {
      matches: [{
        vulnerability: { id: 'CVE-2019-18276', severity: 'Negligible', links: ['https://security-tracker.debian.org/tracker/CVE-2019-18276'],
          cvssV2: { baseScore: 7.2, vector: 'AV:L/AC:L/Au:N/C:C/I:C/A:C' }, fixedInVersion: '5.1-2' },
        matchDetails: { matcher: 'dpkg-matcher', searchKey: { distro: { type: 'debian', version: '10' } } },
        artifact: { name: 'bash', version: '5.0-4', type: 'deb', locations: [{ path: '/var/lib/dpkg/status' }], licenses: [], purl: 'pkg:deb/debian/bash@5.0-4?arch=amd64' },
      }],
      source: { type: 'image', target: { userInput: 'old:1', imageID: 'sha256:abc', tags: ['old:1'] } },
      distro: { name: 'debian', version: '10', idLike: '' },
    };
    const [f] = findings(await parse(old));
    expect(f).toMatchObject({ advisoryId: 'CVE-2019-18276', severity: 'info', remediation: 'Upgrade bash to 5.1-2',
      properties: { cvss: [{ version: '2.0', vector: 'AV:L/AC:L/Au:N/C:C/I:C/A:C', baseScore: 7.2 }], ecosystem: 'Debian' } });
  });
});
