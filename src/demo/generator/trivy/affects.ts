import type { LangEcosystem } from './lang-catalog.js';
import type { OsFamily } from './os-catalog.js';

/**
 * Which package versions each advisory affects: everything before `firstFixed` in the catalog's version
 * list, or every version when there is no fix. `shown` is the FixedVersion text Trivy prints when the real
 * fix is a version the catalog does not list (or several branches).
 */

export type Ecosystem = OsFamily | LangEcosystem;
export type UnfixedStatus = 'affected' | 'will_not_fix' | 'fix_deferred';

export interface Affect {
  cve: string;
  ecosystem: Ecosystem;
  /** The source package for OS packages, the package name otherwise. */
  pkg: string;
  firstFixed: string | null;
  shown: string | null;
  status: UnfixedStatus;
}

// [cve, ecosystem, package, first fixed version in the catalog or an unfixed status, shown fixed version]
type Row = [string, Ecosystem, string, string, string?];

const ROWS: Row[] = [
  ['CVE-2011-3374', 'debian', 'apt', 'affected'],
  ['CVE-2016-2781', 'debian', 'coreutils', 'will_not_fix'],
  ['CVE-2023-4911', 'debian', 'glibc', '2.36-9+deb12u3'],
  ['CVE-2023-6246', 'debian', 'glibc', '2.36-9+deb12u4'],
  ['CVE-2024-2961', 'debian', 'glibc', '2.36-9+deb12u7'],
  ['CVE-2024-33599', 'debian', 'glibc', '2.36-9+deb12u7'],
  ['CVE-2010-4756', 'debian', 'glibc', 'affected'],
  ['CVE-2023-5981', 'debian', 'gnutls28', '3.7.9-2+deb12u1'],
  ['CVE-2024-0553', 'debian', 'gnutls28', '3.7.9-2+deb12u2'],
  ['CVE-2024-28834', 'debian', 'gnutls28', '3.7.9-2+deb12u3'],
  ['CVE-2024-37371', 'debian', 'krb5', '1.20.1-2+deb12u2'],
  ['CVE-2024-2236', 'debian', 'libgcrypt20', 'fix_deferred'],
  ['CVE-2024-12133', 'debian', 'libtasn1-6', '4.19.0-2+deb12u1'],
  ['CVE-2023-44487', 'debian', 'nghttp2', '1.52.0-1+deb12u1'],
  ['CVE-2024-28182', 'debian', 'nghttp2', '1.52.0-1+deb12u2'],
  ['CVE-2023-2953', 'debian', 'openldap', 'affected'],
  ['CVE-2023-48795', 'debian', 'libssh2', 'affected'],
  ['CVE-2023-5363', 'debian', 'openssl', '3.0.11-1~deb12u2'],
  ['CVE-2023-5678', 'debian', 'openssl', '3.0.13-1~deb12u1'],
  ['CVE-2023-6129', 'debian', 'openssl', '3.0.13-1~deb12u1'],
  ['CVE-2024-0727', 'debian', 'openssl', '3.0.13-1~deb12u1'],
  ['CVE-2024-6119', 'debian', 'openssl', '3.0.14-1~deb12u2'],
  ['CVE-2024-9143', 'debian', 'openssl', '3.0.15-1~deb12u1'],
  ['CVE-2024-22365', 'debian', 'pam', '1.5.2-6+deb12u1'],
  ['CVE-2023-47038', 'debian', 'perl', '5.36.0-7+deb12u1'],
  ['CVE-2011-4116', 'debian', 'perl', 'affected'],
  ['CVE-2023-7104', 'debian', 'sqlite3', '3.40.1-2+deb12u1'],
  ['CVE-2023-50387', 'debian', 'systemd', '252.22-1~deb12u1'],
  ['CVE-2023-7008', 'debian', 'systemd', 'affected'],
  ['CVE-2023-39804', 'debian', 'tar', '1.34+dfsg-1.2+deb12u1'],
  ['CVE-2005-2541', 'debian', 'tar', 'affected'],
  ['CVE-2024-28085', 'debian', 'util-linux', '2.38.1-5+deb12u1'],
  ['CVE-2023-45853', 'debian', 'zlib', 'will_not_fix'],
  ['CVE-2023-52425', 'debian', 'expat', '2.5.0-1+deb12u1'],
  ['CVE-2024-45490', 'debian', 'expat', '2.5.0-1+deb12u1'],
  ['CVE-2023-38545', 'debian', 'curl', '7.88.1-10+deb12u3'],
  ['CVE-2023-38546', 'debian', 'curl', '7.88.1-10+deb12u3'],
  ['CVE-2023-46218', 'debian', 'curl', '7.88.1-10+deb12u5'],
  ['CVE-2024-2398', 'debian', 'curl', '7.88.1-10+deb12u8', '7.88.1-10+deb12u6'],
  ['CVE-2024-7264', 'debian', 'curl', '7.88.1-10+deb12u8', '7.88.1-10+deb12u7'],
  ['CVE-2024-0727', 'alpine', 'openssl', '3.1.4-r5'],
  ['CVE-2024-4603', 'alpine', 'openssl', '3.1.6-r0', '3.1.5-r0'],
  ['CVE-2024-6119', 'alpine', 'openssl', '3.1.7-r1', '3.1.7-r0'],
  ['CVE-2023-42363', 'alpine', 'busybox', '1.36.1-r20', '1.36.1-r16'],
  ['CVE-2023-42364', 'alpine', 'busybox', '1.36.1-r20', '1.36.1-r19'],
  ['CVE-2023-42365', 'alpine', 'busybox', '1.36.1-r20', '1.36.1-r19'],
  ['CVE-2024-25629', 'alpine', 'c-ares', '1.27.0-r0'],
  ['CVE-2024-2398', 'alpine', 'curl', '8.9.0-r0', '8.7.1-r0'],
  ['CVE-2024-7264', 'alpine', 'curl', '8.9.0-r0'],
  ['CVE-2024-29041', 'npm', 'express', '4.19.2'],
  ['CVE-2024-43796', 'npm', 'express', '4.21.1', '4.20.0'],
  ['CVE-2024-45590', 'npm', 'body-parser', '1.20.3'],
  ['CVE-2024-45296', 'npm', 'path-to-regexp', '0.1.10'],
  ['CVE-2024-52798', 'npm', 'path-to-regexp', '0.1.12'],
  ['CVE-2024-47764', 'npm', 'cookie', '0.7.1', '0.7.0'],
  ['CVE-2022-24999', 'npm', 'qs', '6.11.0', '6.10.3'],
  ['CVE-2024-43799', 'npm', 'send', '0.19.0'],
  ['CVE-2024-43800', 'npm', 'serve-static', '1.16.2', '1.16.0'],
  ['CVE-2017-20165', 'npm', 'debug', '4.3.4', '3.1.0'],
  ['CVE-2022-25883', 'npm', 'semver', '7.5.2', '7.5.2, 6.3.1, 5.7.2'],
  ['CVE-2021-23337', 'npm', 'lodash', '4.17.21'],
  ['CVE-2020-8203', 'npm', 'lodash', '4.17.19'],
  ['CVE-2023-45857', 'npm', 'axios', '1.6.0'],
  ['CVE-2024-39338', 'npm', 'axios', '1.7.4'],
  ['CVE-2024-28849', 'npm', 'follow-redirects', '1.15.6'],
  ['CVE-2022-23540', 'npm', 'jsonwebtoken', '9.0.0'],
  ['CVE-2024-37890', 'npm', 'ws', '8.17.1', '5.2.4, 6.2.3, 7.5.10, 8.17.1'],
  ['CVE-2021-44906', 'npm', 'minimist', '1.2.6'],
  ['CVE-2023-26136', 'npm', 'tough-cookie', '4.1.3'],
  ['CVE-2024-4068', 'npm', 'braces', '3.0.3'],
  ['CVE-2024-4067', 'npm', 'micromatch', '4.0.8'],
  ['CVE-2024-21538', 'npm', 'cross-spawn', '7.0.5', '7.0.5, 6.0.6'],
  ['CVE-2023-3696', 'npm', 'mongoose', '7.6.3', '7.3.4, 6.11.3, 5.13.20'],
  ['CVE-2023-2251', 'npm', 'yaml', '2.3.4', '2.2.2'],
  ['CVE-2023-0842', 'npm', 'xml2js', '0.5.0'],
  ['CVE-2022-0235', 'npm', 'node-fetch', '2.6.7'],
  ['CVE-2024-28176', 'npm', 'jose', '4.15.5', '2.0.7, 4.15.5'],
  ['CVE-2022-25896', 'npm', 'passport', '0.6.0'],
  ['CVE-2022-31129', 'npm', 'moment', '2.29.4'],
  ['CVE-2022-29078', 'npm', 'ejs', '3.1.7'],
  ['CVE-2024-33883', 'npm', 'ejs', '3.1.10'],
  ['CVE-2021-23369', 'npm', 'handlebars', '4.7.7'],
  ['CVE-2023-32681', 'pip', 'requests', '2.31.0'],
  ['CVE-2024-35195', 'pip', 'requests', '2.32.3', '2.32.0'],
  ['CVE-2023-45803', 'pip', 'urllib3', '1.26.18', '2.0.7, 1.26.18'],
  ['CVE-2024-37891', 'pip', 'urllib3', '2.2.2', '1.26.19, 2.2.2'],
  ['CVE-2023-43804', 'pip', 'urllib3', '1.26.18', '2.0.6, 1.26.17'],
  ['CVE-2022-23491', 'pip', 'certifi', '2022.12.7'],
  ['CVE-2023-37920', 'pip', 'certifi', '2023.7.22'],
  ['CVE-2024-39689', 'pip', 'certifi', '2024.8.30', '2024.7.4'],
  ['CVE-2024-3651', 'pip', 'idna', '3.7'],
  ['CVE-2022-40897', 'pip', 'setuptools', '65.5.1'],
  ['CVE-2024-6345', 'pip', 'setuptools', '70.0.0'],
  ['CVE-2024-42005', 'pip', 'django', '4.2.15', '5.0.8, 4.2.15'],
  ['CVE-2024-27351', 'pip', 'django', '4.2.11', '5.0.3, 4.2.11, 3.2.25'],
  ['CVE-2023-46695', 'pip', 'django', '4.2.7', '4.2.7, 4.1.13, 3.2.23'],
  ['CVE-2022-34265', 'pip', 'django', '4.2.7', '4.0.6, 3.2.14'],
  ['CVE-2023-30861', 'pip', 'flask', '2.3.2', '2.3.2, 2.2.5'],
  ['CVE-2023-25577', 'pip', 'werkzeug', '2.3.8', '2.2.3'],
  ['CVE-2024-34069', 'pip', 'werkzeug', '3.0.3'],
  ['CVE-2023-46136', 'pip', 'werkzeug', '2.3.8', '3.0.1, 2.3.8'],
  ['CVE-2024-22195', 'pip', 'jinja2', '3.1.3'],
  ['CVE-2024-34064', 'pip', 'jinja2', '3.1.4'],
  ['CVE-2020-14343', 'pip', 'pyyaml', '5.4.1', '5.4'],
  ['CVE-2023-0286', 'pip', 'cryptography', '39.0.1'],
  ['CVE-2023-50782', 'pip', 'cryptography', '42.0.4', '42.0.0'],
  ['CVE-2024-26130', 'pip', 'cryptography', '42.0.4'],
  ['CVE-2023-50447', 'pip', 'pillow', '10.2.0'],
  ['CVE-2022-22817', 'pip', 'pillow', '9.5.0', '9.0.0'],
  ['CVE-2024-1135', 'pip', 'gunicorn', '22.0.0'],
  ['CVE-2024-6827', 'pip', 'gunicorn', '23.0.0'],
  ['CVE-2024-24762', 'pip', 'fastapi', '0.109.1'],
  ['CVE-2024-3772', 'pip', 'pydantic', '1.10.13', '2.4.0, 1.10.13'],
  ['CVE-2024-23334', 'pip', 'aiohttp', '3.9.2'],
  ['CVE-2024-30251', 'pip', 'aiohttp', '3.9.4'],
  ['CVE-2021-44228', 'jar', 'org.apache.logging.log4j:log4j-core', '2.15.0', '2.15.0, 2.3.1, 2.12.2'],
  ['CVE-2021-45046', 'jar', 'org.apache.logging.log4j:log4j-core', '2.16.0', '2.16.0, 2.12.2'],
  ['CVE-2021-45105', 'jar', 'org.apache.logging.log4j:log4j-core', '2.17.1', '2.17.0, 2.12.3, 2.3.1'],
  ['CVE-2021-44832', 'jar', 'org.apache.logging.log4j:log4j-core', '2.17.1', '2.17.1, 2.12.4, 2.3.2'],
  ['CVE-2020-36518', 'jar', 'com.fasterxml.jackson.core:jackson-databind', '2.13.2.1', '2.12.6.1, 2.13.2.1'],
  ['CVE-2022-42003', 'jar', 'com.fasterxml.jackson.core:jackson-databind', '2.13.4.2', '2.12.7.1, 2.13.4.2'],
  ['CVE-2022-42004', 'jar', 'com.fasterxml.jackson.core:jackson-databind', '2.13.4.2', '2.12.7.1, 2.13.4'],
  ['CVE-2022-22965', 'jar', 'org.springframework:spring-beans', '5.3.18', '5.3.18, 5.2.20'],
  ['CVE-2016-1000027', 'jar', 'org.springframework:spring-web', '6.0.13', '6.0.0'],
  ['CVE-2024-22243', 'jar', 'org.springframework:spring-web', '6.1.13', '5.3.32, 6.0.17, 6.1.4'],
  ['CVE-2022-1471', 'jar', 'org.yaml:snakeyaml', '2.0'],
  ['CVE-2022-25857', 'jar', 'org.yaml:snakeyaml', '1.33', '1.31'],
  ['CVE-2023-6378', 'jar', 'ch.qos.logback:logback-classic', '1.2.13', '1.3.12, 1.4.12, 1.2.13'],
  ['CVE-2023-6481', 'jar', 'ch.qos.logback:logback-core', '1.2.13', '1.4.14, 1.3.14, 1.2.13'],
  ['CVE-2023-2976', 'jar', 'com.google.guava:guava', '32.1.3-jre', '32.0.0-android'],
  ['CVE-2020-8908', 'jar', 'com.google.guava:guava', '32.1.3-jre', '32.0.0-android'],
  ['CVE-2022-42889', 'jar', 'org.apache.commons:commons-text', '1.10.0'],
  ['CVE-2024-47554', 'jar', 'commons-io:commons-io', '2.16.1', '2.14.0'],
  ['CVE-2023-44487', 'jar', 'io.netty:netty-codec-http2', '4.1.100.Final'],
  ['CVE-2023-34462', 'jar', 'io.netty:netty-handler', '4.1.94.Final'],
  ['CVE-2023-44487', 'jar', 'org.apache.tomcat.embed:tomcat-embed-core', '9.0.83', '8.5.94, 9.0.81, 10.1.14'],
  ['CVE-2023-46589', 'jar', 'org.apache.tomcat.embed:tomcat-embed-core', '9.0.83', '8.5.96, 9.0.83, 10.1.16'],
  ['CVE-2024-50379', 'jar', 'org.apache.tomcat.embed:tomcat-embed-core', '10.1.34', '9.0.98, 10.1.34, 11.0.2'],
  ['CVE-2022-31197', 'jar', 'org.postgresql:postgresql', '42.4.1'],
  ['CVE-2024-1597', 'jar', 'org.postgresql:postgresql', '42.7.4', '42.7.2, 42.6.1, 42.5.5, 42.4.4'],
  ['CVE-2024-24790', 'gobinary', 'stdlib', 'v1.21.11', '1.21.11, 1.22.4'],
  ['CVE-2023-39325', 'gobinary', 'stdlib', 'v1.21.5', '1.20.10, 1.21.3'],
  ['CVE-2024-34156', 'gobinary', 'stdlib', 'v1.22.7', '1.22.7, 1.23.1'],
  ['CVE-2023-45288', 'gobinary', 'stdlib', 'v1.21.11', '1.21.9, 1.22.2'],
  ['CVE-2023-44487', 'gobinary', 'golang.org/x/net', 'v0.17.0', '0.17.0'],
  ['CVE-2023-39325', 'gobinary', 'golang.org/x/net', 'v0.17.0', '0.17.0'],
  ['CVE-2023-45288', 'gobinary', 'golang.org/x/net', 'v0.23.0', '0.23.0'],
  ['CVE-2023-48795', 'gobinary', 'golang.org/x/crypto', 'v0.17.0', '0.17.0'],
  ['CVE-2023-44487', 'gobinary', 'google.golang.org/grpc', 'v1.58.3', '1.56.3, 1.57.1, 1.58.3'],
  ['CVE-2024-24786', 'gobinary', 'google.golang.org/protobuf', 'v1.33.0', '1.33.0'],
  ['CVE-2024-51744', 'gobinary', 'github.com/golang-jwt/jwt/v4', 'v4.5.1', '4.5.1'],
  ['CVE-2023-29401', 'gobinary', 'github.com/gin-gonic/gin', 'v1.9.1', '1.9.1'],
  ['CVE-2022-21698', 'gobinary', 'github.com/prometheus/client_golang', 'v1.11.1', '1.11.1'],
];

const UNFIXED = new Set<string>(['affected', 'will_not_fix', 'fix_deferred']);

/** Advisories by `<ecosystem>:<package>`. */
export const AFFECTS: ReadonlyMap<string, readonly Affect[]> = (() => {
  const map = new Map<string, Affect[]>();
  for (const [cve, ecosystem, pkg, fix, shown] of ROWS) {
    const unfixed = UNFIXED.has(fix);
    const affect: Affect = { cve, ecosystem, pkg, firstFixed: unfixed ? null : fix, shown: unfixed ? null : (shown ?? fix), status: unfixed ? (fix as UnfixedStatus) : 'affected' };
    const key = `${ecosystem}:${pkg}`;
    map.set(key, [...(map.get(key) ?? []), affect]);
  }
  return map;
})();
