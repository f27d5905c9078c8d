import { canonicalAdvisory } from '../shared/advisory-id.js';
/** Reference URLs that name exactly one CVE record (NVD, cve.org, MITRE), as trivy/vulnerabilities.ts reads them. */
const CVE_URL = /^https?:\/\/(?:nvd\.nist\.gov\/vuln\/detail\/|www\.cve\.org\/CVERecord\?id=|cve\.mitre\.org\/cgi-bin\/cvename\.cgi\?name=)(CVE-\d{4}-\d{4,})\/?$/i;
/**
 * The id a vulnerability is known by everywhere (shared/advisory-id.ts): the CVE when the record names
 * exactly one, among its own id, its aliases (`references[].id`) and the CVE records its advisory URLs
 * point at, so a GHSA, SNYK or OSS Index record and Trivy's CVE record are one finding.
 */
export function canonicalId(id, aliasIds, urls) {
    const fromUrls = urls.flatMap((u) => {
        const m = CVE_URL.exec(u.trim());
        return m ? [m[1]] : [];
    });
    return canonicalAdvisory(id, [...aliasIds, ...fromUrls]);
}
//# sourceMappingURL=advisory-id.js.map