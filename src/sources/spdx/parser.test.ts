import { describe, expect, it } from 'vitest';
import { vulnFingerprint } from '../../findings/fingerprint.js';
import type { NormalizedRecord } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { spdxJson } from './parser.js';

async function parse(doc: unknown, name = 'sbom.spdx.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of spdxJson.parse(memoryReportFile(name, JSON.stringify(doc)))) out.push(r);
  return out;
}

const packages = (rs: NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'package' ? [r.package] : []));
const findings = (rs: NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
const coverage = (rs: NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'coverage' ? [r.scope] : []));
function asset(rs: NormalizedRecord[]) {
  const a = rs.find((r) => r.type === 'asset');
  if (a?.type !== 'asset') throw new Error('no asset');
  return a.asset;
}

const purl = (locator: string) => ({ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: locator });
const app = { SPDXID: 'SPDXRef-app', name: 'shop', versionInfo: '2.1.0', externalRefs: [purl('pkg:npm/shop@2.1.0')] };
const lodash = { SPDXID: 'SPDXRef-lodash', name: 'lodash', versionInfo: '4.17.20', licenseConcluded: 'NOASSERTION', licenseDeclared: 'MIT',
  externalRefs: [purl('pkg:npm/lodash@4.17.20'), { referenceCategory: 'SECURITY', referenceType: 'cpe23Type', referenceLocator: 'cpe:2.3:a:lodash:lodash:4.17.20:*:*:*:*:*:*:*' }] };
