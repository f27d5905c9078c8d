import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
function mix(x) {
    x = (x ^ (x >>> 16)) >>> 0;
    x = Math.imul(x, 0x7feb352d) >>> 0;
    x = (x ^ (x >>> 15)) >>> 0;
    x = Math.imul(x, 0x846ca68b) >>> 0;
    return (x ^ (x >>> 16)) >>> 0;
}
const hex = (seed, length) => {
    let s = '';
    for (let k = 0; s.length < length; k++)
        s += mix(seed * 131 + k).toString(16).padStart(8, '0');
    return s.slice(0, length);
};
const pick = (list, h) => list[h % list.length];
const WORDS = ['buffer', 'overflow', 'in', 'the', 'parser', 'allows', 'remote', 'attackers', 'to', 'cause', 'a', 'denial',
    'of', 'service', 'via', 'crafted', 'input', 'heap', 'use-after-free', 'when', 'handling', 'malformed', 'certificate',
    'out-of-bounds', 'read', 'request', 'smuggling', 'header', 'integer', 'wraparound', 'memory', 'corruption', 'arbitrary',
    'code', 'execution', 'path', 'traversal', 'redirect', 'prototype', 'pollution', 'regular', 'expression', 'backtracking'];
const sentence = (seed, words) => Array.from({ length: words }, (_, k) => pick(WORDS, mix(seed + k * 7919))).join(' ');
const SEVERITIES = ['CRITICAL', 'HIGH', 'HIGH', 'MEDIUM', 'MEDIUM', 'MEDIUM', 'LOW', 'LOW', 'UNKNOWN'];
const STATUSES = ['fixed', 'fixed', 'fixed', 'affected', 'will_not_fix', 'fix_deferred'];
/** One JSON value at a nesting level, indented as Trivy (Go's json.MarshalIndent with two spaces) prints it. */
const indented = (value, level) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(level)}`);
const VULNS_PER_PACKAGE = [4, 8, 12, 20, 30, 45];
const SERVICES_PER_REPORT = 12;
/** Splits the findings over packages: an OS result with 40%, the rest over service lockfiles. */
function plan(spec) {
    const os = { target: `registry.example.com/bench/app-${spec.seed}:1.0 (debian 12.5)`, class: 'os-pkgs', type: 'debian', packages: [] };
    const services = Array.from({ length: SERVICES_PER_REPORT }, (_, k) => ({
        target: `srv/service-${k}/package-lock.json`, class: 'lang-pkgs', type: 'npm', packages: [],
    }));
    let left = spec.findings;
    let advisory = 0;
    for (let k = 0; left > 0; k++) {
        const h = mix(spec.seed * 1_000_003 + k);
        const n = Math.min(left, pick(VULNS_PER_PACKAGE, h));
        left -= n;
        const advisories = Array.from({ length: n }, () => advisory++);
        const toOs = k % 5 < 2;
        const version = `${1 + (h % 5)}.${(h >>> 4) % 30}.${(h >>> 9) % 20}`;
        // Two quiet packages per vulnerable one: --list-all-pkgs lists everything installed.
        const quiet = [1, 2].map((q) => ({ name: `${toOs ? 'lib' : 'npm-'}quiet-${k}-${q}`, version, advisories: [] }));
        const named = { name: toOs ? `lib${pick(WORDS, h >>> 3)}-${k}` : `@svc/${pick(WORDS, h >>> 3)}-${k}`, version, advisories };
        for (const p of [named, ...quiet]) {
            if (toOs)
                os.packages.push({ ...p, purl: `pkg:deb/debian/${p.name}@${p.version}-1~deb12u1?arch=amd64&distro=debian-12.5` });
            else {
                const purl = `pkg:npm/${p.name.replace('@', '%40')}@${p.version}`;
                const home = services[k % SERVICES_PER_REPORT];
                home.packages.push({ ...p, purl });
                // Every eighth vulnerable package is also in the next service's lockfile: one finding, two places.
                if (k % 8 === 1 && p === named)
                    services[(k + 1) % SERVICES_PER_REPORT].packages.push({ ...p, purl });
            }
        }
    }
    return [os, ...services.filter((s) => s.packages.length > 0)];
}
function vulnerability(spec, r, p, a, layer) {
    const h = mix(spec.seed * 7_919 + a);
    const year = 2015 + (a % 11);
    const id = `CVE-${year}-${100000 + spec.seed * 1000 + a}`;
    const os = r.class === 'os-pkgs';
    const status = pick(STATUSES, h >>> 2);
    const installed = os ? `${p.version}-1~deb12u1` : p.version;
    const score = 2 + (h % 80) / 10;
    return {
        VulnerabilityID: id,
        PkgID: `${p.name}@${installed}`,
        PkgName: p.name,
        ...(os ? {} : { PkgPath: r.target }),
        PkgIdentifier: { PURL: p.purl, UID: hex(h, 16) },
        InstalledVersion: installed,
        ...(status === 'fixed' ? { FixedVersion: `${p.version.split('.')[0]}.${99 - (h % 9)}.0${os ? '-1~deb12u2' : ''}` } : {}),
        Status: status,
        Layer: layer,
        SeveritySource: os ? 'debian' : 'ghsa',
        PrimaryURL: `https://avd.aquasec.com/nvd/${id.toLowerCase()}`,
        DataSource: os
            ? { ID: 'debian', Name: 'Debian Security Tracker', URL: 'https://salsa.debian.org/security-tracker-team/security-tracker' }
            : { ID: 'ghsa', Name: 'GitHub Security Advisory npm', URL: 'https://github.com/advisories?query=type%3Areviewed+ecosystem%3Anpm' },
        Title: `${p.name}: ${sentence(h, 8)}`,
        Description: `${sentence(h >>> 1, 60)}. This issue affects ${p.name} before ${p.version.split('.')[0]}.99.0.`,
        Severity: pick(SEVERITIES, h >>> 5),
        CweIDs: [`CWE-${20 + (h % 800)}`],
        VendorSeverity: { ...(os ? { debian: 1 + (h % 4) } : { ghsa: 1 + (h % 4) }), nvd: 1 + ((h >>> 3) % 4) },
        CVSS: {
            nvd: { V3Vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', V3Score: score },
            ...(os ? {} : { ghsa: { V3Vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N', V3Score: score } }),
        },
        References: [
            `https://security-tracker.debian.org/tracker/${id}`,
            `https://github.com/advisories/GHSA-${hex(h, 4)}-${hex(h + 1, 4)}-${hex(h + 2, 4)}`,
            `https://lists.debian.org/debian-lts-announce/${year}/0${1 + (h % 9)}/msg000${h % 90}.html`,
            `https://nvd.nist.gov/vuln/detail/${id}`,
            `https://www.cve.org/CVERecord?id=${id}`,
        ],
        PublishedDate: `${year}-0${1 + (h % 9)}-1${h % 10}T12:15:0${h % 10}.${h % 997}Z`,
        LastModifiedDate: `2025-0${1 + (h % 9)}-2${h % 9}T08:30:00.${h % 991}Z`,
    };
}
/** The report's JSON text, piece by piece. */
export function* trivyReportText(spec) {
    const digest = hex(spec.seed + 1, 64);
    const layers = Array.from({ length: 6 }, (_, k) => ({ Digest: `sha256:${hex(spec.seed * 8 + k + 11, 64)}`, DiffID: `sha256:${hex(spec.seed * 8 + k + 3, 64)}` }));
    const name = `registry.example.com/bench/app-${spec.seed}`;
    const head = {
        SchemaVersion: 2,
        Trivy: { Version: '0.58.1' },
        CreatedAt: '2026-01-01T00:00:00.000000000Z',
        ArtifactName: `${name}:1.0`,
        ArtifactType: 'container_image',
        Metadata: {
            Size: 212_000_000,
            OS: { Family: 'debian', Name: '12.5' },
            ImageID: `sha256:${hex(spec.seed + 2, 64)}`,
            DiffIDs: layers.map((l) => l.DiffID),
            RepoTags: [`${name}:1.0`],
            RepoDigests: [`${name}@sha256:${digest}`],
            ImageConfig: { architecture: 'amd64', created: '2025-12-31T00:00:00Z', os: 'linux', config: { User: 'app', Labels: { 'org.opencontainers.image.source': 'https://github.com/acme/app' } } },
            Layers: layers.map((l, k) => ({ Size: 1_000_000 * (k + 1), ...l })),
        },
    };
    // Everything up to the results array, then each result opened by hand so its lists can stream.
    yield `${indented(head, 0).slice(0, -2)},\n  "Results": [`;
    const results = plan(spec);
    for (const [ri, r] of results.entries()) {
        yield `${ri ? ',' : ''}\n    {\n      "Target": ${JSON.stringify(r.target)},\n      "Class": "${r.class}",\n      "Type": "${r.type}",\n      "Packages": [`;
        for (const [pi, p] of r.packages.entries()) {
            const layer = layers[mix(p.name.length + pi) % layers.length];
            const entry = { ID: `${p.name}@${p.version}`, Name: p.name, Identifier: { PURL: p.purl, UID: hex(pi + ri * 100_000, 16) }, Version: p.version,
                ...(r.class === 'os-pkgs' ? { Release: '1~deb12u1', Arch: 'amd64', SrcName: p.name, SrcVersion: p.version, SrcRelease: '1~deb12u1' } : {}),
                Licenses: ['MIT'], Layer: layer };
            yield `${pi ? ',' : ''}\n        ${indented(entry, 4)}`;
        }
        yield '\n      ],\n      "Vulnerabilities": [';
        let first = true;
        for (const [pi, p] of r.packages.entries()) {
            const layer = layers[mix(p.name.length + pi) % layers.length];
            for (const a of p.advisories) {
                yield `${first ? '' : ','}\n        ${indented(vulnerability(spec, r, p, a, layer), 4)}`;
                first = false;
            }
        }
        yield '\n      ]\n    }';
    }
    yield '\n  ]\n}\n';
}
/** Writes the report to a file, respecting the stream's backpressure. */
export async function writeTrivyReport(path, spec) {
    const out = createWriteStream(path);
    let bytes = 0;
    let buffered = [];
    let size = 0;
    const flush = async () => {
        const text = buffered.join('');
        buffered = [];
        size = 0;
        bytes += Buffer.byteLength(text);
        if (!out.write(text))
            await once(out, 'drain');
    };
    for (const piece of trivyReportText(spec)) {
        buffered.push(piece);
        size += piece.length;
        if (size >= 1 << 20)
            await flush();
    }
    await flush();
    out.end();
    await once(out, 'finish');
    const results = plan(spec);
    return {
        path,
        bytes,
        entries: results.reduce((n, r) => n + r.packages.reduce((m, p) => m + p.advisories.length, 0), 0),
        packages: results.reduce((n, r) => n + r.packages.length, 0),
    };
}
//# sourceMappingURL=trivy-report.js.map