import { AFFECTS } from '../trivy/affects.js';
import { CVES } from '../trivy/cves.js';
/** Advisories the Trivy reports also carry: [record id, CVE, ecosystem, package, other ids]. */
const REPEATED = [
    ['DEBIAN-CVE-2024-6119', 'CVE-2024-6119', 'debian', 'openssl'],
    ['DEBIAN-CVE-2023-4911', 'CVE-2023-4911', 'debian', 'glibc'],
    ['DEBIAN-CVE-2024-7264', 'CVE-2024-7264', 'debian', 'curl'],
    ['ALPINE-CVE-2023-42363', 'CVE-2023-42363', 'alpine', 'busybox'],
    ['GHSA-rv95-896h-c2vc', 'CVE-2024-29041', 'npm', 'express'],
    ['GHSA-pxg6-pf52-xh8x', 'CVE-2024-47764', 'npm', 'cookie'],
    ['GHSA-9wx4-h78v-vm56', 'CVE-2024-35195', 'pip', 'requests'],
    ['GHSA-jfh8-c2jp-5v3q', 'CVE-2021-44228', 'jar', 'org.apache.logging.log4j:log4j-core'],
];
/** Advisories published after the scans (January 2025), with the catalog version that fixes them. */
const FRESH = [
    ['DEBIAN-CVE-2024-33600', 'CVE-2024-33600', 'debian', 'glibc', '2.36-9+deb12u7', [], {
            severity: 'MEDIUM', score: 5.3, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L', cwe: 'CWE-476', published: '2025-01-20',
            title: 'glibc: nscd null pointer crash after a netgroup cache miss', description: 'A not-found netgroup response can make nscd dereference a null pointer and stop serving lookups.'
        }],
    ['DEBIAN-CVE-2024-8096', 'CVE-2024-8096', 'debian', 'curl', '7.88.1-10+deb12u8', [], {
            severity: 'MEDIUM', score: 6.5, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N', cwe: 'CWE-295', published: '2025-01-21',
            title: 'curl: OCSP stapling bypass with GnuTLS', description: 'With GnuTLS, a revoked certificate passes when the stapled OCSP response is not a success.'
        }],
    ['DEBIAN-CVE-2024-5535', 'CVE-2024-5535', 'debian', 'openssl', '3.0.15-1~deb12u1', [], {
            severity: 'MEDIUM', score: 5.9, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N', cwe: 'CWE-200', published: '2025-01-22',
            title: 'openssl: buffer overread in SSL_select_next_proto', description: 'An empty client protocol list makes SSL_select_next_proto read past its buffer and may leak memory to the peer.'
        }],
    ['ALPINE-CVE-2023-42366', 'CVE-2023-42366', 'alpine', 'busybox', '1.36.1-r20', [], {
            severity: 'MEDIUM', score: 5.5, vector: 'CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H', cwe: 'CWE-122', published: '2025-01-23',
            title: 'busybox: heap overflow in awk next_token', description: 'A crafted awk program overflows a heap buffer in the busybox awk tokenizer.'
        }],
    ['GHSA-5hgc-2vfp-mqvc', 'CVE-2024-45230', 'pip', 'django', '4.2.16', [], {
            severity: 'HIGH', score: 7.5, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', cwe: 'CWE-1333', published: '2025-01-24',
            title: 'django: denial of service in urlize and urlizetrunc', description: 'Very large inputs with many brackets make urlize and urlizetrunc take excessive time.'
        }],
    ['GHSA-gmj6-6f8f-6699', 'CVE-2024-56201', 'pip', 'jinja2', null, [], {
            severity: 'MEDIUM', score: 5.4, vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N', cwe: 'CWE-150', published: '2025-01-27',
            title: 'jinja2: sandbox escape through a crafted template file name', description: 'A template whose file name and contents an attacker controls can run code outside the sandbox.'
        }],
    ['GO-2024-3333', 'CVE-2024-45338', 'gobinary', 'golang.org/x/net', null, ['GHSA-w32m-9786-jp63'], {
            severity: 'MEDIUM', score: 5.3, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L', cwe: 'CWE-1333', published: '2025-01-28',
            title: 'golang.org/x/net/html: quadratic parsing of some inputs', description: 'Crafted HTML makes the html package parse in quadratic time, a denial of service.'
        }],
];
function repeated([id, cve, ecosystem, pkg, related]) {
    const affect = AFFECTS.get(`${ecosystem}:${pkg}`)?.find((a) => a.cve === cve);
    const meta = CVES.get(cve);
    if (!affect || !meta)
        throw new Error(`demo advisory ${id}: ${cve} on ${ecosystem} ${pkg} is not in the advisory pool`);
    // Trivy shows the real fix when the catalog lacks it; a record lists one fix, the first if several.
    const fixed = affect.shown?.split(',')[0]?.trim() ?? affect.firstFixed;
    return { id, cve, related: related ?? [], ecosystem, pkg, firstFixed: affect.firstFixed, fixed, fresh: false, meta };
}
export const DEMO_ADVISORIES = [
    ...REPEATED.map(repeated),
    ...FRESH.map(([id, cve, ecosystem, pkg, firstFixed, related, meta]) => ({ id, cve, related, ecosystem, pkg, firstFixed, fixed: firstFixed, fresh: true, meta: { id: cve, ...meta } })),
];
const OSV_ECOSYSTEM = {
    debian: 'Debian:12', alpine: 'Alpine:v3.19', npm: 'npm', pip: 'PyPI', jar: 'Maven', gobinary: 'Go',
};
/** Go records compare module versions without the `v` the binaries print. */
const osvVersion = (ecosystem, v) => (ecosystem === 'gobinary' ? v.replace(/^v/, '') : v);
/** The advisory as an OSV record (schema 1.6), as osv.dev serves it. */
export function osvRecord(a) {
    const distro = a.ecosystem === 'debian' || a.ecosystem === 'alpine';
    const published = `${a.meta.published}T00:00:00Z`;
    const events = [{ introduced: '0' }];
    if (a.fixed)
        events.push({ fixed: osvVersion(a.ecosystem, a.fixed) });
    const tracker = a.ecosystem === 'debian' ? `https://security-tracker.debian.org/tracker/${a.cve}`
        : a.ecosystem === 'alpine' ? `https://security.alpinelinux.org/vuln/${a.cve}`
            : a.ecosystem === 'gobinary' ? `https://pkg.go.dev/vuln/${a.id}` : `https://github.com/advisories/${a.id}`;
    return {
        schema_version: '1.6.0',
        id: a.id,
        modified: published,
        published,
        ...(distro ? { upstream: [a.cve] } : { aliases: [a.cve, ...a.related] }),
        summary: a.meta.title,
        details: a.meta.description,
        ...(distro ? {} : { severity: [{ type: 'CVSS_V3', score: a.meta.vector }] }),
        affected: [{
                package: { ecosystem: OSV_ECOSYSTEM[a.ecosystem], name: a.pkg },
                ranges: [{ type: a.ecosystem === 'gobinary' ? 'SEMVER' : 'ECOSYSTEM', events }],
                ...(distro ? {} : { database_specific: { cwe_ids: [a.meta.cwe] } }),
            }],
        references: [{ type: 'ADVISORY', url: tracker }, { type: 'WEB', url: `https://nvd.nist.gov/vuln/detail/${a.cve}` }],
    };
}
//# sourceMappingURL=advisories.js.map