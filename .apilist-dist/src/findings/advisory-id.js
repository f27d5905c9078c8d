const CVE = /^CVE-\d{4}-\d{4,}$/i;
/** Reference URLs that name exactly one CVE record (NVD, cve.org, MITRE). */
const CVE_URL = /^https?:\/\/(?:nvd\.nist\.gov\/vuln\/detail\/|www\.cve\.org\/CVERecord\?id=|cve\.mitre\.org\/cgi-bin\/cvename\.cgi\?name=)(CVE-\d{4}-\d{4,})\/?$/i;
/** True for a CVE id (`CVE-2024-1234`), any case. */
export function isCveId(id) {
    return CVE.test(id);
}
/**
 * The id a vulnerability is known by everywhere, so that every tool's finding for it shares one fingerprint:
 * the id itself when it is a CVE; else the CVE when its related ids (aliases, vendor ids) and the CVE-record
 * URLs among its references name exactly one; else the id. Two or more CVEs are ambiguous (one advisory
 * fixing several) and keep the record's own id.
 */
export function canonicalAdvisoryId(id, relatedIds, referenceUrls = []) {
    if (CVE.test(id))
        return id;
    const cves = new Set();
    for (const related of relatedIds)
        if (CVE.test(related))
            cves.add(related.toUpperCase());
    for (const url of referenceUrls) {
        const m = CVE_URL.exec(url.trim());
        if (m)
            cves.add(m[1].toUpperCase());
    }
    if (cves.size !== 1)
        return id;
    const [cve] = cves;
    return cve;
}
//# sourceMappingURL=advisory-id.js.map