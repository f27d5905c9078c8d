import type { Runtime } from '../names.js';

/**
 * Application dependencies per ecosystem, with real version strings oldest to newest. `core` packages are
 * in every app of that runtime, the others in some. An app's freshness picks how far along each list it is.
 */

export type LangEcosystem = 'npm' | 'pip' | 'jar' | 'gobinary';

export interface LangPackage {
  name: string;
  versions: readonly string[];
  core?: boolean;
  /** Pulled in by another package rather than named in the manifest. */
  indirect?: boolean;
}

type Entry = [name: string, versions: string, flags?: 'core' | 'indirect' | 'core-indirect'];
const build = (entries: Entry[]): LangPackage[] =>
  entries.map(([name, versions, flags]) => ({ name, versions: versions.split(' '), core: flags?.startsWith('core') ?? false, indirect: flags?.endsWith('indirect') ?? false }));

const NPM = build([
  ['express', '4.17.1 4.18.2 4.19.2 4.21.1', 'core'],
  ['body-parser', '1.19.0 1.20.1 1.20.2 1.20.3', 'core-indirect'],
  ['path-to-regexp', '0.1.7 0.1.10 0.1.12', 'core-indirect'],
  ['cookie', '0.4.1 0.5.0 0.6.0 0.7.1', 'core-indirect'],
  ['qs', '6.9.6 6.11.0 6.13.0', 'core-indirect'],
  ['send', '0.17.1 0.18.0 0.19.0', 'core-indirect'],
  ['serve-static', '1.14.1 1.15.0 1.16.2', 'core-indirect'],
  ['debug', '2.6.9 4.3.4 4.3.7', 'core-indirect'],
  ['ms', '2.0.0 2.1.2 2.1.3', 'core-indirect'],
  ['semver', '5.7.1 6.3.0 7.3.8 7.5.2 7.6.3', 'core-indirect'],
  ['lodash', '4.17.15 4.17.19 4.17.20 4.17.21'],
  ['axios', '0.21.1 1.4.0 1.6.0 1.7.4 1.7.9'],
  ['follow-redirects', '1.14.9 1.15.2 1.15.6 1.15.9', 'indirect'],
  ['jsonwebtoken', '8.5.1 9.0.0 9.0.2'],
  ['ws', '7.4.6 8.11.0 8.17.1 8.18.0'],
  ['minimist', '1.2.5 1.2.6 1.2.8', 'indirect'],
  ['tough-cookie', '4.0.0 4.1.2 4.1.3 4.1.4', 'indirect'],
  ['braces', '3.0.2 3.0.3', 'indirect'],
  ['micromatch', '4.0.5 4.0.8', 'indirect'],
  ['cross-spawn', '7.0.3 7.0.5 7.0.6', 'indirect'],
  ['helmet', '4.6.0 6.0.1 7.1.0'],
  ['cors', '2.8.5'],
  ['dotenv', '8.2.0 16.0.3 16.4.5'],
  ['uuid', '8.3.2 9.0.0 9.0.1 10.0.0'],
  ['pino', '7.11.0 8.11.0 9.4.0'],
  ['winston', '3.3.3 3.8.2 3.14.2'],
  ['pg', '8.7.1 8.11.0 8.13.0'],
  ['mongoose', '5.13.15 6.11.1 7.6.3 8.7.0'],
  ['ioredis', '4.28.5 5.3.2 5.4.1'],
  ['@aws-sdk/client-s3', '3.300.0 3.450.0 3.658.1'],
  ['zod', '3.20.2 3.22.4 3.23.8'],
  ['yaml', '2.2.1 2.3.4 2.5.1'],
  ['xml2js', '0.4.23 0.5.0 0.6.2'],
  ['node-fetch', '2.6.1 2.6.7 2.7.0'],
  ['graphql', '15.8.0 16.6.0 16.9.0'],
  ['jose', '2.0.6 4.14.4 4.15.5'],
  ['passport', '0.4.1 0.6.0 0.7.0'],
  ['moment', '2.29.1 2.29.4'],
  ['ejs', '3.1.6 3.1.7 3.1.10'],
  ['handlebars', '4.7.6 4.7.7 4.7.8'],
]);

const PIP = build([
  ['requests', '2.25.1 2.28.2 2.31.0 2.32.3', 'core'],
  ['urllib3', '1.26.5 1.26.15 1.26.18 2.0.7 2.2.2', 'core'],
  ['certifi', '2021.10.8 2022.12.7 2023.7.22 2024.8.30', 'core'],
  ['idna', '2.10 3.4 3.7 3.10', 'core'],
  ['charset-normalizer', '2.0.12 3.1.0 3.3.2', 'core'],
  ['setuptools', '58.1.0 65.5.0 65.5.1 70.0.0 75.1.0', 'core'],
  ['django', '3.2.12 4.2.7 4.2.11 4.2.15 4.2.16'],
  ['flask', '1.1.2 2.2.2 2.3.2 3.0.3'],
  ['werkzeug', '1.0.1 2.2.2 2.3.8 3.0.3 3.0.6'],
  ['jinja2', '2.11.3 3.1.2 3.1.3 3.1.4'],
  ['markupsafe', '1.1.1 2.1.1 2.1.5'],
  ['pyyaml', '5.3.1 5.4.1 6.0 6.0.2'],
  ['cryptography', '3.4.8 39.0.1 41.0.7 42.0.4 43.0.1'],
  ['pillow', '8.4.0 9.5.0 10.2.0 10.4.0'],
  ['numpy', '1.21.6 1.24.4 1.26.4'],
  ['pandas', '1.3.5 2.0.3 2.2.3'],
  ['sqlalchemy', '1.4.46 2.0.23 2.0.35'],
  ['psycopg2-binary', '2.9.3 2.9.9'],
  ['gunicorn', '20.1.0 21.2.0 22.0.0 23.0.0'],
  ['uvicorn', '0.17.6 0.23.2 0.30.6'],
  ['fastapi', '0.75.2 0.103.2 0.109.1 0.115.0'],
  ['pydantic', '1.9.0 1.10.13 2.5.3 2.9.2'],
  ['boto3', '1.21.0 1.28.57 1.35.20'],
  ['botocore', '1.24.0 1.31.57 1.35.20'],
  ['aiohttp', '3.8.1 3.9.2 3.9.4 3.10.5'],
]);

