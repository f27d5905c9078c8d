import { describe, expect, it } from 'vitest';
import { vulnFingerprint } from '../../findings/fingerprint.js';
import type { FindingInput, NormalizedRecord, PackageInput } from '../../model/index.js';
import { memoryReportFile } from '../report-file.js';
import { cyclonedxJson, cyclonedxXml } from './parser.js';

async function parse(doc: unknown, name = 'bom.json'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of cyclonedxJson.parse(memoryReportFile(name, JSON.stringify(doc)))) out.push(r);
  return out;
}

async function parseXml(xml: string, name = 'bom.xml'): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of cyclonedxXml.parse(memoryReportFile(name, xml))) out.push(r);
  return out;
}

const findings = (rs: NormalizedRecord[]): FindingInput[] => rs.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
const packages = (rs: NormalizedRecord[]): PackageInput[] => rs.flatMap((r) => (r.type === 'package' ? [r.package] : []));
const coverage = (rs: NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'coverage' ? [r.scope] : []));
function asset(rs: NormalizedRecord[]) {
  const a = rs.find((r) => r.type === 'asset');
  if (a?.type !== 'asset') throw new Error('no asset');
  return a.asset;
}

const app = { type: 'application', name: 'shop', version: '2.1.0', purl: 'pkg:npm/shop@2.1.0', 'bom-ref': 'root' };
const lodash = { type: 'library', 'bom-ref': 'c1', name: 'lodash', version: '4.17.20', purl: 'pkg:npm/lodash@4.17.20', licenses: [{ license: { id: 'MIT' } }] };
const babel = { type: 'library', 'bom-ref': 'c2', group: '@babel', name: 'core', version: '7.0.0', purl: 'pkg:npm/%40babel/core@7.0.0' };
const bom = (extra: Record<string, unknown> = {}) => ({
  bomFormat: 'CycloneDX', specVersion: '1.5', metadata: { component: app }, components: [lodash, babel], ...extra,
});
const vuln = (id: string, extra: Record<string, unknown> = {}) => ({ id, ratings: [{ severity: 'high' }], affects: [{ ref: 'c1' }], ...extra });

describe('cyclonedx-json: the subject asset', () => {
  it('keys an application by its purl without version, so the next release is the same asset', async () => {
    const rs = await parse(bom());
    expect(asset(rs)).toMatchObject({ uid: 'pkg:npm/shop', kind: 'application', name: 'shop', properties: { version: '2.1.0', purl: 'pkg:npm/shop@2.1.0' } });
    const next = await parse(bom({ metadata: { component: { ...app, version: '2.2.0', purl: 'pkg:npm/shop@2.2.0' } } }));
    expect(asset(next).uid).toBe('pkg:npm/shop');
    expect(coverage(rs)[0]).toBe('cyclonedx-json:pkg:npm/shop');
  });

  it('keys an image by its repo digest, OCI purl, syft digest version or image id, as Trivy does', async () => {
    const digest = 'sha256:' + 'a'.repeat(64);
    const subject = async (component: Record<string, unknown>) => asset(await parse(bom({ metadata: { component } }))).uid;
    expect(await subject({ type: 'container', name: 'alpine:3.19', properties: [
      { name: 'aquasecurity:trivy:RepoDigest', value: `alpine@${digest}` },
      { name: 'aquasecurity:trivy:ImageID', value: 'sha256:' + 'b'.repeat(64) }] })).toBe(`docker.io/library/alpine@${digest}`);
    expect(await subject({ type: 'container', name: 'api', purl: `pkg:oci/api@${digest.replace(':', '%3A')}?repository_url=ghcr.io%2Facme%2Fapi` }))
      .toBe(`ghcr.io/acme/api@${digest}`);
    expect(await subject({ type: 'container', name: 'index.docker.io/library/nginx:1.25', version: digest })).toBe(`docker.io/library/nginx@${digest}`);
    expect(await subject({ type: 'container', name: 'images/app.tar', version: digest })).toBe('image:images/app.tar');
    expect(await subject({ type: 'container', name: 'x.tar', properties: [{ name: 'aquasecurity:trivy:ImageID', value: digest }] })).toBe(`image:${digest}`);
  });

  it('keys Trivy\'s repository SBOMs like Trivy\'s repository reports, and a document without subject by its file', async () => {
    expect(asset(await parse(bom({ metadata: { component: { type: 'application', name: 'github.com/acme/shop', 'bom-ref': 'a-uuid' } } }))))
      .toMatchObject({ uid: 'repo:github.com/acme/shop', kind: 'code.repository' });
    expect(asset(await parse(bom({ metadata: undefined }), 'nightly.cdx.json'))).toMatchObject({ uid: 'repo:nightly.cdx', kind: 'code.repository', properties: { namedFrom: 'report-file' } });
  });

  it('keys Trivy\'s Kubernetes BOM by the cluster', async () => {
    const component = { type: 'platform', name: 'k8s.io/kubernetes', version: '1.29.0', purl: 'pkg:k8s/k8s.io%2Fkubernetes@1.29.0',
      properties: [{ name: 'aquasecurity:trivy:resource:Name', value: 'prod-eu' }, { name: 'aquasecurity:trivy:resource:Type', value: 'cluster' }] };
    expect(asset(await parse(bom({ metadata: { component } })))).toMatchObject({ uid: 'k8s:prod-eu', kind: 'k8s.cluster', name: 'prod-eu' });
  });
});

