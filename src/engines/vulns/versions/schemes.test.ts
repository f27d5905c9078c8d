import { describe, expect, it } from 'vitest';
import {
  alpine, cran, debian, fromGoToolchain, go, hackage, isGoPseudoVersion, maven, nuget, packagist, pep440, pub, rpm, rubygems, semver,
  type ParsingScheme,
} from './index.js';

const ALL: ParsingScheme<unknown>[] = [alpine, cran, debian, go, hackage, maven, nuget, packagist, pep440, pub, rpm, rubygems, semver];

/** Sorted ascending by `scheme` must give exactly `ordered`. */
function expectOrder(scheme: ParsingScheme<unknown>, ordered: string[]): void {
  const shuffled = [...ordered].reverse();
  expect(shuffled.sort((a, b) => scheme.compare(a, b))).toEqual(ordered);
}

describe('scheme orderings beyond the shared fixtures', () => {
  it('Go: +incompatible is build metadata; pseudo-versions sort before the release they precede', () => {
    expect(go.compare('v2.0.0+incompatible', 'v2.0.0')).toBe(0);
    expectOrder(go, [
      'v1.2.3', 'v1.2.4-0.20191109021931-daa7c04131f5', 'v1.2.4-0.20200101000000-0123456789ab', 'v1.2.4-rc.1', 'v1.2.4', 'v2.0.0+incompatible', 'v2.1.0',
    ]);
    expect(isGoPseudoVersion('v0.0.0-20220412211240-33da011f77ad')).toBe(true);
    expect(isGoPseudoVersion('v1.2.4-0.20191109021931-daa7c04131f5')).toBe(true);
    expect(isGoPseudoVersion('v1.2.4-pre.0.20191109021931-daa7c04131f5')).toBe(true);
    expect(isGoPseudoVersion('v1.2.4-rc.1')).toBe(false);
    expect(['go1.21.3', 'go1.22rc1', 'go1.9beta2', 'go1.20', 'v1.2.3'].map(fromGoToolchain)).toEqual(['1.21.3', '1.22.0-rc.1', '1.9.0-beta.2', '1.20.0', 'v1.2.3']);
  });

  it('NuGet: four numeric parts, case-insensitive prerelease, build ignored', () => {
    expectOrder(nuget, ['1.0.0-ALPHA', '1.0.0-beta', '1.0.0', '1.0.0.1', '1.0.1', '1.0.10']);
    expect(nuget.compare('1.0.0-Beta.1', '1.0.0-beta.1+sha.abc')).toBe(0);
  });

  it('PEP 440: normalised spellings are equal', () => {
    for (const [a, b] of [['1.0', '1.0.0'], ['1.0a1', '1.0.alpha1'], ['1.0c1', '1.0rc1'], ['1.0-1', '1.0.post1'], ['v1.0', '1.0'], ['1!2.0', '1!2']]) {
      expect(pep440.compare(a ?? '', b ?? ''), `${a} = ${b}`).toBe(0);
    }
    expectOrder(pep440, ['1.0.dev1', '1.0a1.dev1', '1.0a1', '1.0b2', '1.0rc1', '1.0', '1.0+local.7', '1.0.post1.dev1', '1.0.post1', '1.1', '1!0.1']);
  });

  it('Maven: qualifier ladder and Jetty/Netty style versions', () => {
    expectOrder(maven, ['1.0-alpha-1', '1.0-beta-1', '1.0-M1', '1.0-RC1', '1.0-SNAPSHOT', '1.0', '1.0-sp1', '1.0-zzz', '1.0.1']);
    expect(maven.compare('4.0.28.Final', '4.0.28')).toBe(0);
    expect(maven.compare('9.4.33.v20201020', '9.4.33')).toBeGreaterThan(0);
    expect(maven.compare('9.4.33.v20201020', '9.4.34.v20201102')).toBeLessThan(0);
  });

  it('dpkg and rpm: tilde before everything, caret after the base (rpm)', () => {
    expectOrder(debian, ['1.0~rc1', '1.0', '1.0-1', '1.0+dfsg', '1.0+dfsg-1', '1:0.1']);
    expectOrder(rpm, ['1.0~rc1', '1.0', '1.0^git1', '1.0.1', '1:0.1']);
  });

  it('RubyGems, Packagist, Pub, CRAN, Hackage: their own prerelease conventions', () => {
    expectOrder(rubygems, ['1.0.0.a', '1.0.0.pre.1', '1.0.0.rc1', '1.0.0', '1.0.1']);
    expect(rubygems.compare('1.0.0-rc1', '1.0.0.pre.rc1')).toBe(0);
    expectOrder(packagist, ['1.0.0-dev', '1.0.0-alpha1', '1.0.0-beta2', '1.0.0-RC1', '1.0.0', '1.0.0-p1', '1.0.1']);
    expectOrder(pub, ['1.0.0-dev', '1.0.0', '1.0.0+1', '1.0.0+2', '1.0.0+10']);
    expectOrder(cran, ['1.0', '1.0-1', '1.0.2', '1.1']);
    expectOrder(hackage, ['1', '1.0', '1.0.0', '1.0.1']);
  });
});