const MAVEN = build([
  ['org.springframework:spring-core', '5.3.9 5.3.18 5.3.31 6.0.13 6.1.13', 'core'],
  ['org.springframework:spring-beans', '5.3.9 5.3.18 5.3.31 6.0.13 6.1.13', 'core'],
  ['org.springframework:spring-web', '5.3.9 5.3.18 5.3.31 6.0.13 6.1.13', 'core'],
  ['org.springframework.boot:spring-boot', '2.5.4 2.6.6 2.7.18 3.1.5 3.3.4', 'core'],
  ['com.fasterxml.jackson.core:jackson-databind', '2.12.3 2.13.2.1 2.13.4.2 2.15.2 2.17.2', 'core-indirect'],
  ['com.fasterxml.jackson.core:jackson-core', '2.12.3 2.13.2 2.13.4 2.15.2 2.17.2', 'core-indirect'],
  ['org.apache.tomcat.embed:tomcat-embed-core', '9.0.52 9.0.60 9.0.83 10.1.16 10.1.30 10.1.34', 'core-indirect'],
  ['org.yaml:snakeyaml', '1.28 1.30 1.33 2.0 2.2', 'core-indirect'],
  ['ch.qos.logback:logback-classic', '1.2.3 1.2.11 1.2.13 1.4.14 1.5.8', 'core-indirect'],
  ['ch.qos.logback:logback-core', '1.2.3 1.2.11 1.2.13 1.4.14 1.5.8', 'core-indirect'],
  ['org.apache.logging.log4j:log4j-api', '2.14.1 2.15.0 2.16.0 2.17.1 2.20.0 2.23.1'],
  ['org.apache.logging.log4j:log4j-core', '2.14.1 2.15.0 2.16.0 2.17.1 2.20.0 2.23.1'],
  ['com.google.guava:guava', '30.1-jre 31.1-jre 32.1.3-jre 33.3.1-jre'],
  ['org.apache.commons:commons-text', '1.9 1.10.0 1.12.0'],
  ['commons-io:commons-io', '2.8.0 2.11.0 2.16.1'],
  ['io.netty:netty-codec-http2', '4.1.68.Final 4.1.86.Final 4.1.100.Final 4.1.113.Final', 'indirect'],
  ['io.netty:netty-handler', '4.1.68.Final 4.1.86.Final 4.1.94.Final 4.1.113.Final', 'indirect'],
  ['org.postgresql:postgresql', '42.2.23 42.4.1 42.6.0 42.7.4'],
  ['org.apache.httpcomponents:httpclient', '4.5.13 4.5.14'],
]);

const GO = build([
  ['stdlib', 'v1.20.5 v1.21.5 v1.21.11 v1.22.7 v1.23.2', 'core'],
  ['golang.org/x/net', 'v0.10.0 v0.17.0 v0.23.0 v0.30.0', 'core-indirect'],
  ['golang.org/x/crypto', 'v0.9.0 v0.17.0 v0.28.0', 'core-indirect'],
  ['golang.org/x/sys', 'v0.8.0 v0.15.0 v0.26.0', 'core-indirect'],
  ['google.golang.org/grpc', 'v1.56.2 v1.58.3 v1.67.1'],
  ['google.golang.org/protobuf', 'v1.30.0 v1.33.0 v1.34.2'],
  ['github.com/golang-jwt/jwt/v4', 'v4.4.2 v4.5.0 v4.5.1'],
  ['github.com/aws/aws-sdk-go', 'v1.44.100 v1.50.0 v1.55.5'],
  ['github.com/gin-gonic/gin', 'v1.8.1 v1.9.1 v1.10.0'],
  ['github.com/prometheus/client_golang', 'v1.11.0 v1.11.1 v1.20.4'],
  ['github.com/sirupsen/logrus', 'v1.8.1 v1.9.3'],
  ['go.uber.org/zap', 'v1.21.0 v1.27.0'],
  ['github.com/jackc/pgx/v5', 'v5.4.3 v5.5.4 v5.7.1'],
]);

export const LANG_PACKAGES: Record<LangEcosystem, readonly LangPackage[]> = { npm: NPM, pip: PIP, jar: MAVEN, gobinary: GO };

export const ECOSYSTEM_OF: Record<Runtime, LangEcosystem> = { node: 'npm', python: 'pip', java: 'jar', go: 'gobinary' };
