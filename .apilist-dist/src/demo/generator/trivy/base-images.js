import { digestFor, rngFor } from '../random.js';
import { daysBeforeSnapshot } from '../time.js';
import { OS_PACKAGES } from './os-catalog.js';
const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const split = (list) => list.trim().split(/\s+/);
const DEBIAN_ROOTFS = split(`adduser apt libapt-pkg6.0 base-files base-passwd bash bsdutils coreutils dash debconf
  debian-archive-keyring debianutils dpkg findutils gcc-12-base libgcc-s1 libstdc++6 gpgv grep gzip hostname
  init-system-helpers libacl1 libattr1 libaudit-common libaudit1 libblkid1 libbz2-1.0 libc-bin libc6 libcap-ng0 libcap2
  libcrypt1 libdb5.3 libdebconfclient0 libffi8 libgcrypt20 libgmp10 libgnutls30 libgpg-error0 libhogweed6 libidn2-0
  liblz4-1 liblzma5 libmd0 libmount1 libnettle8 libp11-kit0 libpam-modules libpam-modules-bin libpam-runtime libpam0g
  libpcre2-8-0 libseccomp2 libselinux1 libsemanage-common libsemanage2 libsepol2 libsmartcols1 libsystemd0 libtasn1-6
  libtinfo6 libudev1 libunistring2 libuuid1 libxxhash0 libzstd1 login mawk mount ncurses-base ncurses-bin passwd
  perl-base sed sysvinit-utils tar tzdata util-linux util-linux-extra zlib1g`);
const DEBIAN_PLATFORM = split(`ca-certificates curl libcurl4 libssl3 openssl libbrotli1 libgssapi-krb5-2 libk5crypto3
  libkeyutils1 libkrb5-3 libkrb5support0 libldap-2.5-0 libnghttp2-14 libpsl5 librtmp1 libsasl2-2 libsasl2-modules-db
  libssh2-1 libcom-err2`);
const ALPINE_ROOTFS = split(`alpine-baselayout alpine-baselayout-data alpine-keys apk-tools busybox busybox-binsh
  ca-certificates-bundle libc-utils libcrypto3 libssl3 musl musl-utils scanelf ssl_client zlib`);
