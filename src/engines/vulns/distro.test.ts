import { describe, expect, it } from 'vitest';
import { advisoryRelease, describeRelease, distroQualifier, installedRelease, isDistro, matchOnOf } from './distro.js';
import { ecosystemBase, looseKey, normalizePackageName, packageKey } from './package-names.js';

describe('package names per ecosystem', () => {
  it('PyPI by PEP 503', () => {
    expect(normalizePackageName('pypi', 'PyYAML')).toBe('pyyaml');
    expect(normalizePackageName('pypi', 'zope.interface')).toBe(normalizePackageName('pypi', 'Zope_Interface'));
    expect(normalizePackageName('pypi', 'a-_.b')).toBe('a-b');
  });

  it('Maven as group:artifact, purl-style slashes converted', () => {
    expect(normalizePackageName('maven', 'org.springframework:spring-beans')).toBe('org.springframework:spring-beans');
    expect(normalizePackageName('maven', 'org.springframework/spring-beans')).toBe('org.springframework:spring-beans');
  });

  it('Go module paths and npm names as they are; NuGet and Packagist case-insensitive', () => {
    expect(normalizePackageName('go', 'github.com/Masterminds/semver/v3')).toBe('github.com/Masterminds/semver/v3');
    expect(normalizePackageName('npm', '@babel/core')).toBe('@babel/core');
    expect(packageKey('nuget', 'Newtonsoft.Json')).toBe(packageKey('nuget', 'newtonsoft.json'));
    expect(packageKey('packagist', 'GuzzleHttp/Psr7')).toBe(packageKey('packagist', 'guzzlehttp/psr7'));
    expect(packageKey('npm', 'Lodash')).not.toBe(packageKey('npm', 'lodash'));
  });

  it('every exact key is also a loose key (the SQL pre-selection never drops a match)', () => {
    for (const [base, a, b] of [['pypi', 'Jinja2', 'jinja2'], ['nuget', 'A.B', 'a.b'], ['maven', 'g/a', 'g:a'], ['npm', 'x', 'x']] as const) {
      expect(packageKey(base, a)).toBe(packageKey(base, b));
      expect(looseKey(base, a)).toBe(looseKey(base, b));
    }
  });

  it('ecosystem base: OSV name before the release, lower-cased', () => {
    expect(ecosystemBase('Debian:12')).toBe('debian');
    expect(ecosystemBase('Red Hat:enterprise_linux:9::appstream')).toBe('red hat');
    expect(ecosystemBase('PyPI')).toBe('pypi');
  });
});