const noPurl = { SPDXID: 'SPDXRef-gradle', name: 'Gradle', licenseConcluded: 'Apache-2.0' };
const doc = (extra: Record<string, unknown> = {}) => ({
  spdxVersion: 'SPDX-2.3', SPDXID: 'SPDXRef-DOCUMENT', name: 'shop-sbom', packages: [app, lodash, noPurl],
  relationships: [{ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-app' }], ...extra,
});

describe('spdx-json', () => {
  it('makes the described package the subject and the other packages with a purl its packages', async () => {
    const rs = await parse(doc());
    expect(asset(rs)).toMatchObject({ uid: 'pkg:npm/shop', kind: 'application', name: 'shop', properties: { version: '2.1.0' } });
    expect(packages(rs)).toEqual([expect.objectContaining({
      assetUid: 'pkg:npm/shop', purl: 'pkg:npm/lodash@4.17.20', name: 'lodash', version: '4.17.20', ecosystem: 'npm', licenses: ['MIT'], path: '',
    })]);
    expect(coverage(rs)).toEqual(['spdx-json:pkg:npm/shop', 'spdx-json:pkg:npm/shop#packages']);
    expect(findings(rs)).toEqual([]);
  });

  it('finds the subject through documentDescribes and DESCRIBED_BY too, and falls back to the document name', async () => {
    expect(asset(await parse(doc({ relationships: [], documentDescribes: ['SPDXRef-file', 'SPDXRef-app'] }))).uid).toBe('pkg:npm/shop');
    expect(asset(await parse(doc({ relationships: [{ spdxElementId: 'SPDXRef-app', relationshipType: 'DESCRIBED_BY', relatedSpdxElement: 'SPDXRef-DOCUMENT' }] }))).uid)
      .toBe('pkg:npm/shop');
    const none = await parse(doc({ relationships: [] }));
    expect(asset(none)).toMatchObject({ uid: 'repo:shop-sbom', kind: 'code.repository' });
    expect(packages(none).map((p) => p.name)).toEqual(['shop', 'lodash']);
  });

  it('reads Trivy\'s annotations: image ids, package types, source packages, lockfiles', async () => {
    const trivy = (comment: string) => ({ annotator: 'Tool: trivy-0.50.0', annotationType: 'OTHER', comment });
    const rs = await parse({
      spdxVersion: 'SPDX-2.3', SPDXID: 'SPDXRef-DOCUMENT', name: 'alpine:3.19', creationInfo: { creators: ['Tool: trivy-0.50.0', 'Organization: aquasecurity'] },
      packages: [
        { SPDXID: 'SPDXRef-ContainerImage-1', name: 'alpine:3.19', primaryPackagePurpose: 'CONTAINER',
          annotations: [trivy('ImageID: sha256:' + 'b'.repeat(64)), trivy('RepoDigest: alpine@sha256:' + 'a'.repeat(64))] },
        { SPDXID: 'SPDXRef-OperatingSystem-1', name: 'alpine', versionInfo: '3.19.1', primaryPackagePurpose: 'OPERATING-SYSTEM' },
        { SPDXID: 'SPDXRef-Package-1', name: 'libcrypto3', versionInfo: '3.1.4-r5', sourceInfo: 'built package from: openssl 3.1.4-r5',
          externalRefs: [purl('pkg:apk/alpine/libcrypto3@3.1.4-r5?distro=3.19.1')], annotations: [trivy('PkgType: alpine'), trivy('LayerDiffID: sha256:1111')] },
        { SPDXID: 'SPDXRef-Application-1', name: 'app/package-lock.json', annotations: [trivy('Class: lang-pkgs'), trivy('Type: npm')] },
        { SPDXID: 'SPDXRef-Package-2', name: 'lodash', versionInfo: '4.17.20', externalRefs: [purl('pkg:npm/lodash@4.17.20')] },
      ],
      relationships: [
        { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-ContainerImage-1' },
        { spdxElementId: 'SPDXRef-Application-1', relationshipType: 'CONTAINS', relatedSpdxElement: 'SPDXRef-Package-2' },
      ],
    });
    expect(asset(rs)).toMatchObject({ uid: `docker.io/library/alpine@sha256:${'a'.repeat(64)}`, kind: 'container.image',
      properties: { os: { family: 'alpine', name: '3.19.1' }, imageId: `sha256:${'b'.repeat(64)}` } });
    expect(packages(rs).map((p) => [p.name, p.ecosystem, p.sourceName, p.sourceVersion, p.layerDigest, p.path])).toEqual([
      ['libcrypto3', 'Alpine', 'openssl', '3.1.4-r5', 'sha256:1111', ''],
      ['lodash', 'npm', null, null, null, 'app/package-lock.json'],
    ]);
  });

  it('ignores free-text annotations of other tools', async () => {
    const rs = await parse(doc({ packages: [app, { ...lodash, attributionTexts: ['FilePath: /evil'], annotations: [{ annotator: 'Person: x', comment: 'FilePath: /evil' }] }] }));
    expect(packages(rs)[0]?.path).toBe('');
  });

  it('turns SECURITY advisory references into findings, the subject\'s own included, and covers them only then', async () => {
    const advisory = (url: string, type = 'advisory') => ({ referenceCategory: 'SECURITY', referenceType: type, referenceLocator: url });
    const rs = await parse(doc({ packages: [
      { ...app, externalRefs: [...app.externalRefs, advisory('https://github.com/advisories/GHSA-35jh-r3h4-6jhm')] },
      { ...lodash, externalRefs: [...lodash.externalRefs, advisory('https://nvd.nist.gov/vuln/detail/CVE-2021-23337'), advisory('https://example.com/fix/CVE-2021-23337', 'fix')] },
    ] }));
    expect(findings(rs).map((f) => [f.advisoryId, f.properties?.packageName, f.fingerprint])).toEqual([
      ['GHSA-35jh-r3h4-6jhm', 'shop', vulnFingerprint('pkg:npm/shop', 'npm', 'shop', 'GHSA-35jh-r3h4-6jhm')],
      ['CVE-2021-23337', 'lodash', vulnFingerprint('pkg:npm/shop', 'npm', 'lodash', 'CVE-2021-23337')],
    ]);
    expect(coverage(rs)).toContain('spdx-json:pkg:npm/shop#vulnerabilities');
  });

  it('refuses SPDX 3 and unknown versions with the reason', async () => {
    await expect(parse({ spdxVersion: 'SPDX-3.0', '@graph': [] })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    await expect(parse({ spdxVersion: 'SPDX-3.0', '@graph': [] })).rejects.toThrow('SPDX-3.0');
    await expect(parse({ '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld', '@graph': [] })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    await expect(parse(doc({ spdxVersion: 'SPDX-1.2' }))).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    await expect(parse(doc({ spdxVersion: 'SPDX-1.2' }))).rejects.toThrow('SPDX-1.2 is not supported');
  });
});
