import { describe, expect, it } from 'vitest';
import { canonicalAdvisory } from './advisory-id.js';

describe('canonicalAdvisory', () => {
  it('keeps a CVE, upper-cased, with the other ids as aliases', () => {
    expect(canonicalAdvisory('cve-2021-23337', ['GHSA-35jh-r3h4-6jhm', 'CVE-2021-23337'])).toEqual({ id: 'CVE-2021-23337', aliases: ['GHSA-35jh-r3h4-6jhm'] });
  });
  it('promotes the one CVE among related ids', () => {
    expect(canonicalAdvisory('GHSA-35jh-r3h4-6jhm', ['PYSEC-1', 'CVE-2021-23337'])).toEqual({ id: 'CVE-2021-23337', aliases: ['GHSA-35jh-r3h4-6jhm', 'PYSEC-1'] });
    expect(canonicalAdvisory('ALAS-2023-1', ['CVE-2023-1111'])).toEqual({ id: 'CVE-2023-1111', aliases: ['ALAS-2023-1'] });
  });
  it('keeps the primary id when two CVEs or none are named', () => {
    expect(canonicalAdvisory('GHSA-aaaa-bbbb-cccc', ['CVE-2099-1111', 'CVE-2099-2222']).id).toBe('GHSA-aaaa-bbbb-cccc');
    expect(canonicalAdvisory('MAL-2023-1035', ['GHSA-8348-2q94-ffjx'])).toEqual({ id: 'MAL-2023-1035', aliases: ['GHSA-8348-2q94-ffjx'] });
  });
});
