/**
 * Deterministic OSV records for import benchmarks, shaped like GHSA records in OSV's all.zip: an id, a
 * CVE alias, summary and details text, a CVSS v3.1 vector, one to three affected packages with SEMVER
 * ranges, and a few references (~2-3 KB of JSON each). `revision` bumps `modified` (and the summary) of
 * every record whose index it divides, to benchmark an incremental re-import.
 */
function mix(x) {
    x = (x ^ (x >>> 16)) >>> 0;
    x = Math.imul(x, 0x7feb352d) >>> 0;
    x = (x ^ (x >>> 15)) >>> 0;
    x = Math.imul(x, 0x846ca68b) >>> 0;
    return (x ^ (x >>> 16)) >>> 0;
}
const ALPHABET = '23456789cfghjmpqrvwx';
function ghsaPart(h) {
    let s = '';
    for (let k = 0; k < 4; k++)
        s += ALPHABET[(h >>> (k * 5)) % ALPHABET.length];
    return s;
}
const ECOSYSTEMS = [['npm', 'left-pad'], ['PyPI', 'requests'], ['Maven', 'org.apache.logging.log4j:log4j-core'], ['Go', 'golang.org/x/net'],
    ['crates.io', 'hyper'], ['RubyGems', 'rack'], ['NuGet', 'Newtonsoft.Json'], ['Packagist', 'symfony/http-kernel']];
const VECTORS = ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N',
    'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N', 'CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H'];
const WORDS = ['parser', 'allows', 'remote', 'attackers', 'to', 'cause', 'a', 'denial', 'of', 'service', 'via', 'crafted', 'input',
    'heap', 'overflow', 'when', 'handling', 'malformed', 'headers', 'request', 'smuggling', 'prototype', 'pollution', 'in', 'the'];
function words(seed, n) {
    const out = [];
    for (let k = 0; k < n; k++)
        out.push(WORDS[mix(seed + k * 7919) % WORDS.length]);
    return out.join(' ');
}
export function syntheticOsvId(i) {
    const h = mix(i + 1);
    return `GHSA-${ghsaPart(h)}-${ghsaPart(mix(h))}-${ghsaPart(i)}`;
}
/** The i-th record (i from 0); ids are distinct for every i below 2^20. */
export function syntheticOsvRecord(i, revision = 0) {
    const h = mix(i + 1);
    const bumped = revision > 0 && i % revision === 0;
    const id = syntheticOsvId(i);
    const cve = `CVE-${2018 + (h % 8)}-${10000 + i}`;
    const affected = Array.from({ length: 1 + (h % 3) }, (_, k) => {
        const [ecosystem, name] = ECOSYSTEMS[(h >>> (k * 3)) % ECOSYSTEMS.length];
        const major = 1 + ((h >>> 4) % 5);
        return {
            package: { ecosystem, name: `${name}${k ? `-${k}` : ''}` },
            ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: `${major}.${(h >>> 8) % 20}.${(h >>> 12) % 10}` }] }],
            database_specific: { source: 'https://github.com/github/advisory-database' },
        };
    });
    return {
        schema_version: '1.6.0',
        id,
        modified: bumped ? '2025-06-01T12:00:00Z' : `2024-0${1 + (h % 9)}-1${h % 10}T08:30:00Z`,
        published: `20${18 + (h % 7)}-0${1 + (h % 9)}-0${1 + (h % 9)}T00:00:00Z`,
        aliases: [cve],
        summary: `${bumped ? '[revised] ' : ''}${words(h, 8)}`,
        details: words(h >>> 3, 160),
        severity: [{ type: 'CVSS_V3', score: VECTORS[h % VECTORS.length] }],
        affected,
        references: [
            { type: 'ADVISORY', url: `https://nvd.nist.gov/vuln/detail/${cve}` },
            { type: 'WEB', url: `https://github.com/example/project-${h % 1000}/issues/${i}` },
            { type: 'PACKAGE', url: `https://example.org/packages/${id}` },
        ],
        database_specific: { cwe_ids: [`CWE-${20 + (h % 800)}`], severity: 'HIGH', github_reviewed: true },
    };
}
//# sourceMappingURL=synthetic-osv.js.map