/**
 * OS packages of the base images, by source package. Versions run oldest to newest and are real Debian 12
 * (bookworm) and Alpine 3.19 version strings; a base build installs one of them, advisories name the first
 * fixed one. Binary names are the packages dpkg/apk actually list.
 */

export interface OsSource {
  src: string;
  versions: readonly string[];
  bins: readonly string[];
  license: string;
  /** Binary-only rebuild suffix (binNMU), e.g. bash 5.2.15-2+b2 built from source 5.2.15-2. */
  binSuffix?: string;
  /** Binaries with their own epoch, unlike their source (bsdutils 1:2.38.1 from util-linux 2.38.1). */
  binEpoch?: Readonly<Record<string, number>>;
  /** Architecture-independent binaries. */
  archAll?: readonly string[];
}

type Entry = [src: string, versions: string, bins: string, license: string, extra?: Partial<OsSource>];
const build = (entries: Entry[]): Map<string, OsSource> =>
  new Map(
    entries.flatMap(([src, versions, bins, license, extra]) =>
      bins.split(' ').map((bin) => [bin, { src, versions: versions.split(' '), bins: bins.split(' '), license, ...extra }] as const),
    ),
  );

const DEBIAN: Entry[] = [
  ['acl', '2.3.1-3', 'libacl1', 'GPL-2.0-or-later'],
  ['adduser', '3.134', 'adduser', 'GPL-2.0-only', { archAll: ['adduser'] }],
  ['apt', '2.6.1', 'apt libapt-pkg6.0', 'GPL-2.0-or-later'],
  ['attr', '1:2.5.1-4', 'libattr1', 'LGPL-2.1-or-later'],
  ['audit', '1:3.0.9-1', 'libaudit-common libaudit1', 'GPL-2.0-or-later', { archAll: ['libaudit-common'] }],
  ['base-files', '12.4+deb12u5 12.4+deb12u8', 'base-files', 'GPL-2.0-or-later'],
  ['base-passwd', '3.6.1', 'base-passwd', 'GPL-2.0-only'],
  ['bash', '5.2.15-2', 'bash', 'GPL-3.0-or-later', { binSuffix: '+b2' }],
  ['brotli', '1.0.9-2', 'libbrotli1', 'MIT', { binSuffix: '+b6' }],
  ['bzip2', '1.0.8-5', 'libbz2-1.0', 'BSD-variant', { binSuffix: '+b1' }],
  ['ca-certificates', '20230311', 'ca-certificates', 'MPL-2.0', { archAll: ['ca-certificates'] }],
  ['cdebconf', '0.270', 'libdebconfclient0', 'BSD-2-Clause'],
  ['coreutils', '9.1-1', 'coreutils', 'GPL-3.0-or-later'],
  ['curl', '7.88.1-10+deb12u1 7.88.1-10+deb12u3 7.88.1-10+deb12u5 7.88.1-10+deb12u8', 'curl libcurl4', 'curl'],
  ['cyrus-sasl2', '2.1.28+dfsg-10', 'libsasl2-2 libsasl2-modules-db', 'BSD-4-Clause'],
  ['dash', '0.5.12-2', 'dash', 'BSD-3-Clause'],
  ['db5.3', '5.3.28+dfsg2-1', 'libdb5.3', 'Sleepycat'],
  ['debconf', '1.5.82', 'debconf', 'BSD-2-Clause', { archAll: ['debconf'] }],
  ['debian-archive-keyring', '2023.3+deb12u1', 'debian-archive-keyring', 'GPL-2.0-or-later', { archAll: ['debian-archive-keyring'] }],
  ['debianutils', '5.7-0.5~deb12u1', 'debianutils', 'GPL-2.0-or-later'],
  ['dpkg', '1.21.22', 'dpkg', 'GPL-2.0-or-later'],
  ['e2fsprogs', '1.47.0-2', 'libcom-err2', 'GPL-2.0-only'],
  ['expat', '2.5.0-1 2.5.0-1+deb12u1', 'libexpat1', 'MIT'],
  ['findutils', '4.9.0-4', 'findutils', 'GPL-3.0-or-later'],
  ['fontconfig', '2.14.1-4', 'fontconfig-config libfontconfig1', 'HPND-sell-variant', { archAll: ['fontconfig-config'] }],
  ['fonts-dejavu', '2.37-6', 'fonts-dejavu-core', 'Bitstream-Vera', { archAll: ['fonts-dejavu-core'] }],
  ['freetype', '2.12.1+dfsg-5 2.12.1+dfsg-5+deb12u3', 'libfreetype6', 'FTL'],
  ['gcc-12', '12.2.0-14', 'gcc-12-base libgcc-s1 libstdc++6 libatomic1', 'GPL-3.0-or-later'],
  ['glibc', '2.36-9+deb12u1 2.36-9+deb12u3 2.36-9+deb12u4 2.36-9+deb12u7 2.36-9+deb12u9', 'libc-bin libc6', 'LGPL-2.1-or-later'],
  ['gmp', '2:6.2.1+dfsg1-1.1', 'libgmp10', 'LGPL-3.0-or-later'],
  ['gnupg2', '2.2.40-1.1', 'gpgv', 'GPL-3.0-or-later'],
  ['gnutls28', '3.7.9-2 3.7.9-2+deb12u1 3.7.9-2+deb12u2 3.7.9-2+deb12u3', 'libgnutls30', 'LGPL-2.1-or-later'],
  ['grep', '3.8-5', 'grep', 'GPL-3.0-or-later'],
  ['gzip', '1.12-1', 'gzip', 'GPL-3.0-or-later'],
  ['hostname', '3.23+nmu1', 'hostname', 'GPL-2.0-only'],
  ['init-system-helpers', '1.65.2', 'init-system-helpers', 'BSD-3-Clause', { archAll: ['init-system-helpers'] }],
  ['keyutils', '1.6.3-2', 'libkeyutils1', 'LGPL-2.0-or-later'],
  ['krb5', '1.20.1-2+deb12u1 1.20.1-2+deb12u2 1.20.1-2+deb12u3', 'libgssapi-krb5-2 libk5crypto3 libkrb5-3 libkrb5support0', 'MIT'],
  ['lcms2', '2.14-2', 'liblcms2-2', 'MIT'],
  ['libcap-ng', '0.8.3-1', 'libcap-ng0', 'LGPL-2.1-or-later', { binSuffix: '+b3' }],
  ['libcap2', '1:2.66-4', 'libcap2', 'BSD-3-Clause'],
  ['libffi', '3.4.4-1', 'libffi8', 'MIT'],
  ['libgcrypt20', '1.10.1-3', 'libgcrypt20', 'LGPL-2.1-or-later'],
  ['libgpg-error', '1.46-1', 'libgpg-error0', 'LGPL-2.1-or-later'],
  ['libidn2', '2.3.3-1', 'libidn2-0', 'LGPL-3.0-or-later', { binSuffix: '+b1' }],
  ['libjpeg-turbo', '1:2.1.5-2', 'libjpeg62-turbo', 'BSD-3-Clause'],
  ['libmd', '1.0.4-2', 'libmd0', 'BSD-3-Clause'],
  ['libpng1.6', '1.6.39-2', 'libpng16-16', 'Libpng'],
  ['libpsl', '0.21.2-1', 'libpsl5', 'MIT', { binSuffix: '+b1' }],
  ['libseccomp', '2.5.4-1', 'libseccomp2', 'LGPL-2.1-only', { binSuffix: '+b3' }],
  ['libselinux', '3.4-1', 'libselinux1', 'public-domain', { binSuffix: '+b6' }],
  ['libsemanage', '3.4-1', 'libsemanage-common libsemanage2', 'LGPL-2.1-or-later', { archAll: ['libsemanage-common'] }],
  ['libsepol', '3.4-2.1', 'libsepol2', 'LGPL-2.1-or-later'],
  ['libssh2', '1.10.0-3', 'libssh2-1', 'BSD-3-Clause', { binSuffix: '+b1' }],
  ['libtasn1-6', '4.19.0-2 4.19.0-2+deb12u1', 'libtasn1-6', 'LGPL-2.1-or-later'],
  ['libunistring', '1.0-2', 'libunistring2', 'LGPL-3.0-or-later'],
  ['libxcrypt', '1:4.4.33-2', 'libcrypt1', 'LGPL-2.1-or-later'],
  ['libzstd', '1.5.4+dfsg2-5', 'libzstd1', 'BSD-3-Clause'],
  ['lz4', '1.9.4-1', 'liblz4-1', 'BSD-2-Clause'],
  ['mawk', '1.3.4.20200120-3.1', 'mawk', 'GPL-2.0-only'],
  ['ncurses', '6.4-4', 'libtinfo6 ncurses-base ncurses-bin libncursesw6', 'X11', { archAll: ['ncurses-base'] }],
  ['netbase', '6.4', 'netbase', 'GPL-2.0-only', { archAll: ['netbase'] }],
  ['nettle', '3.8.1-2', 'libhogweed6 libnettle8', 'LGPL-3.0-or-later'],
  ['nghttp2', '1.52.0-1 1.52.0-1+deb12u1 1.52.0-1+deb12u2', 'libnghttp2-14', 'MIT'],
  ['openldap', '2.5.13+dfsg-5', 'libldap-2.5-0', 'OLDAP-2.8'],
  ['openssl', '3.0.11-1~deb12u1 3.0.11-1~deb12u2 3.0.13-1~deb12u1 3.0.14-1~deb12u2 3.0.15-1~deb12u1', 'libssl3 openssl', 'Apache-2.0'],
  ['p11-kit', '0.24.1-2', 'libp11-kit0 p11-kit', 'BSD-3-Clause'],
  ['pam', '1.5.2-6 1.5.2-6+deb12u1', 'libpam-modules libpam-modules-bin libpam-runtime libpam0g', 'BSD-3-Clause', { archAll: ['libpam-runtime'] }],
  ['pcre2', '10.42-1', 'libpcre2-8-0', 'BSD-3-Clause'],
  ['perl', '5.36.0-7 5.36.0-7+deb12u1', 'perl-base', 'GPL-1.0-or-later'],
  ['readline', '8.2-1.3', 'libreadline8 readline-common', 'GPL-3.0-or-later', { archAll: ['readline-common'] }],
  ['rtmpdump', '2.4+20151223.gitfa8646d.1-2', 'librtmp1', 'LGPL-2.1-only', { binSuffix: '+b2' }],
  ['sed', '4.9-1', 'sed', 'GPL-3.0-or-later'],
  ['shadow', '1:4.13+dfsg1-1', 'login passwd', 'BSD-3-Clause'],
  ['sqlite3', '3.40.1-2 3.40.1-2+deb12u1', 'libsqlite3-0', 'public-domain'],
  ['systemd', '252.19-1~deb12u1 252.22-1~deb12u1 252.30-1~deb12u2', 'libsystemd0 libudev1', 'LGPL-2.1-or-later'],
  ['sysvinit', '3.06-4', 'sysvinit-utils', 'GPL-2.0-or-later'],
  ['tar', '1.34+dfsg-1.2 1.34+dfsg-1.2+deb12u1', 'tar', 'GPL-3.0-or-later'],
  ['tzdata', '2024a-0+deb12u1 2024b-0+deb12u1', 'tzdata', 'public-domain', { archAll: ['tzdata'] }],
  ['util-linux', '2.38.1-5 2.38.1-5+deb12u1', 'bsdutils libblkid1 libmount1 libsmartcols1 libuuid1 mount util-linux util-linux-extra', 'GPL-2.0-or-later', { binEpoch: { bsdutils: 1 } }],
  ['xxhash', '0.8.1-1', 'libxxhash0', 'BSD-2-Clause'],
  ['xz-utils', '5.4.1-0.2', 'liblzma5', 'public-domain'],
  ['zlib', '1:1.2.13.dfsg-1', 'zlib1g', 'Zlib'],
];

