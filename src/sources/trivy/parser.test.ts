import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vulnFingerprint } from '../../findings/fingerprint.js';
import { AssetDraft, FindingDraft, PackageDraft, type NormalizedRecord, type PackageInput } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { packagesScope, trivyJson } from './parser.js';

const FIXTURE = readFileSync(new URL('./testdata/image-report.json', import.meta.url), 'utf8');
const IMAGE_UID = 'registry.example.com/shop/api@sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd';
const SCOPE = `image:${IMAGE_UID}`;

async function parse(doc: unknown, name = 'report.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  const text = typeof doc === 'string' ? doc : JSON.stringify(doc);
  for await (const r of trivyJson.parse(memoryReportFile(name, text))) out.push(r);
  return out;
}
const findings = (rs: NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
const packages = (rs: NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'package' ? [r.package] : []));

/** A minimal report around one result. */
function report(result: Record<string, unknown>, top: Record<string, unknown> = {}) {
  return { SchemaVersion: 2, ArtifactName: 'demo', ArtifactType: 'repository', Results: [result], ...top };
}

describe('trivy-json accepts()', () => {
  const head = (s: string) => ({ name: 'whatever.txt', head: Buffer.from(s) });
  it('sniffs a Trivy report by its keys, not its name', () => {
    expect(trivyJson.accepts(head(FIXTURE))).toBe(true);
    expect(trivyJson.accepts(head('\uFEFF  \n{"SchemaVersion": 2, "Results": []}'))).toBe(true);
  });
  it('rejects other formats, Trivy\'s own included', () => {
    expect(trivyJson.accepts(head('{"bomFormat": "CycloneDX", "specVersion": "1.5"}'))).toBe(false);
    expect(trivyJson.accepts(head('{"version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "runs": []}'))).toBe(false);
    expect(trivyJson.accepts(head('{"ClusterName": "prod", "SchemaVersion": 2, "Resources": [{"Results": []}]}'))).toBe(false);
    expect(trivyJson.accepts(head('{"matches": [], "source": {}, "descriptor": {"name": "grype"}}'))).toBe(false);
    expect(trivyJson.accepts(head('[{"Target": "x", "Vulnerabilities": []}]'))).toBe(false);
    expect(trivyJson.accepts(head('SchemaVersion ArtifactName'))).toBe(false);
  });
});

