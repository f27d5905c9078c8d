import { LANG_PACKAGES } from '../src/demo/generator/trivy/lang-catalog.js';
import { OS_PACKAGES } from '../src/demo/generator/trivy/os-catalog.js';
/**
 * A deterministic estate for the matcher benchmark: container images (Debian or Alpine base, one
 * language runtime each, PACKAGES_PER_IMAGE components) and an OSV-shaped advisory database in which, as
 * in the real one, most advisories concern packages nobody here installed. Installed names start from the
 * demo catalogs' real names (openssl, lodash, jackson-databind, golang.org/x/net...) and are filled up
 * with plausible ones; versions are spelled per ecosystem. Rows are generated one at a time for COPY.
 */
export const PACKAGES_PER_IMAGE = 400;
/** A cheap integer hash (lowbias32): choices from an index without a PRNG state. */
export function mix(x) {
    x = (x ^ (x >>> 16)) >>> 0;
    x = Math.imul(x, 0x7feb352d) >>> 0;
    x = (x ^ (x >>> 15)) >>> 0;
    x = Math.imul(x, 0x846ca68b) >>> 0;
    return (x ^ (x >>> 16)) >>> 0;
}
const WORDS = ['json', 'http', 'parse', 'stream', 'crypto', 'yaml', 'xml', 'auth', 'token', 'cache', 'queue', 'log', 'config',
    'path', 'glob', 'date', 'time', 'uuid', 'zip', 'tar', 'image', 'font', 'sql', 'redis', 'grpc', 'proto', 'socket', 'mail',
    'template', 'router', 'cli', 'color', 'diff', 'hash', 'ldap', 'oauth', 'saml', 'ssh', 'tls', 'dns', 'csv', 'pdf', 'regex'];