const ALPINE: Entry[] = [
  ['alpine-baselayout', '3.4.3-r2', 'alpine-baselayout alpine-baselayout-data', 'GPL-2.0-only'],
  ['alpine-keys', '2.4-r1', 'alpine-keys', 'MIT'],
  ['apk-tools', '2.14.0-r5 2.14.4-r0', 'apk-tools', 'GPL-2.0-only'],
  ['brotli', '1.1.0-r1', 'brotli-libs', 'MIT'],
  ['busybox', '1.36.1-r15 1.36.1-r20', 'busybox busybox-binsh ssl_client', 'GPL-2.0-only'],
  ['c-ares', '1.24.0-r1 1.27.0-r0', 'c-ares', 'MIT'],
  ['ca-certificates', '20240226-r0', 'ca-certificates ca-certificates-bundle', 'MPL-2.0 AND MIT'],
  ['curl', '8.5.0-r0 8.9.0-r0', 'curl libcurl', 'curl'],
  ['libc-dev', '0.7.2-r5', 'libc-utils', 'BSD-2-Clause AND BSD-3-Clause'],
  ['libidn2', '2.3.4-r4', 'libidn2', 'GPL-2.0-or-later OR LGPL-3.0-or-later'],
  ['libpsl', '0.21.5-r0', 'libpsl', 'MIT'],
  ['libunistring', '1.1-r2', 'libunistring', 'GPL-2.0-or-later OR LGPL-3.0-or-later'],
  ['musl', '1.2.4_git20230717-r4', 'musl musl-utils', 'MIT'],
  ['nghttp2', '1.58.0-r0', 'nghttp2-libs', 'MIT'],
  ['openssl', '3.1.4-r2 3.1.4-r5 3.1.6-r0 3.1.7-r1', 'libcrypto3 libssl3', 'Apache-2.0'],
  ['pax-utils', '1.3.7-r2', 'scanelf', 'GPL-2.0-only'],
  ['tzdata', '2024a-r0', 'tzdata', 'Public-Domain'],
  ['zlib', '1.3.1-r0', 'zlib', 'Zlib'],
  ['zstd', '1.5.5-r8', 'zstd-libs', 'BSD-3-Clause OR GPL-2.0-or-later'],
];

/** Binary package name → its source, per distribution. */
export const OS_PACKAGES = { debian: build(DEBIAN), alpine: build(ALPINE) } as const;
export type OsFamily = keyof typeof OS_PACKAGES;

export const MAINTAINERS: Record<OsFamily, string> = {
  debian: 'Debian Developers <debian-devel@lists.debian.org>',
  alpine: 'Natanael Copa <ncopa@alpinelinux.org>',
};
