import { describe, expect, it } from 'vitest';
import { compileAffected, inRange, isAffected, maven, pep440, schemeFor, semver, type OsvEvent } from './index.js';

const affectedBy = (events: OsvEvent[], versions: string[]): Record<string, boolean> =>
  Object.fromEntries(versions.map((v) => [v, inRange(semver, v, events)]));

describe('inRange (OSV evaluation pseudocode)', () => {
  it('introduced 0 alone affects every version', () => {
    expect(affectedBy([{ introduced: '0' }], ['0.0.0-0', '0.0.1', '99.0.0'])).toEqual({ '0.0.0-0': true, '0.0.1': true, '99.0.0': true });
  });

  it('introduced 0 / fixed: everything below the fix, prereleases of the fix included', () => {
    expect(affectedBy([{ introduced: '0' }, { fixed: '1.0.2' }], ['0.1.0', '1.0.1', '1.0.2-rc.1', '1.0.2', '1.0.3'])).toEqual({
      '0.1.0': true, '1.0.1': true, '1.0.2-rc.1': true, '1.0.2': false, '1.0.3': false,
    });
  });

  it('introduced is inclusive, fixed exclusive, last_affected inclusive', () => {
    const fixed = [{ introduced: '1.2.0' }, { fixed: '1.4.0' }];
    const last = [{ introduced: '1.2.0' }, { last_affected: '1.4.0' }];
    const vs = ['1.1.9', '1.2.0-0', '1.2.0', '1.3.5', '1.4.0', '1.4.1'];
    expect(affectedBy(fixed, vs)).toEqual({ '1.1.9': false, '1.2.0-0': false, '1.2.0': true, '1.3.5': true, '1.4.0': false, '1.4.1': false });
    expect(affectedBy(last, vs)).toEqual({ '1.1.9': false, '1.2.0-0': false, '1.2.0': true, '1.3.5': true, '1.4.0': true, '1.4.1': false });
  });

  it('several introduced/fixed pairs, whatever order the events are listed in', () => {
    const ordered = [{ introduced: '1.0.0' }, { fixed: '1.0.2' }, { introduced: '3.0.0' }, { fixed: '3.2.5' }];
    const shuffled = [{ fixed: '3.2.5' }, { introduced: '1.0.0' }, { introduced: '3.0.0' }, { fixed: '1.0.2' }];
    const vs = ['0.9.0', '1.0.0', '1.0.1', '1.0.2', '2.5.0', '3.0.0', '3.2.4', '3.2.5', '4.0.0'];
    const want = { '0.9.0': false, '1.0.0': true, '1.0.1': true, '1.0.2': false, '2.5.0': false, '3.0.0': true, '3.2.4': true, '3.2.5': false, '4.0.0': false };
    expect(affectedBy(ordered, vs)).toEqual(want);
    expect(affectedBy(shuffled, vs)).toEqual(want);
  });

  it('an open range after a fixed one stays open', () => {
    expect(affectedBy([{ introduced: '0' }, { fixed: '1.0.0' }, { introduced: '2.0.0' }], ['0.5.0', '1.5.0', '2.0.0', '9.0.0'])).toEqual({
      '0.5.0': true, '1.5.0': false, '2.0.0': true, '9.0.0': true,
    });
  });

  it('introduced and fixed at the same version is an empty range', () => {
    expect(inRange(semver, '1.0.0', [{ fixed: '1.0.0' }, { introduced: '1.0.0' }])).toBe(false);
  });

  it('limit: only versions below one of the limits; "*" is infinity', () => {
    const limited = [{ introduced: '0' }, { limit: '2.0.0' }];
    expect(affectedBy(limited, ['1.9.9', '2.0.0', '2.1.0'])).toEqual({ '1.9.9': true, '2.0.0': false, '2.1.0': false });
    const two = [{ introduced: '0' }, { limit: '1.0.0' }, { limit: '3.0.0' }];
    expect(affectedBy(two, ['2.0.0', '3.0.0'])).toEqual({ '2.0.0': true, '3.0.0': false });
    expect(inRange(semver, '99.0.0', [{ introduced: '0' }, { limit: '*' }])).toBe(true);
    expect(inRange(semver, '1.5.0', [{ introduced: '1.0.0' }, { fixed: '1.2.0' }, { limit: '2.0.0' }])).toBe(false);
  });

  it('uses the scheme order, not string order', () => {
    expect(inRange(pep440, '1.10', [{ introduced: '1.2' }, { fixed: '1.11' }])).toBe(true);
    expect(inRange(pep440, '1.11.0', [{ introduced: '1.2' }, { fixed: '1.11' }])).toBe(false);
    expect(inRange(maven, '2.9.10.4', [{ introduced: '2.9.0' }, { fixed: '2.9.10.4' }])).toBe(false);
    expect(inRange(maven, '2.9.10.4-SNAPSHOT', [{ introduced: '2.9.0' }, { fixed: '2.9.10.4' }])).toBe(true);
  });
});