describe('cyclonedx-json: packages', () => {
  it('lists every component with a purl, nested ones too, named the way their ecosystem writes them', async () => {
    const rs = await parse(bom({ components: [{ ...lodash, components: [{ ...babel, components: [{ type: 'library', name: 'no-purl' }] }] },
      { type: 'operating-system', name: 'debian', version: '12' }] }));
    expect(packages(rs).map((p) => [p.name, p.ecosystem, p.version])).toEqual([['lodash', 'npm', '4.17.20'], ['@babel/core', 'npm', '7.0.0']]);
    expect(packages(rs)[0]).toMatchObject({ assetUid: 'pkg:npm/shop', purl: 'pkg:npm/lodash@4.17.20', licenses: ['MIT'], path: '' });
  });

  it('reads Trivy\'s properties: source package, layer, file path, lockfile through the dependency graph, epoch', async () => {
    const rs = await parse(bom({
      components: [
        { type: 'library', 'bom-ref': 'o', name: 'openssl-libs', version: '1.0.2k-16.el7', purl: 'pkg:rpm/centos/openssl-libs@1.0.2k-16.el7?arch=x86_64&epoch=1&distro=centos-7',
          properties: [{ name: 'aquasecurity:trivy:SrcName', value: 'openssl' }, { name: 'aquasecurity:trivy:SrcVersion', value: '1.0.2k' },
            { name: 'aquasecurity:trivy:SrcRelease', value: '16.el7' }, { name: 'aquasecurity:trivy:SrcEpoch', value: '1' },
            { name: 'aquasecurity:trivy:LayerDiffID', value: 'sha256:1111' }] },
        { type: 'application', 'bom-ref': 'lock', name: 'app/package-lock.json', properties: [{ name: 'aquasecurity:trivy:Class', value: 'lang-pkgs' }] },
        { ...lodash, 'bom-ref': 'pkg:npm/lodash@4.17.20' },
        { ...babel, 'bom-ref': 'pkg:npm/%40babel/core@7.0.0' },
        { type: 'library', name: 'jackson-databind', group: 'com.fasterxml.jackson.core', version: '2.9.1', purl: 'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.1',
          properties: [{ name: 'aquasecurity:trivy:FilePath', value: 'app/lib/jackson-databind-2.9.1.jar' }] },
      ],
      dependencies: [{ ref: 'lock', dependsOn: ['pkg:npm/lodash@4.17.20'] }, { ref: 'pkg:npm/lodash@4.17.20', dependsOn: ['pkg:npm/%40babel/core@7.0.0'] }],
    }));
    expect(packages(rs).map((p) => [p.name, p.version, p.sourceName, p.sourceVersion, p.layerDigest, p.path])).toEqual([
      ['openssl-libs', '1:1.0.2k-16.el7', 'openssl', '1:1.0.2k-16.el7', 'sha256:1111', ''],
      ['lodash', '4.17.20', null, null, null, 'app/package-lock.json'],
      ['@babel/core', '7.0.0', null, null, null, 'app/package-lock.json'],
      ['com.fasterxml.jackson.core:jackson-databind', '2.9.1', null, null, null, 'app/lib/jackson-databind-2.9.1.jar'],
    ]);
  });

  it('refuses components nested without end', async () => {
    let deep: Record<string, unknown> = { ...lodash };
    for (let i = 0; i < 40; i++) deep = { type: 'library', name: `n${i}`, components: [deep] };
    await expect(parse(bom({ components: [deep] }))).rejects.toThrow(/components\[0\](\.components\[0\])+\.components: nested deeper than 32 levels/);
  });
});