describe('isValid', () => {
  const cases: [ParsingScheme<unknown>, string[], string[]][] = [
    [semver, ['1.2.3', 'v1.2.3', '1.2.3-rc.1+build.5', '1.2'], ['', 'abc', '1.2.3.4', '1.2.3-', '1.2.3-rc..1', '1.2.3 beta']],
    [go, ['v1.2.3', '1.2.3', 'v2.0.0+incompatible', 'v0.0.0-20220412211240-33da011f77ad', 'go1.21rc2'], ['v01.2.3', 'v1.2.3-01', 'latest', '']],
    [nuget, ['1.0.0.1', '1.0.0-Beta'], ['1.0.0.0.1', 'x']],
    [pub, ['1.2.3+build'], ['1.2']],
    [pep440, ['1.0', '1!2.0.post1.dev3+local.1', 'v1.0rc1'], ['0.1-bulbasaur', 'not a version', '1.0+']],
    [maven, ['1.0', '9.4.33.v20201020', '1.0-SNAPSHOT'], ['', '-1', '1.0 final']],
    [rubygems, ['1.0.0', '3.21.0.rc.1', '1.0-beta'], ['1.0.0_1', 'a.b']],
    [packagist, ['v1.0.0', '1.0.0-beta1', 'dev-main'], ['', '1.0 beta']],
    [debian, ['1.0', '1:2.3-4ubuntu1', '2.7.4+reloaded2-13+deb9u1', '1.0~rc1-1'], ['', 'a1.0', 'x:1.0', '1.0-1_2', '1.0 1']],
    [rpm, ['1.0-1.el8', '1:3.0.1-41.el9_0', '1.0^git1'], ['', '1.0 1', 'a:b:c']],
    [alpine, ['1.2.3-r0', '1.2.3_rc1-r2', '2.3.0b-r1', '1.0_p1'], ['', 'a', '1.2.3-r', '1..2', '1.2.3-1', '1.0A']],
    [cran, ['1.0-2', '0.3.2.0'], ['1', '1.0a']],
    [hackage, ['1', '0.1.26.0'], ['1.0-1', '']],
  ];
  for (const [scheme, valid, invalid] of cases) {
    it(scheme.id, () => {
      for (const v of valid) expect(scheme.isValid(v), `${scheme.id} valid ${v}`).toBe(true);
      for (const v of invalid) expect(scheme.isValid(v), `${scheme.id} invalid ${v}`).toBe(false);
    });
  }
});

describe('every scheme', () => {
  const junk = ['', ' ', '0', '-', '.', ':', '~', '^', '+', 'v', 'a:b:c', '1..2', '1--r', '999999999999999999999999.1', 'αβγ', '1.0.0-r0-_~^+rc'];
  for (const scheme of ALL) {
    it(`${scheme.id}: total, antisymmetric, consistent with its parsed form`, () => {
      for (const a of junk) {
        for (const b of junk) {
          const ab = Math.sign(scheme.compare(a, b));
          expect(Math.sign(scheme.compare(b, a)), `${scheme.id}: ${a} vs ${b}`).toBe(-ab || 0);
          expect(Math.sign(scheme.compareParsed(scheme.parse(a), scheme.parse(b)))).toBe(a === b ? 0 : ab);
        }
        expect(scheme.compare(a, a)).toBe(0);
      }
    });
  }
});
