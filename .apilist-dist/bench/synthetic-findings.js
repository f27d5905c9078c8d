import { fingerprintOf, vulnFingerprint } from '../src/findings/fingerprint.js';
/**
 * Deterministic, finding-shaped rows for store benchmarks: the same index always gives the same row, so a
 * re-run is byte-identical and the baseline loads exactly what the pipeline loads. Rows are made one at a
 * time (generators), never held as a million-element array.
 *
 * Shape: one scope per container image (as a Trivy scan of an image), ROWS_PER_SCOPE findings in each,
 * mostly vulnerabilities in OS and language packages plus some misconfigurations. Sizes follow real
 * scanner output: a title of ~70 characters, an advisory description of ~300, evidence ~300 bytes of JSON
 * and properties ~600 (CVSS, CWE, references).
 */
export const ROWS_PER_SCOPE = 1000;
/** A cheap integer hash (lowbias32): deterministic choices from an index without a PRNG state. */
function mix(x) {
    x = (x ^ (x >>> 16)) >>> 0;
    x = Math.imul(x, 0x7feb352d) >>> 0;
    x = (x ^ (x >>> 15)) >>> 0;
    x = Math.imul(x, 0x846ca68b) >>> 0;
    return (x ^ (x >>> 16)) >>> 0;
}
function hex(seed, length) {
    let s = '';
    for (let k = 0; s.length < length; k++)
        s += mix(seed * 31 + k).toString(16).padStart(8, '0');
    return s.slice(0, length);
}
const pick = (list, h) => list[h % list.length];
const OS_PACKAGES = ['libssl3', 'openssl', 'libc6', 'zlib1g', 'libcurl4', 'curl', 'libxml2', 'libexpat1', 'libsqlite3-0',
    'libgnutls30', 'libkrb5-3', 'libpam0g', 'bash', 'coreutils', 'tar', 'gzip', 'perl-base', 'libsystemd0', 'libudev1',
    'libtiff6', 'libpng16-16', 'libjpeg62-turbo', 'libfreetype6', 'libldap-2.5-0', 'libssh2-1', 'libnghttp2-14', 'git', 'wget'];
const LANG_PACKAGES = [
    ['npm', 'lodash', 'package-lock.json'], ['npm', 'axios', 'package-lock.json'], ['npm', 'semver', 'package-lock.json'],
    ['npm', 'minimist', 'package-lock.json'], ['npm', 'express', 'package-lock.json'], ['npm', 'jsonwebtoken', 'package-lock.json'],
    ['pypi', 'requests', 'requirements.txt'], ['pypi', 'urllib3', 'requirements.txt'], ['pypi', 'django', 'poetry.lock'],
    ['pypi', 'jinja2', 'poetry.lock'], ['maven', 'org.apache.logging.log4j/log4j-core', 'app/lib/log4j-core.jar'],
    ['maven', 'com.fasterxml.jackson.core/jackson-databind', 'app/lib/jackson-databind.jar'],
    ['golang', 'golang.org/x/net', 'usr/local/bin/server'], ['golang', 'google.golang.org/grpc', 'usr/local/bin/server'],
];
const WORDS = ['buffer', 'overflow', 'in', 'the', 'parser', 'allows', 'remote', 'attackers', 'to', 'cause', 'a', 'denial',
    'of', 'service', 'via', 'crafted', 'input', 'heap', 'use-after-free', 'when', 'handling', 'malformed', 'certificate',
    'out-of-bounds', 'read', 'request', 'smuggling', 'header', 'integer', 'wraparound', 'memory', 'corruption', 'arbitrary',
    'code', 'execution', 'path', 'traversal', 'redirect', 'prototype', 'pollution', 'regular', 'expression', 'backtracking'];
