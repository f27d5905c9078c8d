import type { Db } from '../../src/store/db.js';
import { addUser, createToken } from '../../src/server/auth/accounts.js';

/**
 * Two tenants for API tests. Every text of tenant B (team-bravo) carries CANARY: asset names and uids,
 * finding titles, evidence, package names, a run's file name; tenant A (team-alpha, with its sub-team
 * team-alpha-web) must never see one. Some of B's data hangs off A's assets: an inherited base-image
 * finding on A's image (owned by B, the base image's owner) and a relationship from A's image to B's.
 */
export const CANARY = 'canary-b';
export const CANARY_STRINGS = [CANARY, 'team-bravo'];

export const A_IMAGE = 'registry.example.com/alpha/api@sha256:aaaa';
export const A_WEB = 'arn:aws:ec2:us-east-1:111111111111:instance/i-alpha-web';
export const B_BASE = `registry.example.com/${CANARY}/base@sha256:bbbb`;
export const B_BUCKET = `arn:aws:s3:::${CANARY}-bucket`;

export interface Seeded {
  findings: { a: number[]; b: number[]; unowned: number };
  /** Attack-path findings, when seeded with `paths`: A's through its web server, B's through the same server to B's bucket. */
  paths?: { a: number; b: number };
  tokens: Record<'admin' | 'analyst' | 'memberA' | 'viewerA' | 'memberB', string>;
}

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

export async function seedTenants(db: Db, options: { extraFindings?: number; paths?: boolean } = {}): Promise<Seeded> {
  const now = new Date('2026-03-01T00:00:00Z');
  await db.query(`insert into tenants (id, name) values ('team-alpha', 'Team Alpha'), ('team-bravo', 'Team Bravo')`);
  await db.query(`insert into owners (id, name, tenant_id) values ('team-alpha', 'Team Alpha', 'team-alpha'), ('team-alpha-web', 'Alpha web', 'team-alpha'),
    ('team-bravo', 'Team Bravo ${CANARY}', 'team-bravo')`);
  const asset = (uid: string, kind: string, name: string, owner: string | null) => db.query(
    `insert into assets (uid, kind, provider, account, name, owner, owner_reason, labels, source, scope, content_hash, first_seen, last_seen)
     values ($1, $2, 'aws', '111111111111', $3, $4, $5, $6, 'test', 'test:scope', 'h', $7, $7)`,
    [uid, kind, name, owner, owner ? `tag team=${owner}` : null, owner === 'team-bravo' ? [`label-${CANARY}`] : ['isPublic'], now]);
  await asset(A_IMAGE, 'container.image', 'alpha api', 'team-alpha');
  await asset(A_WEB, 'aws.ec2.instance', 'alpha web server', 'team-alpha-web');
  await asset(B_BASE, 'container.image', `${CANARY} base image`, 'team-bravo');
  await asset(B_BUCKET, 'aws.s3.bucket', `${CANARY} bucket`, 'team-bravo');
  await asset('arn:aws:iam::111111111111:role/unowned', 'aws.iam.role', 'unowned role', null);
  await db.query(`insert into relationships (from_uid, kind, to_uid, source, scope, first_seen) values
    ($1, 'based_on', $2, 'test', 'test:scope', $4), ($3, 'runs', $1, 'test', 'test:scope', $4), ($1, 'reads', $5, 'test', 'test:scope', $4)`,
    [A_IMAGE, B_BASE, A_WEB, now, B_BUCKET]);
  await db.query(`insert into packages (asset_uid, purl, ecosystem, name, version, source, scope, first_seen) values
    ($1, 'pkg:npm/lodash@4.17.20', 'npm', 'lodash', '4.17.20', 'test', 'test:scope', $3),
    ($2, 'pkg:deb/debian/${CANARY}-libc@1.0', 'Debian', '${CANARY}-libc', '1.0', 'test', 'test:scope', $3)`, [A_IMAGE, B_BASE, now]);

  const ids = { a: [] as number[], b: [] as number[], unowned: 0 };
  let n = 0;
  const finding = async (owner: string | null, asset: string, title: string, opts: { risk?: number | null; severity?: string; kev?: boolean; evidence?: object } = {}) => {
    n++;
    const [row] = await db.query<{ id: number }>(
      `insert into findings (fingerprint, kind, rule_id, advisory_id, title, severity, risk_score, asset_uid, package_purl, owner, evidence, source, content_hash, first_seen, last_seen)
       values ($1, 'vuln', null, $2, $3, $4, $5, $6, null, $7, $8, 'test', 'h', $9, $9) returning id`,
      [`fp-${n}`, opts.kev ? 'CVE-2021-44228' : `CVE-2024-${1000 + n}`, title, opts.severity ?? SEVERITIES[n % 5], opts.risk === undefined ? (n * 7) % 100 : opts.risk,
        asset, owner, opts.evidence ?? { note: `evidence ${n}` }, now]);
    await db.query(`insert into finding_sources (finding_id, source, scope, original_id, first_seen) values ($1, 'test', 'test:scope', $2, $3)`, [row!.id, `orig-${n}`, now]);
    await db.query(`insert into finding_events (finding_id, at, type, details) values ($1, $2, 'opened', $3)`, [row!.id, now, { note: title }]);
    return row!.id;
  };
  ids.a.push(await finding('team-alpha', A_IMAGE, '=HYPERLINK("http://x","alpha lodash")', { risk: 90, kev: true }));
  ids.a.push(await finding('team-alpha-web', A_WEB, 'alpha web: openssl', { risk: null }));
  for (let i = 0; i < (options.extraFindings ?? 12); i++) ids.a.push(await finding(i % 2 ? 'team-alpha' : 'team-alpha-web', A_WEB, `alpha finding ${i}`, { risk: i % 4 === 0 ? null : 50 }));
  // Inherited from B's base image: listed on A's image, owned by B.
  ids.b.push(await finding('team-bravo', A_IMAGE, `${CANARY} inherited openssl`, { risk: 95, evidence: { layer: `${CANARY} layer` } }));
  ids.b.push(await finding('team-bravo', B_BUCKET, `${CANARY} public bucket`, { risk: 50, severity: 'critical', evidence: { bucket: `${CANARY}-bucket` } }));
  ids.b.push(await finding('team-bravo', B_BASE, `${CANARY} base vuln`, { risk: null, kev: true }));
  ids.unowned = await finding(null, 'arn:aws:iam::111111111111:role/unowned', `unowned ${CANARY} role finding`, { risk: 10 });
  const paths = options.paths ? { a: await pathFinding(db, 'team-alpha-web', A_PATH, now), b: await pathFinding(db, 'team-bravo', B_PATH, now) } : undefined;
  await db.query(`insert into kev (cve_id, known_ransomware) values ('CVE-2021-44228', true)`);
  await db.query(`insert into runs (source, status, input, counts, error) values
    ('trivy-json', 'failed', $1, '{}', $2), ('trivy-json', 'succeeded', '{"file": "alpha.json", "owner": "team-alpha"}', '{}', null)`,
  [{ file: `${CANARY}-report.json`, owner: 'team-bravo' }, `${CANARY}: bad record`]);

  await addUser(db, { name: 'admin', role: 'admin' });
  await addUser(db, { name: 'ana', role: 'analyst' });
  await addUser(db, { name: 'alice', role: 'member', tenant: 'team-alpha' });
  await addUser(db, { name: 'vera', role: 'viewer', tenant: 'team-alpha' });
  await addUser(db, { name: 'bob', role: 'member', tenant: 'team-bravo' });
  const tokens = {
    admin: await createToken(db, { user: 'admin' }),
    analyst: await createToken(db, { user: 'ana' }),
    memberA: await createToken(db, { user: 'alice' }),
    viewerA: await createToken(db, { user: 'vera' }),
    memberB: await createToken(db, { user: 'bob' }),
  };
  return { findings: ids, ...(paths ? { paths } : {}), tokens };
}