describe('isAffected', () => {
  it('versions list only: listed versions, and scheme-equal spellings of them', () => {
    const a = { versions: ['1.0', '1.1'] };
    expect(isAffected('Maven', '1.1', a)).toBe(true);
    expect(isAffected('Maven', '1.0.0', a)).toBe(true); // Maven: 1.0 == 1.0.0
    expect(isAffected('Maven', '1.2', a)).toBe(false);
    expect(isAffected('PyPI', '1.1.0', a)).toBe(true);
    expect(isAffected('npm', '1.2.0', a)).toBe(false);
  });

  it('ranges or versions: a version is affected by either', () => {
    const a = { ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '2.0' }, { fixed: '2.5' }] }], versions: ['1.0'] };
    expect(isAffected('PyPI', '1.0', a)).toBe(true);
    expect(isAffected('PyPI', '2.3', a)).toBe(true);
    expect(isAffected('PyPI', '1.5', a)).toBe(false);
  });

  it('Linux distributions: epochs, revisions, tildes', () => {
    const deb = { ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1:2.0-1' }] }] };
    expect(isAffected('Debian:12', '9.9-1', deb)).toBe(true); // epoch 0 < 1
    expect(isAffected('Debian:12', '1:2.0-1~deb12u1', deb)).toBe(true);
    expect(isAffected('Ubuntu:22.04:LTS', '1:2.0-1ubuntu1', deb)).toBe(false);
    const alma = { ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1:1.1.1k-6.el8_5' }] }] };
    expect(isAffected('AlmaLinux:8', '1:1.1.1k-5.el8_5', alma)).toBe(true);
    expect(isAffected('AlmaLinux:8', '1:1.1.1k-6.el8_5', alma)).toBe(false);
    expect(isAffected('AlmaLinux:8', '1.1.1k-7.el8', alma)).toBe(true); // no epoch = epoch 0
    const apk = { ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.2.3-r2' }] }] };
    expect(isAffected('Alpine:v3.19', '1.2.3-r1', apk)).toBe(true);
    expect(isAffected('Alpine:v3.19', '1.2.3_rc1-r5', apk)).toBe(true);
    expect(isAffected('Alpine:v3.19', '1.2.3_p1-r0', apk)).toBe(false);
  });

  it('Go: v prefix, toolchain names of the standard library, pseudo-versions', () => {
    const stdlib = { ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.20.10' }, { introduced: '1.21.0-0' }, { fixed: '1.21.3' }] }] };
    expect(isAffected('Go', 'go1.21.2', stdlib)).toBe(true);
    expect(isAffected('Go', 'go1.21rc2', stdlib)).toBe(true);
    expect(isAffected('Go', 'go1.21.3', stdlib)).toBe(false);
    expect(isAffected('Go', 'go1.20.10', stdlib)).toBe(false);
    expect(isAffected('Go', 'v1.19.0', stdlib)).toBe(true);
    const xsys = { ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '0.0.0-20220412211240-33da011f77ad' }] }] };
    expect(isAffected('Go', 'v0.0.0-20220114195835-da31bd327af9', xsys)).toBe(true);
    expect(isAffected('Go', 'v0.0.0-20220520151302-bc2c85ada10a', xsys)).toBe(false);
    expect(isAffected('Go', 'v0.1.0', xsys)).toBe(false);
  });

  it('undefined when it cannot tell: unknown ecosystem, GIT-only ranges, malformed version', () => {
    const eco = { ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0' }] }] };
    expect(isAffected('FreeBSD:ports', '1.0', eco)).toBeUndefined();
    expect(isAffected('FreeBSD:ports', '1.0', { ...eco, versions: ['1.0'] })).toBe(true);
    const git = { ranges: [{ type: 'GIT', events: [{ introduced: '0' }, { fixed: 'a'.repeat(40) }] }] };
    expect(isAffected('PyPI', '1.0', git)).toBeUndefined();
    expect(isAffected('PyPI', '1.0', { ...git, versions: ['0.9'] })).toBe(false); // the list answers for GIT ranges
    expect(isAffected('Debian:12', 'not-a-version', eco)).toBeUndefined();
  });

  it('an entry with neither ranges nor versions affects nothing', () => {
    expect(isAffected('npm', '1.0.0', {})).toBe(false);
  });

  it('compileAffected gives the same answers as isAffected, for reuse across packages', () => {
    const a = { ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '4.0' }, { fixed: '4.17.21' }] }] };
    const test = compileAffected('npm', a);
    for (const v of ['3.9.0', '4.0.0', '4.17.20', '4.17.21', '5.0.0']) expect(test(v), v).toBe(isAffected('npm', v, a));
  });
});

describe('schemeFor', () => {
  it('maps OSV ecosystem names, with or without their suffixes', () => {
    const ids = (names: string[]): (string | undefined)[] => names.map((n) => schemeFor(n)?.id);
    expect(ids(['npm', 'crates.io', 'Hex', 'SwiftURL', 'Go', 'NuGet', 'Pub', 'PyPI', 'Maven', 'Maven:https://maven.google.com', 'RubyGems', 'Packagist', 'CRAN', 'Hackage']))
      .toEqual(['semver', 'semver', 'semver', 'semver', 'go', 'nuget', 'pub', 'pep440', 'maven', 'maven', 'rubygems', 'packagist', 'cran', 'hackage']);
    expect(ids(['Debian:12', 'Ubuntu:Pro:18.04:LTS', 'Red Hat:rhel_aus:8.4::appstream', 'AlmaLinux:9', 'Rocky Linux:8', 'SUSE:Linux Enterprise Server 15 SP5', 'openSUSE:Leap 15.5', 'Amazon Linux:2023']))
      .toEqual(['debian', 'debian', 'rpm', 'rpm', 'rpm', 'rpm', 'rpm', 'rpm']);
    expect(ids(['Alpine:v3.19', 'Wolfi', 'Chainguard', 'Root:Alpine:3.18', 'Root:PyPI'])).toEqual(['alpine', 'alpine', 'alpine', 'alpine', 'pep440']);
    expect(ids(['OSS-Fuzz', 'Linux', 'GIT', ''])).toEqual([undefined, undefined, undefined, undefined]);
  });
});