describe('cyclonedx-json: vulnerabilities', () => {
  it('fingerprints like Trivy: asset, ecosystem, package name, CVE; the highest rating is the severity', async () => {
    const rs = await parse(bom({ vulnerabilities: [vuln('CVE-2021-23337', {
      ratings: [{ severity: 'medium', source: { name: 'ghsa' } }, { score: 9.1, method: 'CVSSv31' }, { severity: 'none' }],
      cwes: [77], recommendation: 'Upgrade lodash to 4.17.21', description: 'Command injection',
    })] }));
    const [f] = findings(rs);
    expect(f).toMatchObject({
      fingerprint: vulnFingerprint('pkg:npm/shop', 'npm', 'lodash', 'CVE-2021-23337'),
      kind: 'vuln', advisoryId: 'CVE-2021-23337', severity: 'critical', packagePurl: 'pkg:npm/lodash@4.17.20',
      title: 'CVE-2021-23337 in lodash', remediation: 'Upgrade lodash to 4.17.21', description: 'Command injection',
      evidence: { path: null, installedVersion: '4.17.20', fixedVersions: [], purl: 'pkg:npm/lodash@4.17.20' },
      properties: { cweIds: ['CWE-77'], ecosystem: 'npm' },
    });
  });

  it('takes the one CVE a GHSA, SNYK or OSS Index record names as its id, keeping its own as alias', async () => {
    const rs = await parse(bom({ vulnerabilities: [
      vuln('GHSA-35jh-r3h4-6jhm', { advisories: [{ url: 'https://nvd.nist.gov/vuln/detail/CVE-2021-23337' }] }),
      vuln('SNYK-JS-X-1', { references: [{ id: 'CVE-2020-0001' }, { id: 'CVE-2020-0002' }], affects: [{ ref: 'c2' }] }),
    ] }));
    expect(findings(rs).map((f) => [f.advisoryId, f.originalId, f.properties?.aliases])).toEqual([
      ['CVE-2021-23337', 'GHSA-35jh-r3h4-6jhm', ['GHSA-35jh-r3h4-6jhm']],
      ['SNYK-JS-X-1', 'SNYK-JS-X-1', ['CVE-2020-0001', 'CVE-2020-0002']],
    ]);
  });

  it('resolves affects by bom-ref (the subject\'s too), BOM-Link or bare purl, and keeps one finding per package', async () => {
    const rs = await parse(bom({ vulnerabilities: [
      vuln('CVE-2024-0001', { affects: [{ ref: 'c1' }, { ref: 'urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#c2' }, { ref: 'pkg:pypi/django@2.0' }, { ref: 'c1' }] }),
      vuln('CVE-2024-0002', { affects: [{ ref: 'nowhere' }] }),
      vuln('CVE-2024-0003', { affects: [{ ref: 'root' }] }),
    ] }));
    expect(findings(rs).map((f) => [f.advisoryId, f.properties?.packageName, f.properties?.ecosystem])).toEqual([
      ['CVE-2024-0001', 'lodash', 'npm'], ['CVE-2024-0001', '@babel/core', 'npm'], ['CVE-2024-0001', 'django', 'PyPI'], ['CVE-2024-0002', '', 'unknown'],
      ['CVE-2024-0003', 'shop', 'npm'],
    ]);
  });

  it('opens exploitable, in_triage and unanalysed vulnerabilities, and records the closed ones with their reason', async () => {
    const rs = await parse(bom({ vulnerabilities: [
      vuln('CVE-2024-0001', { analysis: { state: 'exploitable' } }),
      vuln('CVE-2024-0002', { analysis: { state: 'in_triage' } }),
      vuln('CVE-2024-0003'),
      vuln('CVE-2024-0004', { analysis: { state: 'not_affected', justification: 'code_not_reachable', response: ['will_not_fix'], detail: 'dead code' } }),
      vuln('CVE-2024-0005', { analysis: { state: 'false_positive' } }),
      vuln('CVE-2024-0006', { analysis: { state: 'resolved' } }),
      vuln('CVE-2024-0007', { affects: [{ ref: 'c1', versions: [{ version: '4.17.20', status: 'unaffected' }] }] }),
    ] }));
    expect(findings(rs).map((f) => f.advisoryId)).toEqual(['CVE-2024-0001', 'CVE-2024-0002', 'CVE-2024-0003']);
    expect(findings(rs)[0]?.properties?.analysis).toMatchObject({ state: 'exploitable' });
    const sbom = asset(rs).properties?.sbom as { suppressed: Record<string, unknown>[] };
    expect(sbom.suppressed.map((s) => [s.id, s.state])).toEqual([
      ['CVE-2024-0004', 'not_affected'], ['CVE-2024-0005', 'false_positive'], ['CVE-2024-0006', 'resolved'], ['CVE-2024-0007', 'unaffected'],
    ]);
    expect(sbom.suppressed[0]).toMatchObject({ justification: 'code_not_reachable', response: ['will_not_fix'], detail: 'dead code', package: 'lodash',
      fingerprint: vulnFingerprint('pkg:npm/shop', 'npm', 'lodash', 'CVE-2024-0004') });
  });
});

