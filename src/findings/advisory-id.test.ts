import { describe, expect, it } from 'vitest';
import { canonicalAdvisoryId, isCveId } from './advisory-id.js';

describe('canonicalAdvisoryId', () => {
  it('keeps a CVE id as it is', () => {
    expect(canonicalAdvisoryId('CVE-2021-44228', ['GHSA-jfh8-c2jp-5v3q'])).toBe('CVE-2021-44228');
  });

  it('promotes the one CVE among the aliases', () => {
    expect(canonicalAdvisoryId('GHSA-35jh-r3h4-6jhm', ['CVE-2021-23337'])).toBe('CVE-2021-23337');
    expect(canonicalAdvisoryId('GO-2022-0969', ['cve-2022-27664', 'GHSA-69cg-p879-7622'])).toBe('CVE-2022-27664');
  });

  it('reads the CVE record URL among the references when no alias names it', () => {
    expect(canonicalAdvisoryId('GHSA-aaaa-bbbb-cccc', [], ['https://nvd.nist.gov/vuln/detail/CVE-2020-1234 ', 'https://example.com/CVE-2099-1']))
      .toBe('CVE-2020-1234');
    // A page that mentions a CVE is not the CVE record.
    expect(canonicalAdvisoryId('GHSA-aaaa-bbbb-cccc', [], ['https://example.com/advisory/CVE-2020-1234'])).toBe('GHSA-aaaa-bbbb-cccc');
  });

  it('keeps its own id when two CVEs are named, or none', () => {
    expect(canonicalAdvisoryId('DSA-5474-1', ['CVE-2023-0001', 'CVE-2023-20593'])).toBe('DSA-5474-1');
    expect(canonicalAdvisoryId('GHSA-x', ['CVE-2023-0001'], ['https://www.cve.org/CVERecord?id=CVE-2023-0002'])).toBe('GHSA-x');
    expect(canonicalAdvisoryId('MAL-2023-995', [])).toBe('MAL-2023-995');
  });

  it('counts one CVE named twice once', () => {
    expect(canonicalAdvisoryId('GHSA-x', ['CVE-2023-0001'], ['https://nvd.nist.gov/vuln/detail/CVE-2023-0001'])).toBe('CVE-2023-0001');
  });

  it('isCveId', () => {
    expect(isCveId('CVE-2024-12345')).toBe(true);
    expect(isCveId('cve-2024-1234')).toBe(true);
    expect(isCveId('CVE-24-1234')).toBe(false);
    expect(isCveId('GHSA-35jh-r3h4-6jhm')).toBe(false);
  });
});