const word = (h, k) => WORDS[mix(h + k * 7919) % WORDS.length];
const semverish = (h, n) => `${1 + (h % 3)}.${n}.${(h >>> 4) % 5}`;
const debianSeeds = [...new Set([...OS_PACKAGES.debian.values()].map((s) => s.src))];
const alpineSeeds = [...new Set([...OS_PACKAGES.alpine.values()].map((s) => s.src))];
export const ECOSYSTEMS = [
    {
        key: 'debian', name: 'Debian', osv: 'Debian:12', otherReleases: ['Debian:11', 'Debian:13'], installed: 400, advisoriesPerName: 20,
        seeds: debianSeeds, makeName: (k) => `lib${word(k, 1)}${word(k, 2)}${k % 7}`,
        purl: (n, v) => `pkg:deb/debian/${n}@${v}?arch=amd64&distro=debian-12.5`,
        version: (h, n) => ({ installed: `${semverish(h, n)}-1+deb12u1`, osv: `${semverish(h, n)}-1+deb12u1` }), path: '',
    },
    {
        key: 'alpine', name: 'Alpine', osv: 'Alpine:v3.19', otherReleases: ['Alpine:v3.18', 'Alpine:v3.20'], installed: 200, advisoriesPerName: 20,
        seeds: alpineSeeds, makeName: (k) => `${word(k, 1)}-${word(k, 2)}${k % 5}`,
        purl: (n, v) => `pkg:apk/alpine/${n}@${v}?arch=x86_64&distro=3.19.1`,
        version: (h, n) => ({ installed: `${semverish(h, n)}-r${h % 3}`, osv: `${semverish(h, n)}-r${h % 3}` }), path: '',
    },
    {
        key: 'npm', name: 'npm', osv: 'npm', otherReleases: [], installed: 1500, advisoriesPerName: 5,
        seeds: LANG_PACKAGES.npm.map((p) => p.name), makeName: (k) => (k % 4 === 0 ? `@${word(k, 3)}/${word(k, 1)}-${word(k, 2)}` : `${word(k, 1)}-${word(k, 2)}-${k % 9}`),
        purl: (n, v) => `pkg:npm/${n.replace('@', '%40')}@${v}`, version: (h, n) => ({ installed: semverish(h, n), osv: semverish(h, n) }), path: 'app/package-lock.json',
    },
    {
        key: 'pypi', name: 'PyPI', osv: 'PyPI', otherReleases: [], installed: 800, advisoriesPerName: 5,
        seeds: LANG_PACKAGES.pip.map((p) => p.name), makeName: (k) => `Py${word(k, 1)}_${word(k, 2)}${k % 9}`,
        purl: (n, v) => `pkg:pypi/${n.toLowerCase()}@${v}`, version: (h, n) => ({ installed: semverish(h, n), osv: semverish(h, n) }), path: 'app/requirements.txt',
    },
    {
        key: 'maven', name: 'Maven', osv: 'Maven', otherReleases: [], installed: 800, advisoriesPerName: 5,
        seeds: LANG_PACKAGES.jar.map((p) => p.name), makeName: (k) => `org.${word(k, 1)}:${word(k, 2)}-${word(k, 3)}${k % 9}`,
        purl: (n, v) => `pkg:maven/${n.replace(':', '/')}@${v}`, version: (h, n) => ({ installed: semverish(h, n), osv: semverish(h, n) }), path: 'app/app.jar',
    },
    {
        key: 'go', name: 'Go', osv: 'Go', otherReleases: [], installed: 600, advisoriesPerName: 5,
        seeds: LANG_PACKAGES.gobinary.map((p) => p.name), makeName: (k) => `github.com/${word(k, 1)}${k % 13}/${word(k, 2)}`,
        purl: (n, v) => `pkg:golang/${n}@${v}`, version: (h, n) => ({ installed: `v${semverish(h, n)}`, osv: semverish(h, n) }), path: 'app/server',
    },
];
const VERSIONS_PER_NAME = 8;
/** The k-th name of an ecosystem: the real seeds first, then plausible ones, all distinct. */
function nameOf(e, k) {
    return k < e.seeds.length ? e.seeds[k] : `${e.makeName(k)}${k.toString(36)}`;
}
const nameHash = (e, k) => mix(k * 131 + e.key.length * 7 + e.key.charCodeAt(0));
// ---------------------------------------------------------------- inventory
export const BASE_LAYERS = {
    debian: `sha256:${'d'.repeat(64)}`,
    alpine: `sha256:${'a'.repeat(64)}`,
};
export const BASE_IMAGES = {
    debian: `registry.example.com/platform/base-debian@sha256:${'1'.repeat(64)}`,
    alpine: `registry.example.com/platform/base-alpine@sha256:${'2'.repeat(64)}`,
};
export const imageUid = (i) => `registry.example.com/svc-${i}/app@sha256:${mix(i).toString(16).padStart(8, '0').repeat(8)}`;
const appLayer = (i) => `sha256:${mix(i + 1_000_000).toString(16).padStart(8, '0').repeat(8)}`;
const osOf = (i) => (mix(i * 3) % 5 === 0 ? 'alpine' : 'debian');
const runtimeOf = (i) => ['npm', 'pypi', 'maven', 'go'][mix(i * 5) % 4];
const eco = (key) => ECOSYSTEMS.find((e) => e.key === key);
export const ASSET_COLUMNS = ['uid', 'kind', 'provider', 'name', 'properties', 'owner', 'source', 'scope', 'content_hash', 'first_seen', 'last_seen'];
export const PACKAGE_COLUMNS = ['asset_uid', 'purl', 'path', 'ecosystem', 'name', 'version', 'source_name', 'source_version', 'layer_digest', 'source', 'scope', 'first_seen'];
const SOURCE = 'bench-vulns';
const NOW = new Date('2026-01-01T00:00:00Z');
function imageRow(uid, owner, os, diffIds) {
    const properties = { os: { family: os, name: os === 'debian' ? '12.5' : '3.19.1' }, diffIds, layers: diffIds.map((diffId) => ({ digest: null, diffId, size: 1 })) };
    return [uid, 'container.image', 'container', uid.split('@')[0], JSON.stringify(properties), owner, SOURCE, `image:${uid}`, 'x', NOW, NOW];
}
/** The base images and `images` product images, each on one base. */
export function* assetRows(images) {
    yield imageRow(BASE_IMAGES.debian, 'team-platform', 'debian', [BASE_LAYERS.debian]);
    yield imageRow(BASE_IMAGES.alpine, 'team-platform', 'alpine', [BASE_LAYERS.alpine]);
    for (let i = 0; i < images; i++)
        yield imageRow(imageUid(i), `team-${i % 40}`, osOf(i), [BASE_LAYERS[osOf(i)], appLayer(i)]);
}
/** An installed version, skewed to the newest: estates mostly run recent builds. */
function installedIndex(h) {
    const r = (h % 1000) / 1000;
    return VERSIONS_PER_NAME - 1 - Math.floor(VERSIONS_PER_NAME * r * r * r);
}
/** The packages of image i: OS packages in the base layer, the runtime's packages in the app layer. */
export function* imagePackages(i, count = PACKAGES_PER_IMAGE) {
    const os = eco(osOf(i));
    const lang = eco(runtimeOf(i));
    const osCount = os.key === 'debian' ? 100 : 60;
    const uid = imageUid(i);
    const emit = function* (e, n, layer) {
        const start = mix(i * 17 + e.key.length) % e.installed;
        // A stride prime to every pool size (their factors are 2, 3, 5): distinct names per image.
        const step = [1, 7, 11, 13, 17, 19, 23][mix(i * 19) % 7];
        for (let j = 0; j < n; j++) {
            const k = (start + j * step) % e.installed;
            const name = nameOf(e, k);
            const v = e.version(nameHash(e, k), installedIndex(mix(i * 1_000_003 + k))).installed;
            const src = e.path === '' ? name : null;
            yield [uid, e.purl(name, v), e.path, e.name, name, v, src, src ? v : null, layer, SOURCE, `image:${uid}`, NOW];
        }
    };
    yield* emit(os, Math.min(osCount, count), BASE_LAYERS[os.key]);
    yield* emit(lang, Math.max(0, count - osCount), appLayer(i));
}
export function* packageRows(images) {
    for (let i = 0; i < images; i++)
        yield* imagePackages(i);
}
// ---------------------------------------------------------------- advisories
export const ADVISORY_COLUMNS = ['id', 'aliases', 'summary', 'details', 'severity', 'cvss_vector', 'cvss_score', 'published', 'affected', 'refs', 'source'];
/** Advisories about installed names, over all ecosystems. */
export function installedAdvisoryCount() {
    return ECOSYSTEMS.reduce((n, e) => n + e.installed * e.advisoriesPerName, 0);
}
function advisoryRow(n, e, k, extraReleases) {
    const h = mix(n * 7 + 3);
    const name = nameOf(e, k);
    const nh = nameHash(e, k);
    // Most fixes are old (the installed versions are past them); a few are recent or open.
    const r = (h % 1000) / 1000;
    const fixedAt = 1 + Math.floor((VERSIONS_PER_NAME - 1) * r * r * r * r);
    const introduced = h % 10 < 7 ? '0' : e.version(nh, Math.max(0, fixedAt - 3)).osv;
    const events = h % 500 === 0 ? [{ introduced }] : [{ introduced }, { fixed: e.version(nh, fixedAt).osv }];
    const ecosystems = extraReleases ? [e.osv, ...e.otherReleases] : [e.osv];
    // PyPI advisories spell names normalized (PEP 503), installs as the project does.
    const osvName = e.key === 'pypi' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name;
    const affected = ecosystems.map((ecosystem) => ({ package: { ecosystem, name: osvName }, ranges: [{ type: 'ECOSYSTEM', events }] }));
    const cve = `CVE-${2015 + (n % 10)}-${String(10000 + n).padStart(5, '0')}`;
    const id = e.path === '' ? `${e.key.toUpperCase()}-${cve}` : `GHSA-${(h % 46656).toString(36).padStart(4, '0')}-${(n % 46656).toString(36).padStart(4, '0')}-${(mix(n) % 46656).toString(36).padStart(4, '0')}`;
    const score = 2 + ((h >>> 10) % 80) / 10;
    const refs = [
        { type: 'ADVISORY', url: `https://nvd.nist.gov/vuln/detail/${cve}` },
        { type: 'WEB', url: `https://github.com/${word(h, 4)}/${word(h, 5)}/issues/${n % 5000}` },
        ...(h % 40 === 0 ? [{ type: 'WEB', url: `https://www.exploit-db.com/exploits/${n % 60000}` }] : []),
    ];
    return [id, e.path === '' ? [] : [cve], `${word(h, 6)} ${word(h, 7)} flaw in ${name}`,
        `A ${word(h, 8)} issue in ${name} lets a remote attacker ${word(h, 9)} the ${word(h, 10)} via crafted ${word(h, 11)} input.`,
        null, null, score, NOW, JSON.stringify(affected), JSON.stringify(refs), 'osv'];
}
/**
 * `total` advisories: first the ones about installed names (advisoriesPerName each; a third of the distro
 * ones also name the neighbouring releases), then the rest spread over names nobody installed.
 */
export function* advisoryRows(total) {
    let n = 0;
    // Round by round over every ecosystem, so a small run still has advisories for each.
    const rounds = Math.max(...ECOSYSTEMS.map((e) => e.advisoriesPerName));
    for (let a = 0; a < rounds; a++) {
        for (const e of ECOSYSTEMS) {
            if (a >= e.advisoriesPerName)
                continue;
            for (let k = 0; k < e.installed && n < total; k++, n++)
                yield advisoryRow(n, e, k, e.otherReleases.length > 0 && a % 3 === 0);
        }
    }
    for (let m = 0; n < total; n++, m++) {
        const e = ECOSYSTEMS[m % ECOSYSTEMS.length];
        // Uninstalled names: beyond the installed pool, about five advisories each.
        yield advisoryRow(n, e, e.installed + Math.floor(m / ECOSYSTEMS.length / 5), false);
    }
}
//# sourceMappingURL=synthetic-vulns.js.map