describe('cyclonedx-json: what a document claims to cover', () => {
  it('an SBOM (no vulnerabilities, or an empty list) covers its packages and claims nothing about vulnerabilities', async () => {
    for (const extra of [{}, { vulnerabilities: [] }]) {
      expect(coverage(await parse(bom(extra)))).toEqual(['cyclonedx-json:pkg:npm/shop', 'cyclonedx-json:pkg:npm/shop#packages']);
    }
  });

  it('a BOM with vulnerabilities covers them, suppressed ones included', async () => {
    const rs = await parse(bom({ vulnerabilities: [vuln('CVE-2024-0004', { analysis: { state: 'not_affected' } })] }));
    expect(coverage(rs)).toEqual(['cyclonedx-json:pkg:npm/shop', 'cyclonedx-json:pkg:npm/shop#packages', 'cyclonedx-json:pkg:npm/shop#vulnerabilities']);
    expect(findings(rs)).toEqual([]);
  });

  it('a VEX document (no component list) says nothing about packages and covers its statements apart', async () => {
    const rs = await parse({ bomFormat: 'CycloneDX', specVersion: '1.4', metadata: { component: app },
      vulnerabilities: [vuln('CVE-2024-0001', { affects: [{ ref: 'pkg:npm/lodash@4.17.20' }], analysis: { state: 'exploitable' } })] });
    expect(coverage(rs)).toEqual(['cyclonedx-json:pkg:npm/shop', 'cyclonedx-json:pkg:npm/shop#vex']);
    expect(rs.filter((r) => r.type === 'finding').map((r) => r.scope)).toEqual(['cyclonedx-json:pkg:npm/shop#vex']);
  });

  it('refuses spec versions it does not know', async () => {
    await expect(parse(bom({ specVersion: '2.0' }))).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    await expect(parse(bom({ specVersion: '2.0' }))).rejects.toThrow('specVersion 2.0 is not supported');
  });
});

