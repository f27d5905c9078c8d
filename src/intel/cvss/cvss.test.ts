import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cvss3BaseScore, cvss4Score, cvssScore, roundUp30, roundUp31, severityOfLabel, severityOfScore } from './index.js';
import { MACRO_SCORES } from './v4-tables.js';
import { PAIR_DIRS, SPEC_V31_EXAMPLES, publishedScores } from '../testing/cvss-oracle.js';

describe('CVSS v3.1 base score', () => {
  it.each(SPEC_V31_EXAMPLES)('%s: %s scores %s as in the specification examples', (_name, vector, score) => {
    expect(cvss3BaseScore(`CVSS:3.1/${vector}`)).toBe(score);
  });

  it('rounds up as Appendix A defines, without floating-point noise', () => {
    expect(roundUp31(4.02)).toBe(4.1);
    expect(roundUp31(4.0)).toBe(4.0);
    // 0.1 + 0.2 is 0.30000000000000004 in binary; v3.1's integer Roundup keeps it at 0.3, v3.0's ceil does not.
    expect(roundUp31(0.1 + 0.2)).toBe(0.3);
    expect(roundUp30(0.1 + 0.2)).toBe(0.4);
  });

  it('scores zero impact as 0 and ignores temporal and environmental metrics', () => {
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N')).toBe(0);
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C/CR:L/MAV:P'))
      .toBe(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'));
  });

  it.each([
    ['no prefix', 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    ['missing metric', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H'],
    ['unknown value', 'CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    ['unknown metric', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:Q'],
    ['duplicate metric', 'CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    ['v2 vector', 'AV:N/AC:L/Au:N/C:P/I:P/A:P'],
    ['v4 vector given to v3', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'],
  ])('rejects a malformed vector (%s)', (_what, vector) => {
    expect(cvss3BaseScore(vector)).toBeNull();
  });
});

describe('CVSS v4.0 score', () => {
  it('has a score for every one of the 270 macro-vectors', () => {
    expect(MACRO_SCORES.size).toBe(270);
    for (const score of MACRO_SCORES.values()) expect(score).toBeGreaterThanOrEqual(0);
    expect(MACRO_SCORES.get('000000')).toBe(10);
    expect(MACRO_SCORES.get('212221')).toBe(0.1);
  });

  it('scores no impact at all as 0, and lowers the score for unreported exploitation (E:U)', () => {
    expect(cvss4Score('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N')).toBe(0);
    const base = cvss4Score('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')!;
    expect(cvss4Score('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U')!).toBeLessThan(base);
  });

  it('rejects malformed v4 vectors', () => {
    expect(cvss4Score('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N')).toBeNull();
    expect(cvss4Score('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toBeNull();
    expect(cvss4Score('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBeNull();
  });
});

describe.skipIf(!PAIR_DIRS.some((d) => existsSync(d)))('scores published in the corpus (NVD, CVE records, GHSA, Red Hat)', () => {
  const pairs = [...publishedScores()];

  it('finds v3 and v4 pairs to check', () => {
    expect(pairs.filter(([v]) => v.startsWith('CVSS:3')).length).toBeGreaterThanOrEqual(20);
    expect(pairs.filter(([v]) => v.startsWith('CVSS:4')).length).toBeGreaterThanOrEqual(1);
  });

  it('computes every published score from its vector', () => {
    const wrong = pairs.filter(([vector, score]) => cvssScore(vector) !== score).map(([v, s]) => `${v} published ${s}, computed ${cvssScore(v)}`);
    expect(wrong).toEqual([]);
  });
});

describe('qualitative rating', () => {
  it('follows the specification scale', () => {
    expect([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(severityOfScore))
      .toEqual(['info', 'low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
  });

  it('maps feed labels, GHSA MODERATE included, and refuses unknown ones', () => {
    expect(severityOfLabel('MODERATE')).toBe('medium');
    expect(severityOfLabel('Critical')).toBe('critical');
    expect(severityOfLabel('bogus')).toBeNull();
  });
});
