import { describe, expect, it } from 'vitest';
import { AdvisoryIndex, advisoryOf } from './advisories.js';
import { PackageMatcher, type InstalledPackage } from './match.js';
import { advisoryRow, corpusRecord, HAVE_OSV, osvRecord, type OsvRecord } from './osv-fixtures.js';

function indexOf(records: readonly OsvRecord[]): AdvisoryIndex {
  const index = new AdvisoryIndex();
  for (const r of records) index.add(advisoryRow(r));
  return index;
}

function pkg(ecosystem: string, name: string, version: string, extra: Partial<InstalledPackage> = {}): InstalledPackage {
  return {
    assetUid: 'img', purl: `pkg:generic/${name}@${version}`, path: '', ecosystem, name, version,
    sourceName: null, sourceVersion: null, layerDigest: null, ...extra,
  };
}

function match(index: AdvisoryIndex, p: InstalledPackage) {
  const matcher = new PackageMatcher(index);
  const found = matcher.match(p, null);
  return { found, stats: matcher.stats, ids: found.map((m) => m.advisory.id).sort() };
}

describe.skipIf(!HAVE_OSV)('matching real OSV records (../shared/corpus/osv-records)', () => {
  it('npm: lodash below the fix, not at it; the CVE is the canonical id', () => {
    const index = indexOf([corpusRecord('npm/GHSA-35jh-r3h4-6jhm.json')]);
    const { found } = match(index, pkg('npm', 'lodash', '4.17.20'));
    expect(found).toHaveLength(1);
    expect(found[0]?.advisory.canonicalId).toBe('CVE-2021-23337');
    expect(found[0]?.advisory.aliases).toEqual(['GHSA-35jh-r3h4-6jhm']);
    expect(found[0]?.fixedVersions).toEqual(['4.17.21']);
    expect(found[0]?.ranges).toEqual(['>=0, <4.17.21']);
    expect(found[0]?.matchedOn).toBe('name');
    expect(found[0]?.distro).toBeNull();
    expect(match(index, pkg('npm', 'lodash', '4.17.21')).found).toEqual([]);
    // The record's second entry names lodash-es.
    expect(match(index, pkg('npm', 'lodash-es', '4.17.15')).ids).toEqual(['GHSA-35jh-r3h4-6jhm']);
  });

  it('PyPI: the installed spelling PyYAML meets the record name pyyaml (PEP 503)', () => {
    const index = indexOf([corpusRecord('PyPI/PYSEC-2020-96.json')]);
    expect(match(index, pkg('PyPI', 'PyYAML', '5.3')).ids).toEqual(['PYSEC-2020-96']);
    expect(match(index, pkg('PyPI', 'PyYAML', '5.3.1')).ids).toEqual([]);
    expect(match(index, pkg('PyPI', 'PyYAML', '5.0')).ids).toEqual([]);
  });

  it('PyPI with a GIT range next to the ECOSYSTEM one: the ecosystem range decides', () => {
    const index = indexOf([corpusRecord('PyPI/PYSEC-2022-43012.json')]);
    expect(match(index, pkg('PyPI', 'setuptools', '65.5.0')).ids).toEqual(['PYSEC-2022-43012']);
    expect(match(index, pkg('PyPI', 'setuptools', '65.5.1')).ids).toEqual([]);
  });

  it('Maven group:artifact, and a purl-style group/artifact name', () => {
    const index = indexOf([corpusRecord('Maven/GHSA-58pp-9c76-5625.json')]);
    expect(match(index, pkg('Maven', 'com.fasterxml.jackson.core:jackson-databind', '2.9.10.3')).ids).toEqual(['GHSA-58pp-9c76-5625']);
    expect(match(index, pkg('Maven', 'com.fasterxml.jackson.core/jackson-databind', '2.9.10.3')).ids).toEqual(['GHSA-58pp-9c76-5625']);
    expect(match(index, pkg('Maven', 'com.fasterxml.jackson.core:jackson-databind', '2.9.10.4')).ids).toEqual([]);
    expect(match(index, pkg('Maven', 'com.fasterxml.jackson.core:jackson-databind', '2.8.11')).ids).toEqual([]);
  });

  it('Go: the standard library in a toolchain spelling, and twin records of one CVE', () => {
    const index = indexOf([corpusRecord('Go/GO-2022-0969.json'), corpusRecord('Go/GO-2023-1571.json'), corpusRecord('Go/GHSA-vvpx-j8f3-3w6h.json')]);
    const stdlib = match(index, pkg('Go', 'stdlib', 'v1.19.0'));
    expect(stdlib.ids).toEqual(['GO-2022-0969', 'GO-2023-1571']);
    expect(stdlib.found.find((m) => m.advisory.id === 'GO-2022-0969')?.fixedVersions).toEqual(['1.19.1']);
    expect(stdlib.found.find((m) => m.advisory.id === 'GO-2022-0969')?.ranges).toEqual(['>=1.19.0-0, <1.19.1']);
    expect(match(index, pkg('Go', 'stdlib', 'go1.19.1')).ids).toEqual(['GO-2023-1571']);
    const xnet = match(index, pkg('Go', 'golang.org/x/net', 'v0.6.0'));
    expect(xnet.ids).toEqual(['GHSA-vvpx-j8f3-3w6h', 'GO-2023-1571']);
    expect(new Set(xnet.found.map((m) => m.advisory.canonicalId))).toEqual(new Set(['CVE-2022-41723']));
  });

  it('Debian: the record for the package release only', () => {
    const index = indexOf([corpusRecord('Debian/DSA-5474-1.json')]);
    const on = (distro: string, version: string) => pkg('Debian', 'intel-microcode', version, {
      purl: `pkg:deb/debian/intel-microcode@${version}?arch=amd64&distro=${distro}`, sourceName: 'intel-microcode', sourceVersion: version,
    });
    const d12 = match(index, on('debian-12.1', '3.20230512.1~deb12u1'));
    expect(d12.ids).toEqual(['DSA-5474-1']);
    expect(d12.found[0]?.distro).toBe('Debian:12');
    expect(d12.found[0]?.fixedVersions).toEqual(['3.20230808.1~deb12u1']);
    // Debian 11's fixed version sorts below Debian 12's: only the Debian:11 entry may judge it.
    expect(match(index, on('debian-11.7', '3.20230808.1~deb11u1')).ids).toEqual([]);
    expect(match(index, on('debian-11.7', '3.20230512.1~deb11u1')).ids).toEqual(['DSA-5474-1']);
    // Debian 10 is not in the record.
    expect(match(index, on('debian-10.13', '3.20230512.1~deb10u1')).ids).toEqual([]);
  });

  it('Debian: an unknown release is not guessed', () => {
    const index = indexOf([corpusRecord('Debian/DSA-5474-1.json')]);
    const r = match(index, pkg('Debian', 'intel-microcode', '3.20230512.1~deb12u1', { sourceName: 'intel-microcode' }));
    expect(r.ids).toEqual([]);
    expect(r.stats.noRelease).toBe(1);
  });

  it('AlmaLinux: binary RPM names, epoch:version-release', () => {
    const index = indexOf([corpusRecord('AlmaLinux/ALSA-2022_1065.json')]);
    const libs = (version: string, distro = 'alma-8.5') => pkg('AlmaLinux', 'openssl-libs', version, {
      purl: `pkg:rpm/alma/openssl-libs@${version}?arch=x86_64&distro=${distro}`, sourceName: 'openssl', sourceVersion: version,
    });
    const r = match(index, libs('1:1.1.1k-5.el8_5'));
    expect(r.ids).toEqual(['ALSA-2022:1065']);
    expect(r.found[0]?.matchedOn).toBe('name');
    expect(match(index, libs('1:1.1.1k-6.el8_5')).ids).toEqual([]);
    expect(match(index, libs('1:1.1.1k-5.el8_5', 'alma-9.1')).ids).toEqual([]);
  });

  it('a malicious package is critical whatever its version', () => {
    const index = indexOf([corpusRecord('npm/MAL-2023-995.json')]);
    const r = match(index, pkg('npm', 'yandex-yt-yson-bindings', '99.0.0'));
    expect(r.ids).toEqual(['MAL-2023-995']);
    expect(r.found[0]?.advisory.severity).toBe('critical');
    expect(r.found[0]?.fixedVersions).toEqual([]);
  });

  it('only GIT ranges and no versions list: undecided, not a match', () => {
    const rec = corpusRecord('OSS-Fuzz-GIT/OSV-2021-1820.json');
    const entry = (rec.affected?.[0] ?? {}) as { package?: { ecosystem: string; name: string } };
    const index = indexOf([{ ...rec, affected: [{ ...entry, versions: [] }] }]);
    const r = match(index, pkg(entry.package!.ecosystem, entry.package!.name, '5.0.0'));
    expect(r.ids).toEqual([]);
    expect(r.stats.undecided).toBe(1);
  });
});

