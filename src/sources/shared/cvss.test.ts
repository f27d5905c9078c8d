import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cvssBaseScore, cvssSeverity } from './cvss.js';
import { DOJO_DIR } from './dojo-corpus.js';

describe('cvssBaseScore', () => {
  it('scores CVSS 3.x vectors as NVD does', () => {
    expect(cvssBaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBe(9.8);
    expect(cvssBaseScore('CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H')).toBe(9.9);
    expect(cvssBaseScore('CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L')).toBe(5.3);
    expect(cvssBaseScore('CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N')).toBe(5.5);
    expect(cvssBaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N')).toBe(0);
  });
  it('scores CVSS 2 vectors', () => {
    expect(cvssBaseScore('AV:N/AC:L/Au:N/C:P/I:P/A:P')).toBe(7.5);
    expect(cvssBaseScore('AV:L/AC:L/Au:N/C:C/I:C/A:C')).toBe(7.2);
    expect(cvssBaseScore('AV:N/AC:M/Au:N/C:N/I:P/A:N')).toBe(4.3);
  });
  it('gives nothing for CVSS 4, broken or missing vectors', () => {
    expect(cvssBaseScore('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toBeUndefined();
    expect(cvssBaseScore('CVSS:3.1/AV:N/AC:L')).toBeUndefined();
    expect(cvssBaseScore('CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBeUndefined();
    expect(cvssBaseScore(null)).toBeUndefined();
  });
  it('rates v3 on its scale and v2 with no critical', () => {
    expect(cvssSeverity('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBe('critical');
    expect(cvssSeverity('AV:N/AC:L/Au:N/C:C/I:C/A:C')).toBe('high'); // 10.0
    expect(cvssSeverity('CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N')).toBe('low');
  });
});

/**
 * Every v3/v2 vector with a base score in Grype's and Snyk's samples (scored by NVD, GitHub and Snyk) must
 * score the same; Snyk's vectors carry temporal metrics, which the base score ignores.
 */
const GRYPE = join(DOJO_DIR, 'anchore_grype');
const SNYK = join(DOJO_DIR, 'snyk');
describe.skipIf(!existsSync(GRYPE))(existsSync(GRYPE) ? 'cvssBaseScore against the scores in Grype\'s and Snyk\'s samples'
  : 'cvss corpus check: skipped, ../shared/corpus/defectdojo not found', () => {
  it('agrees with every scored vector', () => {
    const pairs = new Map<string, number>();
    const visit = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object') {
        const o = v as { vector?: unknown; metrics?: { baseScore?: unknown }; CVSSv3?: unknown; cvssScore?: unknown };
        if (typeof o.vector === 'string' && typeof o.metrics?.baseScore === 'number') pairs.set(o.vector, o.metrics.baseScore);
        if (typeof o.CVSSv3 === 'string' && typeof o.cvssScore === 'number') pairs.set(o.CVSSv3, o.cvssScore);
        Object.values(v).forEach(visit);
      }
    };
    for (const dir of [GRYPE, SNYK]) for (const f of readdirSync(dir)) visit(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    const scored = [...pairs].filter(([vector]) => /^CVSS:3\.[01]\/|^AV:/.test(vector));
    expect(scored.length).toBeGreaterThan(100);
    expect(scored.filter(([vector, score]) => cvssBaseScore(vector) !== score)).toEqual([]);
  });
});
