import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
/**
 * Published CVSS scores to test our calculators against, never produced by them: the worked examples of
 * FIRST's "CVSS v3.1 Examples" document, and every (vector, base score) pair that NVD, CVE records and
 * scanners (GHSA, Red Hat, NVD via Trivy) published in the shared corpus.
 */
/** FIRST, CVSS v3.1 Examples: [vulnerability, base vector (without prefix), published base score]. */
export const SPEC_V31_EXAMPLES = [
    ['CVE-2013-1937 phpMyAdmin reflected XSS', 'AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
    ['CVE-2013-0375 MySQL stored SQL injection', 'AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N', 6.4],
    ['CVE-2014-3566 SSLv3 POODLE', 'AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N', 3.1],
    ['CVE-2012-1516 VMware guest to host escape', 'AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9],
    ['CVE-2009-0783 Apache Tomcat XML parser', 'AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L', 4.2],
    ['CVE-2012-0384 Cisco IOS arbitrary command execution', 'AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 8.8],
    ['CVE-2015-1098 Apple iWork denial of service', 'AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 7.8],
    ['CVE-2014-0160 OpenSSL Heartbleed', 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5],
    ['CVE-2014-6271 GNU Bash Shellshock', 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVE-2008-1447 DNS Kaminsky bug', 'AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N', 6.8],
    ['CVE-2014-2005 Sophos login screen bypass', 'AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 6.8],
    ['CVE-2010-0467 Joomla directory traversal', 'AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N', 5.8],
    ['CVE-2012-1342 Cisco access-list bypass', 'AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:L/A:N', 5.8],
    ['CVE-2013-6014 Juniper proxy ARP denial of service', 'AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H', 9.3],
    ['CVE-2014-9253 DokuWiki reflected XSS', 'AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N', 5.4],
    ['CVE-2011-1265 Microsoft Windows Bluetooth RCE', 'AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 8.8],
    ['CVE-2014-2019 Apple iOS security control bypass', 'AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N', 4.6],
    ['CVE-2015-0970 SearchBlox CSRF', 'AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 8.8],
    ['CVE-2014-0224 OpenSSL CCS injection', 'AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N', 7.4],
    ['CVE-2016-1645 Google Chrome PDFium JPEG 2000 RCE', 'AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 8.8],
    ['CVE-2016-0128 Windows SAMBA Badlock', 'AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:N', 6.8],
];
export const CORPUS = join(process.cwd(), '..', 'shared', 'corpus');
/** Directories of the corpus whose JSON carries published (vector, score) pairs. */
export const PAIR_DIRS = [join(CORPUS, 'intel'), join(CORPUS, 'defectdojo', 'trivy')];
function collect(node, out) {
    if (Array.isArray(node)) {
        for (const v of node)
            collect(v, out);
        return;
    }
    if (typeof node !== 'object' || node === null)
        return;
    const o = node;
    // NVD cvssData / CVE JSON 5 cvssV3_1, cvssV4_0: vectorString + baseScore; Trivy: V3Vector/V3Score, V40Vector/V40Score.
    for (const [vector, score] of [['vectorString', 'baseScore'], ['V3Vector', 'V3Score'], ['V40Vector', 'V40Score']]) {
        const v = o[vector];
        const s = o[score];
        if (typeof v === 'string' && typeof s === 'number' && /^CVSS:[34]\./.test(v))
            out.set(v, s);
    }
    for (const v of Object.values(o))
        collect(v, out);
}
/** Every published (vector → base score) pair in the given corpus directories, JSON files walked. */
export function publishedScores(dirs = PAIR_DIRS) {
    const out = new Map();
    const walk = (dir) => {
        for (const name of readdirSync(dir)) {
            const path = join(dir, name);
            if (statSync(path).isDirectory())
                walk(path);
            else if (name.endsWith('.json')) {
                try {
                    collect(JSON.parse(readFileSync(path, 'utf8')), out);
                }
                catch {
                    // Some corpus files are deliberately broken reports; they hold no pairs to check.
                }
            }
        }
    };
    for (const dir of dirs)
        if (existsSync(dir))
            walk(dir);
    return out;
}
/** The metrics of a vector in a canonical order, so `CVSS:3.0/...` and `CVSS:3.1/...` forms compare. */
export function metricsKey(vector) {
    return vector.split('/').slice(1).sort().join('/');
}
//# sourceMappingURL=cvss-oracle.js.map