describe('matching: source packages, severity and ranges', () => {
  it('Debian records name the source package: binary libssl3 from openssl, compared at the source version', () => {
    const index = indexOf([osvRecord('DEBIAN-CVE-2023-5678', 'Debian:12', 'openssl', '0', '3.0.13-1~deb12u1')]);
    const libssl = pkg('Debian', 'libssl3', '3.0.11-1~deb12u2', {
      purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12.5', sourceName: 'openssl', sourceVersion: '3.0.11-1~deb12u2',
    });
    const r = match(index, libssl);
    expect(r.ids).toEqual(['DEBIAN-CVE-2023-5678']);
    expect(r.found[0]).toMatchObject({ matchedOn: 'source name', matchedName: 'openssl', comparedVersion: '3.0.11-1~deb12u2', distro: 'Debian:12' });
    // The id embeds the CVE: that is the canonical id.
    expect(r.found[0]?.advisory.canonicalId).toBe('CVE-2023-5678');
    // A binary that happens to carry the source's name but comes from another source is not matched by name.
    expect(match(index, { ...libssl, name: 'openssl', sourceName: 'openssl-other' }).ids).toEqual([]);
  });

  it('the source version decides, not the binary version (binNMU, epoch only on the binary)', () => {
    const index = indexOf([osvRecord('DEBIAN-CVE-2022-0563', 'Debian:12', 'util-linux', '0', '2.38.1-5+deb12u1')]);
    const bsdutils = pkg('Debian', 'bsdutils', '1:2.38.1-5+b1', {
      purl: 'pkg:deb/debian/bsdutils@2.38.1-5+b1?distro=debian-12.5&epoch=1', sourceName: 'util-linux', sourceVersion: '2.38.1-5',
    });
    expect(match(index, bsdutils).ids).toEqual(['DEBIAN-CVE-2022-0563']);
    expect(match(index, { ...bsdutils, version: '1:2.38.1-5+deb12u1+b1', sourceVersion: '2.38.1-5+deb12u1' }).ids).toEqual([]);
  });

  it('severity: CVSS score first, then the advisory word, else a stated default', () => {
    expect(advisoryOf({ ...advisoryRow(osvRecord('A', 'npm', 'a', '0')), cvss_score: 9.8 }).severity).toBe('critical');
    expect(advisoryOf({ ...advisoryRow(osvRecord('A', 'npm', 'a', '0')), cvss_score: 5.3 }).severity).toBe('medium');
    expect(advisoryOf({ ...advisoryRow(osvRecord('A', 'npm', 'a', '0')), severity: 'high' })).toMatchObject({ severity: 'high', severitySource: 'advisory' });
    expect(advisoryOf(advisoryRow(osvRecord('A', 'npm', 'a', '0')))).toMatchObject({ severity: 'medium', severitySource: 'unrated' });
  });

  it('several introduced/fixed pairs: the pair holding the version, fixes above it nearest first', () => {
    const rec: OsvRecord = {
      id: 'GHSA-36p3-wjmg-h94x', aliases: ['CVE-2022-22965'],
      affected: [{ package: { ecosystem: 'Maven', name: 'org.springframework:spring-beans' }, ranges: [
        { type: 'ECOSYSTEM', events: [{ introduced: '5.3.0' }, { fixed: '5.3.18' }] },
        { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '5.2.20' }] },
      ] }],
    };
    const index = indexOf([rec]);
    const r = match(index, pkg('Maven', 'org.springframework:spring-beans', '5.3.15'));
    expect(r.found[0]?.ranges).toEqual(['>=5.3.0, <5.3.18']);
    expect(r.found[0]?.fixedVersions).toEqual(['5.3.18']);
    const old = match(index, pkg('Maven', 'org.springframework:spring-beans', '5.1.0'));
    expect(old.found[0]?.fixedVersions).toEqual(['5.2.20', '5.3.18']);
    expect(match(index, pkg('Maven', 'org.springframework:spring-beans', '5.2.20')).ids).toEqual([]);
  });

  it('a versions-list hit with no range', () => {
    const index = indexOf([{ id: 'X-1', affected: [{ package: { ecosystem: 'npm', name: 'evil' }, versions: ['1.0.1'] }] }]);
    expect(match(index, pkg('npm', 'evil', '1.0.1')).found[0]?.ranges).toEqual(['listed']);
    expect(match(index, pkg('npm', 'evil', '1.0.2')).ids).toEqual([]);
  });

  it('one verdict per (name, release, version), bound to each package it is asked for', () => {
    const index = indexOf([osvRecord('DEBIAN-CVE-2023-5678', 'Debian:12', 'openssl', '0', '3.0.13-1~deb12u1')]);
    const on = (assetUid: string, name: string, distro = 'debian-12.5') => pkg('Debian', name, '3.0.11-1~deb12u2', {
      assetUid, purl: `pkg:deb/debian/${name}@3.0.11-1~deb12u2?distro=${distro}`, sourceName: 'openssl', sourceVersion: '3.0.11-1~deb12u2',
    });
    for (const limit of [1, 1000]) {
      const matcher = new PackageMatcher(index, limit);
      const a = matcher.match(on('a', 'libssl3'), null);
      const b = matcher.match(on('b', 'openssl'), null);
      const c = matcher.match(on('c', 'libssl3', 'debian-11.9'), null);
      expect(a.map((m) => `${m.pkg.assetUid} ${m.pkg.name} ${m.advisory.id}`)).toEqual(['a libssl3 DEBIAN-CVE-2023-5678']);
      expect(b.map((m) => `${m.pkg.assetUid} ${m.pkg.name} ${m.advisory.id}`)).toEqual(['b openssl DEBIAN-CVE-2023-5678']);
      expect(c).toEqual([]);
      expect(matcher.stats).toEqual({ packages: 3, matches: 2, undecided: 0, noRelease: 0 });
    }
  });
});