const SEVERITIES = ['critical', 'high', 'high', 'medium', 'medium', 'medium', 'low', 'low', 'info'];
const MISCONFIG_RULES = [
    ['DS002', 'Image user should not be root'], ['DS026', 'No HEALTHCHECK defined'], ['KSV001', 'Process can elevate its own privileges'],
    ['KSV012', 'Runs as root user'], ['KSV104', 'Seccomp policies disabled'], ['AVD-AWS-0086', 'S3 bucket does not block public ACLs'],
];
function sentence(seed, words) {
    const out = [];
    for (let k = 0; k < words; k++)
        out.push(pick(WORDS, mix(seed + k * 7919)));
    return out.join(' ');
}
// Advisory texts repeat across images, so they are made once per advisory (at most 90,000 of them).
const advisoryTexts = new Map();
function advisoryText(cveNumber) {
    let t = advisoryTexts.get(cveNumber);
    if (!t) {
        t = { phrase: sentence(cveNumber, 7), description: sentence(cveNumber * 3, 40) };
        advisoryTexts.set(cveNumber, t);
    }
    return t;
}
function version(h) {
    return `${1 + (h % 4)}.${(h >>> 3) % 20}.${(h >>> 8) % 30}`;
}
// Rows come in index order, so the current image's digests are kept rather than rehashed per row.
let image = { s: -1, digest: '', layers: [] };
function imageOf(s) {
    if (image.s !== s)
        image = { s, digest: hex(s + 1, 64), layers: Array.from({ length: 8 }, (_, k) => `sha256:${hex(s * 8 + k + 7, 64)}`) };
    return image;
}
/** The i-th synthetic finding; i counts from 0. */
export function syntheticFinding(i) {
    const s = Math.floor(i / ROWS_PER_SCOPE);
    const j = i % ROWS_PER_SCOPE;
    const h = mix(i + 1);
    const { digest, layers } = imageOf(s);
    const scope = `image:sha256:${digest}`;
    const assetUid = `registry.example.com/team-${s % 40}/service-${s}@sha256:${digest}`;
    const severity = pick(SEVERITIES, h >>> 4);
    const layer = layers[h % 8];
    if (h % 10 === 0) {
        const [ruleId, title] = pick(MISCONFIG_RULES, h >>> 6);
        return {
            scope,
            finding: {
                fingerprint: fingerprintOf(['config', ruleId, assetUid, `Dockerfile:${j}`]),
                kind: 'config', ruleId, advisoryId: null, title, severity, assetUid, packagePurl: null,
                description: `${title}. ${sentence(h, 30)}.`,
                evidence: { target: 'Dockerfile', startLine: 1 + (j % 80), endLine: 2 + (j % 80), code: `USER root # ${sentence(h, 6)}`, namespace: `builtin.dockerfile.${ruleId}` },
                remediation: `Follow ${ruleId}: ${sentence(h >>> 2, 12)}.`,
                properties: { references: [`https://avd.aquasec.com/misconfig/${ruleId.toLowerCase()}`], provider: 'Dockerfile', service: 'general', query: 'data.builtin.dockerfile' },
                originalId: ruleId,
            },
        };
    }
    // The advisory number is injective in j within a scope, so every row of a scope has its own fingerprint.
    const cveNumber = 10000 + ((j * 7 + s * 13) % 90000);
    const advisoryId = `CVE-${2015 + (cveNumber % 11)}-${cveNumber}`;
    const os = h % 3 !== 0;
    const [ecosystem, name, path] = os ? ['deb', pick(OS_PACKAGES, h >>> 5), ''] : pick(LANG_PACKAGES, h >>> 5);
    const installed = version(h >>> 9);
    const fixed = version((h >>> 9) + 1);
    const text = advisoryText(cveNumber);
    const purl = os ? `pkg:deb/debian/${name}@${installed}-1~deb12u1?distro=debian-12` : `pkg:${ecosystem}/${name}@${installed}`;
    return {
        scope,
        finding: {
            fingerprint: vulnFingerprint(assetUid, ecosystem, name, advisoryId),
            kind: 'vuln', ruleId: null, advisoryId, severity, assetUid, packagePurl: purl,
            title: `${advisoryId}: ${name}: ${text.phrase}`,
            // The description belongs to the advisory, so it repeats across images as it does in real reports.
            description: `${text.description}. This issue affects ${name} before ${fixed}.`,
            evidence: {
                installedVersion: installed, fixedVersion: fixed, pkgPath: path || null, target: os ? 'debian 12.5' : path,
                class: os ? 'os-pkgs' : 'lang-pkgs', layer: { digest: layer, diffId: `sha256:${hex(h, 64)}` },
            },
            remediation: `Upgrade ${name} to ${fixed} or later.`,
            properties: {
                cvss: { nvd: { V3Vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', V3Score: 5 + (h % 50) / 10 } },
                cwe: [`CWE-${20 + (h % 800)}`],
                references: [`https://nvd.nist.gov/vuln/detail/${advisoryId}`, `https://security-tracker.debian.org/tracker/${advisoryId}`,
                    `https://github.com/advisories?query=${advisoryId}`],
                publishedDate: `20${15 + (cveNumber % 11)}-0${1 + (h % 9)}-1${h % 10}T12:00:00Z`,
                lastModifiedDate: `2025-0${1 + (h % 9)}-2${h % 9}T08:30:00Z`,
                severitySource: os ? 'debian' : 'ghsa',
                dataSource: { id: os ? 'debian' : 'ghsa', name: os ? 'Debian Security Tracker' : 'GitHub Security Advisory' },
            },
            originalId: advisoryId,
        },
    };
}
/** Findings 0..rows-1, one at a time. */
export function* syntheticFindings(rows) {
    for (let i = 0; i < rows; i++)
        yield syntheticFinding(i);
}
/** What a source would emit for the same rows: each scope's `complete` coverage, then its findings. */
export function* syntheticRecords(rows) {
    for (let i = 0; i < rows; i++) {
        const f = syntheticFinding(i);
        if (i % ROWS_PER_SCOPE === 0)
            yield { type: 'coverage', scope: f.scope, coverage: 'complete' };
        yield { type: 'finding', scope: f.scope, finding: f.finding };
    }
}
/** Columns of the baseline table, in the order baselineRow() fills them. */
export const BASELINE_COLUMNS = ['scope', 'fingerprint', 'kind', 'rule_id', 'advisory_id', 'title', 'description', 'severity',
    'asset_uid', 'package_purl', 'evidence', 'remediation', 'properties', 'original_id'];
export const BASELINE_DDL = (table) => `create table ${table} (scope text, fingerprint text, kind text, rule_id text,
  advisory_id text, title text, description text, severity text, asset_uid text, package_purl text, evidence jsonb,
  remediation text, properties jsonb, original_id text)`;
export function baselineRow({ scope, finding: f }) {
    return [scope, f.fingerprint, f.kind, f.ruleId, f.advisoryId, f.title, f.description, f.severity, f.assetUid,
        f.packagePurl, f.evidence, f.remediation, f.properties, f.originalId];
}
//# sourceMappingURL=synthetic-findings.js.map