import { describe, expect, it } from 'vitest';
import { advisoryFromOsv } from './advisory.js';

const base = { id: 'GHSA-xxxx-yyyy-zzzz', modified: '2024-02-16T07:55:08.550842Z', published: '2024-01-01T00:00:00Z' };

describe('OSV record → advisory row', () => {
  it('keeps affected and references verbatim, and aliases once each', () => {
    const affected = [{ package: { ecosystem: 'npm', name: 'lodash' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }], ecosystem_specific: { x: [1, 2] } }];
    const references = [{ type: 'ADVISORY', url: 'https://example.org/a' }];
    const row = advisoryFromOsv({ ...base, aliases: ['CVE-2021-1', 'CVE-2021-1', 'PYSEC-1'], affected, references, extra: true }, 'f.json');
    expect(row.affected).toEqual(affected);
    expect(row.refs).toEqual(references);
    expect(row.aliases).toEqual(['CVE-2021-1', 'PYSEC-1']);
    expect(row.modified).toBe('2024-02-16T07:55:08.550842Z');
  });

  it('prefers a v3 vector, falls back to v4 and to per-package severity', () => {
    const v3 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N'; // Heartbleed, 7.5 in the v3.1 examples
    const v4 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';
    const both = advisoryFromOsv({ ...base, severity: [{ type: 'CVSS_V4', score: v4 }, { type: 'CVSS_V3', score: v3 }] }, 'f');
    expect([both.cvssVector, both.cvssScore, both.severity]).toEqual([v3, 7.5, 'high']);
    const only4 = advisoryFromOsv({ ...base, severity: [{ type: 'CVSS_V4', score: v4 }] }, 'f');
    expect(only4.cvssVector).toBe(v4);
    const perPackage = advisoryFromOsv({ ...base, affected: [{ package: { ecosystem: 'PyPI', name: 'x' }, severity: [{ type: 'CVSS_V3', score: v3 }] }] }, 'f');
    expect(perPackage.cvssScore).toBe(7.5);
  });

  it('keeps a vector it cannot score, and then takes the feed label', () => {
    const row = advisoryFromOsv({ ...base, severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N' }], database_specific: { severity: 'MODERATE' } }, 'f');
    expect([row.cvssVector, row.cvssScore, row.severity]).toEqual(['CVSS:3.1/AV:N', null, 'medium']);
    const ubuntu = advisoryFromOsv({ ...base, severity: [{ type: 'Ubuntu', score: 'negligible' }] }, 'f');
    expect(ubuntu.severity).toBe('info');
    expect(advisoryFromOsv(base, 'f').severity).toBeNull();
  });

  it("reads Go's zero time and a missing modified as unset", () => {
    const row = advisoryFromOsv({ id: 'GO-2020-0001', modified: '0001-01-01T00:00:00Z', published: '0001-01-01T00:00:00Z' }, 'f');
    expect([row.modified, row.published]).toEqual([null, null]);
    expect(advisoryFromOsv({ id: 'MAL-1' }, 'f').modified).toBeNull();
  });

  it.each([
    ['not an object', [1, 2], /f\.json: OSV record: /],
    ['no id', { modified: base.modified }, /f\.json: OSV record field id: /],
    ['a bad timestamp', { ...base, modified: 'yesterday' }, /field modified: expected an RFC 3339 timestamp/],
    ['aliases not strings', { ...base, aliases: [1] }, /field aliases\.0: /],
    ['affected not a list', { ...base, affected: { package: {} } }, /field affected: /],
    ['a severity without score', { ...base, severity: [{ type: 'CVSS_V3' }] }, /field severity\.0\.score: /],
  ])('rejects a record with %s, naming the file and field', (_what, doc, error) => {
    expect(() => advisoryFromOsv(doc, 'f.json')).toThrow(error);
  });
});