describe('cyclonedx-xml', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.5" serialNumber="urn:uuid:1" version="1">
  <metadata><component type="application" bom-ref="root"><name>shop</name><version>2.1.0</version><purl>pkg:npm/shop@2.1.0</purl></component></metadata>
  <components>
    <component type="library" bom-ref="c1"><name>lodash</name><version>4.17.20</version>
      <licenses><license><id>MIT</id></license></licenses><purl>pkg:npm/lodash@4.17.20</purl></component>
    <component type="library" bom-ref="c2"><group>@babel</group><name><![CDATA[core]]></name><version>7.0.0</version><purl>pkg:npm/%40babel/core@7.0.0?a=1&amp;b=2</purl></component>
  </components>
  <vulnerabilities>
    <vulnerability bom-ref="v1"><id>CVE-2021-23337</id>
      <ratings><rating><score>9.1</score><method>CVSSv31</method></rating><rating><severity>medium</severity></rating></ratings>
      <cwes><cwe>77</cwe></cwes><recommendation>Upgrade lodash to 4.17.21</recommendation>
      <analysis><state>in_triage</state><responses><response>update</response></responses></analysis>
      <affects><target><ref>c1</ref></target></affects></vulnerability>
  </vulnerabilities>
</bom>`;

  it('reads the same records as the JSON form', async () => {
    const rs = await parseXml(xml);
    const json = await parse(bom({ components: [lodash, { ...babel, purl: 'pkg:npm/%40babel/core@7.0.0?a=1&b=2' }],
      vulnerabilities: [vuln('CVE-2021-23337', { 'bom-ref': 'v1', ratings: [{ score: 9.1, method: 'CVSSv31' }, { severity: 'medium' }], cwes: [77],
        recommendation: 'Upgrade lodash to 4.17.21', analysis: { state: 'in_triage', response: ['update'] } })] }));
    const strip = (r: NormalizedRecord) => JSON.stringify(r).replaceAll('cyclonedx-xml:', 'cyclonedx-json:').replace(/"specVersion":"[^"]*"/, '');
    expect(rs.map(strip)).toEqual(json.map(strip));
    expect(packages(rs)[1]?.purl).toBe('pkg:npm/%40babel/core@7.0.0?a=1&b=2');
  });

  it('reads the vulnerability extension 1.0: nested in the component it affects, or at the top by ref', async () => {
    const ext = `<bom xmlns="http://cyclonedx.org/schema/bom/1.2" xmlns:vx="http://cyclonedx.org/schema/ext/vulnerability/1.0" version="1">
      <metadata><component type="container"><name>acme/api:1.0</name><version>sha256:${'c'.repeat(64)}</version></component></metadata>
      <components>
        <component type="library"><name>apt</name><version>1.8.2</version>
          <vx:vulnerabilities><vx:vulnerability ref="urn:uuid:x"><vx:id>CVE-2011-3374</vx:id>
            <vx:ratings><vx:rating><vx:score><vx:base>4.3</vx:base></vx:score><vx:severity>Low</vx:severity><vx:method>CVSSv2</vx:method></vx:rating></vx:ratings>
            <vx:recommendations><vx:recommendation>Upgrade</vx:recommendation></vx:recommendations>
          </vx:vulnerability></vx:vulnerabilities></component>
        <component type="library" bom-ref="pkg:maven/a/b@1"><group>a</group><name>b</name><version>1</version><purl>pkg:maven/a/b@1</purl></component>
      </components>
      <vx:vulnerabilities><vx:vulnerability ref="pkg:maven/a/b@1"><vx:id>CVE-2018-7489</vx:id>
        <vx:ratings><vx:rating><vx:severity>Unknown</vx:severity></vx:rating></vx:ratings><vx:cwes><vx:cwe>502</vx:cwe></vx:cwes>
      </vx:vulnerability></vx:vulnerabilities>
    </bom>`;
    const rs = await parseXml(ext);
    expect(asset(rs).uid).toBe(`docker.io/acme/api@sha256:${'c'.repeat(64)}`);
    expect(findings(rs).map((f) => [f.advisoryId, f.properties?.packageName, f.severity, f.remediation, f.properties?.cweIds])).toEqual([
      ['CVE-2018-7489', 'a:b', 'info', null, ['CWE-502']],
      ['CVE-2011-3374', 'apt', 'low', 'Upgrade', []],
    ]);
  });

  it('accepts a prefixed bom namespace', async () => {
    const rs = await parseXml('<c:bom xmlns:c="http://cyclonedx.org/schema/bom/1.6"><c:components><c:component type="library"><c:name>x</c:name><c:purl>pkg:npm/x@1</c:purl></c:component></c:components></c:bom>');
    expect(packages(rs).map((p) => p.purl)).toEqual(['pkg:npm/x@1']);
  });
});