interface SeedPath { rule: string; owner_asset: string; title: string; nodes: { uid: string; kind: string; name: string }[] }

const node = (uid: string, kind: string, name: string) => ({ uid, kind, name });
const INTERNET = node('internet', 'internet', 'the internet');
const A_ROLE = 'arn:aws:iam::111111111111:role/alpha-web';
/** A's web server, reachable from the internet, answering IMDSv1: its role's credentials. */
const A_PATH: SeedPath = { rule: 'path.ssrf-imds-credentials', owner_asset: A_WEB, title: 'SSRF to instance credentials: internet → alpha web server → alpha-web (admin)',
  nodes: [INTERNET, node(A_WEB, 'compute', 'alpha web server'), node(A_ROLE, 'identity', 'alpha-web')] };
/** B's path crosses A's web server (a node A may query by) to B's bucket; every text of it names the canary. */
const B_PATH: SeedPath = { rule: 'path.exposed-vulnerable-workload', owner_asset: B_BUCKET, title: `exploitable exposed workload: internet → alpha web server → ${CANARY}-reader → ${CANARY} bucket (sensitive-data)`,
  nodes: [INTERNET, node(A_WEB, 'compute', 'alpha web server'), node(`arn:aws:iam::111111111111:role/${CANARY}-reader`, 'identity', `${CANARY}-reader`), node(B_BUCKET, 'data', `${CANARY} bucket`)] };

/** A path finding as the paths engine writes it (docs/paths.md): evidence with ordered nodes and explained edges. */
async function pathFinding(db: Db, owner: string, p: SeedPath, now: Date): Promise<number> {
  const edges = p.nodes.slice(1).map((to, i) => ({ from: p.nodes[i]!.uid, to: to.uid, kind: i === 0 ? 'exposes' : 'escalate', evidence: { text: `hop ${i + 1} to ${to.name}` } }));
  const target = p.nodes[p.nodes.length - 1]!;
  const evidence = { technique: p.rule.slice('path.'.length), entry: 'internet', target: target.uid, target_kinds: [target.kind === 'data' ? 'sensitive-data' : 'admin'], target_reasons: [], nodes: p.nodes, edges };
  const [row] = await db.query<{ id: number }>(
    `insert into findings (fingerprint, kind, rule_id, title, severity, risk_score, asset_uid, owner, owner_reason, evidence, source, content_hash, first_seen, last_seen)
     values ($1, 'path', $2, $3, 'critical', 97, $4, $5, 'source', $6, 'engine:paths', 'h', $7, $7) returning id::int as id`,
    [`fp-path-${owner}`, p.rule, p.title, p.owner_asset, owner, evidence, now]);
  await db.query(`insert into finding_sources (finding_id, source, scope, original_id, first_seen) values ($1, 'engine:paths', 'paths:all', $2, $3)`, [row!.id, p.rule, now]);
  return row!.id;
}