describe('distro releases', () => {
  it('reads advisory ecosystems as OSV names them', () => {
    expect(advisoryRelease('Debian:12')).toBe('12');
    expect(advisoryRelease('Alpine:v3.19')).toBe('v3.19');
    expect(advisoryRelease('Ubuntu:22.04:LTS')).toBe('22.04');
    expect(advisoryRelease('Ubuntu:23.10')).toBe('23.10');
    expect(advisoryRelease('AlmaLinux:8')).toBe('8');
    expect(advisoryRelease('Rocky Linux:9')).toBe('9');
    expect(advisoryRelease('Red Hat:enterprise_linux:9::appstream')).toBe('9');
    expect(advisoryRelease('SUSE:Linux Enterprise Server 15 SP5')).toBe('linux enterprise server 15 sp5');
    expect(advisoryRelease('openSUSE:Leap 15.5')).toBe('leap 15.5');
    expect(advisoryRelease('Wolfi')).toBe('');
    expect(advisoryRelease('npm')).toBe('');
  });

  it('skips streams an image does not run and distro records without a release', () => {
    expect(advisoryRelease('Ubuntu:Pro:18.04:LTS')).toBeUndefined();
    expect(advisoryRelease('Red Hat:rhel_eus:9.2::baseos')).toBeUndefined();
    expect(advisoryRelease('Debian')).toBeUndefined();
  });

  it('reads the installed release from the purl qualifier Trivy writes', () => {
    expect(installedRelease('debian', 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12.5', null)).toBe('12');
    expect(installedRelease('ubuntu', 'pkg:deb/ubuntu/bash@5.1-6ubuntu1?distro=ubuntu-22.04', null)).toBe('22.04');
    expect(installedRelease('alpine', 'pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64&distro=3.19.1', null)).toBe('v3.19');
    expect(installedRelease('almalinux', 'pkg:rpm/alma/openssl-libs@1.1.1k-5.el8_5?arch=x86_64&distro=alma-8.5&epoch=1', null)).toBe('8');
    expect(installedRelease('amazon linux', 'pkg:rpm/amazon/curl@7.79.1?distro=amazon-2%20%28Karoo%29', null)).toBe('2');
    expect(installedRelease('suse', 'pkg:rpm/sles/libopenssl3@3.0.8?distro=sles-15.5', null)).toBe('linux enterprise server 15 sp5');
    expect(installedRelease('suse', 'pkg:rpm/slem/curl@8.0?distro=slem-5.4', null)).toBe('linux enterprise micro 5.4');
    expect(installedRelease('opensuse', 'pkg:rpm/opensuse/curl@8.0?distro=opensuse-leap-15.1', null)).toBe('leap 15.1');
    expect(installedRelease('opensuse', 'pkg:rpm/opensuse/curl@8.0?distro=opensuse-tumbleweed-20240607', null)).toBe('tumbleweed');
  });

  it('falls back to the image OS, and says nothing when neither knows', () => {
    expect(installedRelease('debian', 'pkg:deb/debian/bash@5.2.15-2', { family: 'debian', name: '12.5' })).toBe('12');
    expect(installedRelease('debian', 'pkg:deb/debian/bash@5.2.15-2', { family: 'debian', name: 'bookworm/sid' })).toBe('12');
    expect(installedRelease('alpine', 'pkg:apk/alpine/musl@1.2.4-r2', { family: 'alpine', name: '3.19.0' })).toBe('v3.19');
    expect(installedRelease('debian', 'pkg:deb/debian/bash@5.2.15-2', null)).toBeUndefined();
    expect(installedRelease('npm', 'pkg:npm/lodash@4.17.20', null)).toBe('');
  });

  it('installed and advisory sides meet', () => {
    const pairs: [string, string, string][] = [
      ['debian', 'debian-11.9', 'Debian:11'],
      ['ubuntu', 'ubuntu-20.04', 'Ubuntu:20.04:LTS'],
      ['alpine', '3.18.4', 'Alpine:v3.18'],
      ['rocky linux', 'rocky-8.5', 'Rocky Linux:8'],
      ['red hat', 'redhat-9.2', 'Red Hat:enterprise_linux:9::baseos'],
      ['suse', 'sles-15.5', 'SUSE:Linux Enterprise Server 15 SP5'],
      ['suse', 'sles-15.0', 'SUSE:Linux Enterprise Server 15'],
      ['photon os', 'photon-3.0', 'Photon OS:3.0'],
    ];
    for (const [base, distro, ecosystem] of pairs) {
      expect(installedRelease(base, `pkg:x/y/z@1?distro=${encodeURIComponent(distro)}`, null), `${distro} ~ ${ecosystem}`).toBe(advisoryRelease(ecosystem));
    }
  });

  it('source-name families and binary-name families', () => {
    expect(['debian', 'ubuntu', 'alpine', 'wolfi'].map(matchOnOf)).toEqual(['source', 'source', 'source', 'source']);
    expect(['almalinux', 'red hat', 'suse'].map(matchOnOf)).toEqual(['binary', 'binary', 'binary']);
    expect(isDistro('debian')).toBe(true);
    expect(isDistro('npm')).toBe(false);
  });

  it('qualifier decoding and release display', () => {
    expect(distroQualifier('pkg:rpm/amazon/curl@7?arch=x86_64&distro=amazon-2%20%28Karoo%29')).toBe('amazon-2 (Karoo)');
    expect(distroQualifier('pkg:npm/x@1')).toBeUndefined();
    expect(describeRelease('Debian', '12')).toBe('Debian:12');
    expect(describeRelease('Wolfi', '')).toBe('Wolfi');
  });
});