describe('trivy-json on an image report', () => {
  it('describes the image by its digest reference, with one complete scope', async () => {
    const rs = await parse(FIXTURE);
    expect(rs[0]).toEqual({ type: 'coverage', scope: SCOPE, coverage: 'complete' });
    const image = rs.find((r) => r.type === 'asset' && !r.asset.reference);
    expect(image).toMatchObject({ scope: SCOPE, asset: { uid: IMAGE_UID, kind: 'container.image', name: 'registry.example.com/shop/api:1.4.2', provider: 'container' } });
    const props = image?.type === 'asset' ? image.asset.properties ?? {} : {};
    expect(props).toMatchObject({
      os: { family: 'debian', name: '12.5' },
      imageId: 'sha256:1111111111111111111111111111111111111111111111111111111111111111',
      repoTags: ['registry.example.com/shop/api:1.4.2'],
      user: 'app',
      labels: { 'org.opencontainers.image.source': 'https://github.com/acme/shop' },
      baseImage: { name: 'docker.io/library/debian:12-slim' },
    });
    expect(props.diffIds).toHaveLength(2);
    // The image's environment often carries credentials and is not kept.
    expect(JSON.stringify(rs)).not.toContain('hunter2-in-env');
  });

  it('links the image to the base image its OCI labels name', async () => {
    const rs = await parse(FIXTURE);
    const base = 'docker.io/library/debian@sha256:eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
    expect(rs).toContainEqual({ type: 'relationship', scope: SCOPE, relationship: { from: IMAGE_UID, kind: 'based_on', to: base } });
    expect(rs.find((r) => r.type === 'asset' && r.asset.uid === base)).toMatchObject({ asset: { reference: true, kind: 'container.image' } });
  });

  it('lists every package, in a packages scope of its own', async () => {
    const rs = await parse(FIXTURE);
    const pkgs = packages(rs);
    expect(pkgs).toHaveLength(5);
    expect(new Set(rs.filter((r) => r.type === 'package').map((r) => r.scope))).toEqual(new Set([packagesScope(SCOPE)]));
    expect(rs).toContainEqual({ type: 'coverage', scope: packagesScope(SCOPE), coverage: 'complete' });
    const byName = (n: string) => pkgs.filter((p) => p.name === n);
    expect(byName('libssl3')[0]).toEqual({
      assetUid: IMAGE_UID, purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12.5', ecosystem: 'Debian',
      name: 'libssl3', version: '3.0.11-1~deb12u2', sourceName: 'openssl', sourceVersion: '3.0.11-1~deb12u2',
      layerDigest: 'sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', path: '', licenses: ['Apache-2.0'],
    } satisfies PackageInput);
    // No purl from Trivy: one is built; epoch in the version string and as a purl qualifier; the layer digest
    // stands in when the diff id is missing.
    expect(byName('bsdutils')[0]).toMatchObject({
      purl: 'pkg:deb/debian/bsdutils@2.38.1-5+b1?arch=amd64&distro=debian-12.5&epoch=1',
      version: '1:2.38.1-5+b1', sourceName: 'util-linux', sourceVersion: '1:2.38.1-5',
      layerDigest: 'sha256:c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0',
    });
    // Language packages: the jar's own path inside the image, else the lockfile.
    expect(byName('org.springframework:spring-beans').map((p) => [p.ecosystem, p.path])).toEqual([
      ['Maven', 'app/lib/spring-beans-5.3.15.jar'],
      ['Maven', 'app/plugins/report.war/WEB-INF/lib/spring-beans-5.3.15.jar'],
    ]);
    expect(byName('lodash')[0]).toMatchObject({ ecosystem: 'npm', path: 'app/package-lock.json', licenses: ['MIT'] });
  });

  it('makes one vuln finding per asset, package and advisory', async () => {
    const fs = findings(await parse(FIXTURE)).filter((f) => f.kind === 'vuln');
    // 6 entries: one not_affected, two sightings of one CVE in one package (two jars).
    expect(fs.map((f) => f.advisoryId).sort()).toEqual(['CVE-2021-23337', 'CVE-2022-0563', 'CVE-2022-22965', 'CVE-2023-5678']);
    expect(new Set(fs.map((f) => f.fingerprint)).size).toBe(4);
    const ssl = fs.find((f) => f.advisoryId === 'CVE-2023-5678');
    expect(ssl).toMatchObject({
      fingerprint: vulnFingerprint(IMAGE_UID, 'Debian', 'libssl3', 'CVE-2023-5678'),
      severity: 'medium',
      assetUid: IMAGE_UID,
      packagePurl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12.5',
      remediation: 'Upgrade libssl3 to 3.0.13-1~deb12u1',
      originalId: 'CVE-2023-5678',
      evidence: {
        installedVersion: '3.0.11-1~deb12u2', fixedVersion: '3.0.13-1~deb12u1', status: 'fixed', pkgPath: null,
        target: 'registry.example.com/shop/api:1.4.2 (debian 12.5)',
        layer: { digest: null, diffId: 'sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
      },
      properties: {
        cvss: { nvd: { V3Score: 5.3 } }, primaryUrl: 'https://avd.aquasec.com/nvd/cve-2023-5678', severitySource: 'nvd',
        vendorSeverity: { debian: 1, nvd: 2 }, publishedDate: '2023-11-06T16:15:42Z', lastModifiedDate: '2024-05-01T18:15:12Z',
        dataSource: { id: 'debian' }, fixedVersions: ['3.0.13-1~deb12u1'], references: ['https://www.openssl.org/news/secadv/20231106.txt'],
      },
    });
    const unfixed = fs.find((f) => f.advisoryId === 'CVE-2022-0563');
    expect(unfixed).toMatchObject({ severity: 'low', remediation: null, evidence: { status: 'affected', fixedVersion: null } });
    expect(unfixed?.packagePurl).toBe('pkg:deb/debian/bsdutils@2.38.1-5+b1?distro=debian-12.5&epoch=1');
  });

  it('merges sightings of one CVE in one package at two paths, keeping every place', async () => {
    const spring = findings(await parse(FIXTURE)).find((f) => f.advisoryId === 'CVE-2022-22965');
    expect(spring?.severity).toBe('critical'); // the highest of the sightings
    expect(spring?.properties?.fixedVersions).toEqual(['5.3.18', '5.2.20']);
    expect(spring?.remediation).toBe('Upgrade org.springframework:spring-beans to 5.3.18, 5.2.20');
    const occ = (spring?.evidence as { occurrences?: { pkgPath: string }[] }).occurrences;
    expect(occ?.map((o) => o.pkgPath)).toEqual(['app/lib/spring-beans-5.3.15.jar', 'app/plugins/report.war/WEB-INF/lib/spring-beans-5.3.15.jar']);
  });

  it('uses the CVE a GHSA advisory names as the canonical id', async () => {
    const lodash = findings(await parse(FIXTURE)).find((f) => f.originalId === 'GHSA-35jh-r3h4-6jhm');
    expect(lodash).toMatchObject({
      advisoryId: 'CVE-2021-23337',
      fingerprint: vulnFingerprint(IMAGE_UID, 'npm', 'lodash', 'CVE-2021-23337'),
      properties: { aliases: ['GHSA-35jh-r3h4-6jhm'] },
    });
  });

  it('reports failed checks only, by Trivy check id', async () => {
    const configs = findings(await parse(FIXTURE)).filter((f) => f.kind === 'config');
    expect(configs).toHaveLength(1);
    expect(configs[0]).toMatchObject({
      ruleId: 'AVD-DS-0002', originalId: 'DS002', severity: 'high', title: "Image user should not be 'root'",
      remediation: "Add 'USER <non root user name>' line to the Dockerfile",
      evidence: { target: 'Dockerfile', startLine: 12, message: "Last USER command in Dockerfile should not be 'root'" },
    });
  });

  it('reports a secret without the secret or the lines around it', async () => {
    const rs = await parse(FIXTURE);
    const secret = findings(rs).find((f) => f.kind === 'secret');
    expect(secret).toMatchObject({ ruleId: 'github-pat', severity: 'critical', evidence: { target: 'app/.env', startLine: 2, match: 'GITHUB_TOKEN=[REDACTED]' } });
    const all = JSON.stringify(rs);
    expect(all).not.toContain('XXXXneighbourXXXX');
    expect(all).not.toContain('****');
  });
});

describe('trivy-json identities', () => {
  const vuln = (installed: string, extra: Record<string, unknown> = {}) => ({
    VulnerabilityID: 'CVE-2021-44228', PkgName: 'org.apache.logging.log4j:log4j-core', InstalledVersion: installed,
    PkgIdentifier: { PURL: `pkg:maven/org.apache.logging.log4j/log4j-core@${installed}` }, Severity: 'CRITICAL', ...extra,
  });
  const lang = (v: Record<string, unknown>) => report({ Target: 'pom.xml', Class: 'lang-pkgs', Type: 'pom', Vulnerabilities: [v] });

  it('keeps the fingerprint when an upgrade leaves the vulnerability', async () => {
    const [a] = findings(await parse(lang(vuln('2.14.1'))));
    const [b] = findings(await parse(lang(vuln('2.15.0'))));
    expect(a?.fingerprint).toBeDefined();
    expect(a?.fingerprint).toBe(b?.fingerprint);
    expect(a?.packagePurl).not.toBe(b?.packagePurl);
  });

  it('maps severities, UNKNOWN and missing to info', async () => {
    const sev = async (s?: string) => findings(await parse(lang(vuln('1', s === undefined ? { Severity: undefined } : { Severity: s }))))[0]?.severity;
    expect(await sev('CRITICAL')).toBe('critical');
    expect(await sev('LOW')).toBe('low');
    expect(await sev('UNKNOWN')).toBe('info');
    expect(await sev()).toBe('info');
  });

  it('keeps a GHSA id when its references name no CVE, or several', async () => {
    const ghsa = (refs: string[]) => lang(vuln('1', { VulnerabilityID: 'GHSA-aaaa-bbbb-cccc', References: refs }));
    expect(findings(await parse(ghsa(['https://github.com/x/y/pull/1'])))[0]?.advisoryId).toBe('GHSA-aaaa-bbbb-cccc');
    expect(findings(await parse(ghsa(['https://nvd.nist.gov/vuln/detail/CVE-2020-1111', 'https://nvd.nist.gov/vuln/detail/CVE-2020-2222'])))[0]?.advisoryId)
      .toBe('GHSA-aaaa-bbbb-cccc');
    expect(findings(await parse(ghsa(['https://www.cve.org/CVERecord?id=CVE-2020-1111'])))[0]?.advisoryId).toBe('CVE-2020-1111');
  });

  it('keys two failures of one check in one file apart by location, and resources by name', async () => {
    const m = (cause: Record<string, unknown>) => ({ ID: 'KSV-0118', Title: 'Default security context', Severity: 'HIGH', Status: 'FAIL', CauseMetadata: cause });
    const two = report({ Target: 'pod.yaml', Class: 'config', Type: 'kubernetes', Misconfigurations: [m({ StartLine: 19, EndLine: 22 }), m({ StartLine: 17, EndLine: 22 })] });
    expect(new Set(findings(await parse(two)).map((f) => f.fingerprint)).size).toBe(2);
    const tf = (line: number) => report({ Target: 'main.tf', Class: 'config', Type: 'terraform', Misconfigurations: [m({ Resource: 'aws_s3_bucket.logs', StartLine: line, EndLine: line + 3 })] });
    expect(findings(await parse(tf(10)))[0]?.fingerprint).toBe(findings(await parse(tf(40)))[0]?.fingerprint);
  });

  it('keys a secret by file and key name, so it survives moving lines', async () => {
    const s = (line: number, match: string) => report({ Target: '.env', Class: 'secret', Secrets: [{ RuleID: 'aws-secret-access-key', Severity: 'CRITICAL', StartLine: line, Match: match }] });
    const a = findings(await parse(s(3, 'AWS_SECRET_ACCESS_KEY=****')))[0];
    const b = findings(await parse(s(9, 'AWS_SECRET_ACCESS_KEY=****')))[0];
    expect(a?.fingerprint).toBe(b?.fingerprint);
    // A match without a masked assignment is dropped whole, and then only the line tells secrets apart.
    const raw = findings(await parse(s(5, 'token ghp_realtokenvalue0123456789abcdefABCDEF')))[0];
    expect(raw?.evidence).toMatchObject({ match: '[REDACTED]' });
    expect(JSON.stringify(raw)).not.toContain('ghp_realtokenvalue');
    const unmasked = findings(await parse(s(5, 'AKIAIOSFODNN7EXAMPLE=whatever')))[0];
    expect(JSON.stringify(unmasked)).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });
});

describe('trivy-json artifacts', () => {
  const asset = async (doc: unknown) => (await parse(doc)).find((r) => r.type === 'asset');
  const md = (extra: Record<string, unknown>) => ({ OS: { Family: 'alpine', Name: '3.19.1' }, ...extra });

  it('falls back from repo digest to config digest to the scanned name', async () => {
    const img = (metadata: Record<string, unknown>, name = 'alpine:3.19') => ({ SchemaVersion: 2, ArtifactName: name, ArtifactType: 'container_image', Metadata: metadata, Results: [] });
    expect((await asset(img(md({ RepoDigests: ['', 'alpine@sha256:abc'], ImageID: 'sha256:123' }))))).toMatchObject({ scope: 'image:docker.io/library/alpine@sha256:abc', asset: { uid: 'docker.io/library/alpine@sha256:abc' } });
    expect((await asset(img(md({ RepoDigests: ['index.docker.io/bitnami/redis@sha256:abc'] }))))?.scope).toBe('image:docker.io/bitnami/redis@sha256:abc');
    expect((await asset(img(md({ RepoDigests: ['localhost:5000/team/app@sha256:abc'] }))))?.scope).toBe('image:localhost:5000/team/app@sha256:abc');
    expect((await asset(img(md({ ImageID: 'sha256:123' }))))).toMatchObject({ scope: 'image:sha256:123', asset: { uid: 'image:sha256:123' } });
    expect((await asset(img(md({}), 'images/app.tar')))).toMatchObject({ scope: 'image:images/app.tar', asset: { uid: 'image:images/app.tar' } });
  });

  it('keys repositories, file systems, VM images and SBOMs by name; an SBOM of an image is that image', async () => {
    const of = (type: string, metadata: Record<string, unknown> = {}) => asset({ SchemaVersion: 2, ArtifactName: 'thing', ArtifactType: type, Metadata: metadata, Results: [] });
    expect(await of('repository', { RepoURL: 'https://github.com/acme/shop', Commit: 'abc123' })).toMatchObject({
      scope: 'repo:thing', asset: { uid: 'repo:thing', kind: 'code.repository', properties: { repoUrl: 'https://github.com/acme/shop', commit: 'abc123' } },
    });
    expect(await of('filesystem')).toMatchObject({ scope: 'fs:thing', asset: { uid: 'fs:thing', kind: 'filesystem' } });
    expect(await of('vm')).toMatchObject({ asset: { uid: 'vm:thing', kind: 'vm.image' } });
    expect(await of('cyclonedx')).toMatchObject({ asset: { uid: 'sbom:thing', kind: 'sbom' } });
    expect(await of('spdx', { ImageID: 'sha256:999' })).toMatchObject({ asset: { uid: 'image:sha256:999', kind: 'container.image' } });
  });

  it('does not state package coverage when the report lists no packages', async () => {
    const rs = await parse(report({ Target: 'go.mod', Class: 'lang-pkgs', Type: 'gomod', Vulnerabilities: [{ VulnerabilityID: 'CVE-2021-38561', PkgName: 'golang.org/x/text', InstalledVersion: 'v0.3.6' }] }));
    expect(rs.filter((r) => r.type === 'coverage').map((r) => r.scope)).toEqual(['repo:demo']);
    expect(findings(rs)[0]).toMatchObject({ packagePurl: 'pkg:golang/golang.org/x/text@v0.3.6', properties: { ecosystem: 'Go' } });
  });
});

describe('trivy-json ecosystems', () => {
  const eco = async (type: string, purl?: string) => {
    const rs = await parse(report({ Target: 't', Class: 'lang-pkgs', Type: type, Packages: [{ Name: 'pkg-a', Version: '1.0', ...(purl ? { Identifier: { PURL: purl } } : {}) }] }));
    return packages(rs)[0]?.ecosystem;
  };
  it('names ecosystems as OSV does', async () => {
    expect(await eco('jar', 'pkg:maven/g/a@1')).toBe('Maven');
    expect(await eco('poetry', 'pkg:pypi/a@1')).toBe('PyPI');
    expect(await eco('cargo', 'pkg:cargo/a@1')).toBe('crates.io');
    expect(await eco('gemspec', 'pkg:gem/a@1')).toBe('RubyGems');
    expect(await eco('dotnet-core', 'pkg:nuget/a@1')).toBe('NuGet');
    expect(await eco('composer', 'pkg:composer/v/a@1')).toBe('Packagist');
    expect(await eco('gobinary')).toBe('Go');
    expect(await eco('yarn')).toBe('npm');
    expect(await eco('redhat', 'pkg:rpm/redhat/bash@4.2-1')).toBe('Red Hat');
    expect(await eco('ubuntu')).toBe('Ubuntu');
    expect(await eco('alpine')).toBe('Alpine');
    expect(await eco('something-new')).toBe('something-new');
  });
});

describe('trivy-json records are valid for the model', () => {
  it('every asset, package and finding passes the model schemas', async () => {
    const rs = await parse(FIXTURE);
    for (const r of rs) {
      if (r.type === 'asset') AssetDraft.parse(r.asset);
      if (r.type === 'package') PackageDraft.parse(r.package);
      if (r.type === 'finding') expect(FindingDraft.parse(r.finding).assetUid).toBe(IMAGE_UID);
    }
    expect(findings(rs)).toHaveLength(6);
  });
});