const ALPINE_PLATFORM = split('ca-certificates tzdata curl libcurl nghttp2-libs c-ares brotli-libs libidn2 libunistring libpsl zstd-libs');
const BASES = [
    {
        key: 'base-debian',
        repo: 'platform/base-debian',
        tag: '12',
        parent: null,
        family: 'debian',
        upstream: 'docker.io/library/debian:12-slim',
        layers: [
            { name: 'rootfs', createdBy: '/bin/sh -c #(nop) ADD file:rootfs.tar.xz in / ', bins: DEBIAN_ROOTFS },
            { name: 'platform', createdBy: 'RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends ca-certificates curl && rm -rf /var/lib/apt/lists/* # buildkit', bins: DEBIAN_PLATFORM },
        ],
        env: [PATH_ENV],
        cmd: ['bash'],
    },
    {
        key: 'base-node',
        repo: 'platform/base-node',
        tag: '20',
        parent: 'base-debian',
        family: 'debian',
        layers: [
            { name: 'node', createdBy: 'RUN /bin/sh -c set -eux; apt-get update; apt-get install -y --no-install-recommends libatomic1; curl -fsSLO https://nodejs.org/dist/v20.18.1/node-v20.18.1-linux-x64.tar.xz; tar -xJf node-v20.18.1-linux-x64.tar.xz -C /usr/local --strip-components=1 # buildkit', bins: ['libatomic1'] },
            { name: 'user', createdBy: 'RUN /bin/sh -c groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node # buildkit', bins: [] },
        ],
        env: [PATH_ENV, 'NODE_VERSION=20.18.1'],
        cmd: ['node'],
    },
    {
        key: 'base-python',
        repo: 'platform/base-python',
        tag: '3.12',
        parent: 'base-debian',
        family: 'debian',
        layers: [
            { name: 'python-deps', createdBy: 'RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends libexpat1 libsqlite3-0 libreadline8 libncursesw6 netbase && rm -rf /var/lib/apt/lists/* # buildkit', bins: split('libexpat1 libsqlite3-0 libreadline8 readline-common libncursesw6 netbase') },
            { name: 'python', createdBy: 'COPY /usr/local /usr/local # buildkit', bins: [] },
        ],
        env: [PATH_ENV, 'LANG=C.UTF-8', 'PYTHON_VERSION=3.12.8'],
        cmd: ['python3'],
    },
    {
        key: 'base-jre',
        repo: 'platform/base-jre',
        tag: '17',
        parent: 'base-debian',
        family: 'debian',
        layers: [
            { name: 'fonts', createdBy: 'RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends fontconfig-config libfreetype6 liblcms2-2 libjpeg62-turbo p11-kit && rm -rf /var/lib/apt/lists/* # buildkit', bins: split('fontconfig-config libfontconfig1 libfreetype6 libpng16-16 libjpeg62-turbo liblcms2-2 fonts-dejavu-core p11-kit') },
            { name: 'jre', createdBy: 'COPY /opt/java/openjdk /opt/java/openjdk # buildkit', bins: [] },
        ],
        env: [PATH_ENV.replace('PATH=', 'PATH=/opt/java/openjdk/bin:'), 'JAVA_HOME=/opt/java/openjdk', 'JAVA_VERSION=jdk-17.0.13+11'],
        cmd: ['jshell'],
    },
    {
        key: 'base-alpine',
        repo: 'platform/base-alpine',
        tag: '3.19',
        parent: null,
        family: 'alpine',
        upstream: 'docker.io/library/alpine:3.19',
        layers: [
            { name: 'rootfs', createdBy: '/bin/sh -c #(nop) ADD file:alpine-minirootfs.tar.gz in / ', bins: ALPINE_ROOTFS },
            { name: 'platform', createdBy: 'RUN /bin/sh -c apk add --no-cache ca-certificates tzdata curl # buildkit', bins: ALPINE_PLATFORM },
        ],
        env: [PATH_ENV],
        cmd: ['/bin/sh'],
    },
];
const OS_NAMES = {
    debian: { current: '12.8', previous: '12.6' },
    alpine: { current: '3.19.4', previous: '3.19.1' },
};
const BUILD_AGE_DAYS = { current: 9, previous: 170 };
function dateTag(ms) {
    const d = new Date(ms);
    return `${d.getUTCFullYear()}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${String(d.getUTCDate()).padStart(2, '0')}`;
}
/** The version of an OS source package a build generation installed: current lags now and then, previous more. */
function installedVersion(seed, family, build, source) {
    const rng = rngFor(seed, 'os-version', family, build, source.src);
    const last = source.versions.length - 1;
    const lag = build === 'current' ? (rng.chance(0.35) ? 1 : 0) : 1 + (rng.chance(0.5) ? 1 : 0) + (rng.chance(0.3) ? 1 : 0);
    const index = Math.max(0, last - lag);
    return source.versions[index] ?? source.versions[last];
}
export function makeLayer(seed, labels, createdMs, createdBy) {
    const rng = rngFor(seed, 'layer-size', ...labels);
    return {
        digest: `sha256:${digestFor(seed, 'layer-blob', ...labels)}`,
        diffId: `sha256:${digestFor(seed, 'layer-diff', ...labels)}`,
        size: rng.int(2_000, 90_000_000),
        createdMs,
        createdBy,
    };
}
/** Every base build, parents before children. */
export function buildBaseImages(org) {
    const builds = new Map();
    for (const build of ['current', 'previous']) {
        const createdMs = daysBeforeSnapshot(BUILD_AGE_DAYS[build]);
        for (const def of BASES) {
            const parent = def.parent ? builds.get(baseId(def.parent, build)) : undefined;
            const catalog = OS_PACKAGES[def.family];
            const history = parent ? [...parent.history] : [];
            const layers = parent ? [...parent.layers] : [];
            const os = parent ? [...parent.os] : [];
            for (const layerDef of def.layers) {
                const layer = makeLayer(org.seed, [def.key, build, layerDef.name], createdMs - 3_600_000, layerDef.createdBy);
                layers.push(layer);
                history.push({ layer });
                for (const bin of layerDef.bins) {
                    const source = catalog.get(bin);
                    if (!source)
                        throw new Error(`base image ${def.key}: no ${def.family} package ${bin} in the catalog`);
                    os.push({ bin, source, version: installedVersion(org.seed, def.family, build, source), layer });
                }
            }
            history.push({ empty: { createdMs, createdBy: `CMD ${JSON.stringify(def.cmd)}` } });
            const stamp = dateTag(createdMs);
            const tags = build === 'current' ? [`${org.registry}/${def.repo}:${def.tag}`, `${org.registry}/${def.repo}:${def.tag}-${stamp}`] : [`${org.registry}/${def.repo}:${def.tag}-${stamp}`];
            const ref = tags[0];
            builds.set(baseId(def.key, build), {
                key: def.key,
                build,
                family: def.family,
                osName: OS_NAMES[def.family][build],
                repo: def.repo,
                ref,
                tags,
                digest: `sha256:${digestFor(org.seed, 'manifest', def.key, build)}`,
                imageId: `sha256:${digestFor(org.seed, 'config', def.key, build)}`,
                createdMs,
                layers,
                history,
                os,
                baseName: parent ? parent.ref : (def.upstream ?? ''),
                baseDigest: parent ? parent.digest : `sha256:${digestFor(org.seed, 'upstream', def.key, build)}`,
                env: def.env,
                cmd: def.cmd,
            });
        }
    }
    return builds;
}
export function baseId(key, build) {
    return `${key}@${build}`;
}
//# sourceMappingURL=base-images.js.map