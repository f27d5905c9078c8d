import type { AddressInfo } from 'node:net';
import type { Backend, Db } from '../src/store/db.js';
import { buildServer } from '../src/server/app.js';
import { addUser, createToken } from '../src/server/auth/accounts.js';
import { encodeCursor } from '../src/server/routes/cursor.js';
import { settle, timed } from './settle.js';
import type { BenchContext, BenchResult, Benchmark } from './types.js';

/** The issue's scales: 1M findings on PGlite, 5M on PostgreSQL. */
export const DEFAULT_ROWS: Record<Backend, number> = { pglite: 1_000_000, postgres: 5_000_000 };
export const CLIENTS = 50;
/** Requests per client per scenario, after one warm-up request each. */
const REQUESTS_PER_CLIENT = 10;
const PAGE = 50;
const TEAMS = 50;
const SOURCE = 'bench-api-list';
/** The member's tenant: one of the 50 owning teams. */
const MEMBER_TEAM = 'team-07';
/** Issue target, shown beside the results. */
const TARGET_P95_MS = 100;
const FILL_CHUNK = 100_000;

/**
 * The store as a sync leaves it, written in bulk SQL: a finding row per index, its finding_sources link
 * (one scope per 1,000 findings, as an image scan) and the scope's scope_state, which v_findings reads for
 * sources and last_seen. Events are left out: no list reads them. Shape, per finding index g (hashed so
 * neighbours differ): 90% vulnerabilities, 10% misconfigurations; severity critical 1/9, high 2/9, medium
 * 3/9, low 2/9, info 1/9; risk follows severity with spread, 5% unscored; owners across 50 teams (2% none);
 * 90% open. Row sizes follow bench/synthetic-findings.ts (title ~70, description ~300, evidence ~300 and
 * properties ~600 bytes). KEV holds every 75th CVE (1,200 CVEs, ~1.2% of vulnerability findings).
 */
function fillSql(from: number, to: number): string {
  return `
  with g as (
    select i, ('x' || substr(md5(i::text), 1, 8))::bit(32)::int & 2147483647 as h from generate_series(${from}, ${to}) i
  ), r as (
    select i, h, (h % 10) <> 0 as vuln, 10000 + (h / 7) % 90000 as cve,
      (array['critical','high','high','medium','medium','medium','low','low','info'])[1 + (h / 13) % 9] as severity
    from g
  )
  insert into findings (fingerprint, kind, rule_id, advisory_id, title, description, severity, risk_score, asset_uid,
    package_purl, owner, owner_reason, status, evidence, remediation, properties, source, content_hash, first_seen, last_seen, resolved_at)
  overriding system value
  select md5('fp' || i), case when vuln then 'vuln' else 'config' end,
    case when not vuln then 'KSV0' || (h % 90) end,
    case when vuln then 'CVE-' || (2015 + cve % 11) || '-' || cve end,
    case when vuln then 'CVE-' || (2015 + cve % 11) || '-' || cve || ': libssl3: ' || substr(md5(cve::text), 1, 40) else 'Runs as root user ' || md5(i::text) end,
    repeat(md5(cve::text), 9),
    severity,
    case when (h / 17) % 20 = 0 then null else least(100, greatest(0,
      (case severity when 'critical' then 80 when 'high' then 60 when 'medium' then 40 when 'low' then 20 else 5 end) + ((h / 23) % 2000) / 100.0))::numeric(5,2) end,
    'registry.example.com/team-' || (i / 1000) % ${TEAMS} || '/service-' || (i / 1000) || '@sha256:' || md5((i / 1000)::text),
    case when vuln then 'pkg:deb/debian/libssl3@' || (h % 4) || '.' || (h % 20) || '.1' end,
    case when (h / 31) % 50 = 0 then null else 'team-' || lpad(((i / 1000 + h % 3) % ${TEAMS})::text, 2, '0') end,
    'asset owner',
    case when (h / 37) % 10 = 0 then 'resolved' else 'open' end,
    jsonb_build_object('installedVersion', '1.2.3', 'fixedVersion', '1.2.4', 'target', 'debian 12.5', 'class', 'os-pkgs',
      'layer', jsonb_build_object('digest', 'sha256:' || md5(i::text) || md5(h::text), 'diffId', 'sha256:' || md5((i + 1)::text) || md5(h::text))),
    'Upgrade libssl3 to 1.2.4 or later.',
    jsonb_build_object('cvss', jsonb_build_object('nvd', jsonb_build_object('V3Vector', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'V3Score', 7.5)),
      'cwe', jsonb_build_array('CWE-' || (20 + h % 800)), 'references', jsonb_build_array(
        'https://nvd.nist.gov/vuln/detail/CVE-' || cve, 'https://security-tracker.debian.org/tracker/CVE-' || cve,
        'https://github.com/advisories?query=CVE-' || cve), 'severitySource', 'debian', 'notes', repeat(md5(h::text), 5)),
    '${SOURCE}', md5('c' || i), now() - interval '30 days', now(), case when (h / 37) % 10 = 0 then now() - interval '1 day' end
  from r`;
}

/**
 * One container-image asset per finding asset of the filled store, owned like its findings: every third a
 * critical production asset, one in ten groups of 1,000 internet-exposed (isPublic), so scoring and SLA
 * benchmarks see criticality, environment and exposure vary.
 */
export const FINDING_ASSETS_SQL = `
  insert into assets (uid, kind, provider, name, owner, environment, criticality, labels, source, scope, content_hash, first_seen, last_seen)
    select distinct on (asset_uid) asset_uid, 'container.image', 'container', asset_uid, owner,
      case when id % 3 = 0 then 'production' end, case when id % 3 = 0 then 'critical' end,
      case when (id / 1000) % 10 = 0 then '{isPublic}'::text[] else '{}' end, 'bench', 'bench', 'h', now(), now()
    from findings order by asset_uid, id;`;

export async function fill(ctx: BenchContext, rows: number): Promise<void> {
  const db = ctx.db;
  await db.exec(`insert into tenants (id, name) select 'team-' || lpad(t::text, 2, '0'), 'Team ' || t from generate_series(0, ${TEAMS - 1}) t;
    insert into owners (id, name, tenant_id) select id, name, id from tenants;
    insert into kev (cve_id, known_ransomware, date_added) select 'CVE-' || (2015 + n % 11) || '-' || n, n % 7 = 0, date '2024-01-01'
      from generate_series(10000, 99999) n where n % 75 = 0;
    insert into epss (cve_id, score, percentile, scored_on) select 'CVE-' || (2015 + n % 11) || '-' || n, (n % 1000) / 1000.0, (n % 997) / 997.0, current_date
      from generate_series(10000, 99999) n;`);
  for (let from = 1; from <= rows; from += FILL_CHUNK) {
    const to = Math.min(rows, from + FILL_CHUNK - 1);
    await db.exec(fillSql(from, to));
    ctx.log(`fill: ${to} findings`);
  }
  await db.exec(`insert into finding_sources (finding_id, source, scope, original_id, first_seen)
      select id, '${SOURCE}', 'image:' || (id / 1000), coalesce(advisory_id, rule_id), first_seen from findings;
    insert into scope_state (source, scope, last_run_id, last_coverage, last_attempt_at, last_complete_run_id, last_complete_at)
      select '${SOURCE}', 'image:' || s, 1, 'complete', now(), 1, now() from generate_series(0, ${Math.floor(rows / 1000)}) s;
    analyze`);
}

interface Scenario {
  name: string;
  /** Who asks: the analyst sees every tenant, the member its own. */
  as: 'analyst' | 'member';
  query: string;
  /** Follow next_cursor from a deep starting position instead of fetching the same page again. */
  deep?: boolean;
}

const SCENARIOS: readonly Scenario[] = [
  { name: 'first-page', as: 'analyst', query: '' },
  { name: 'deep-pages', as: 'analyst', query: '', deep: true },
  { name: 'severity', as: 'analyst', query: '&severity=critical,high' },
  { name: 'owner', as: 'analyst', query: `&owner=team-03` },
  { name: 'kev', as: 'analyst', query: '&kev=true' },
  { name: 'member-first-page', as: 'member', query: '' },
  { name: 'member-deep-pages', as: 'member', query: '', deep: true },
  { name: 'member-severity', as: 'member', query: '&severity=critical,high' },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

interface Latency { p50: number; p95: number; p99: number; max: number; requests: number; perSecond: number }

/** CLIENTS loops, each timing REQUESTS_PER_CLIENT calls of one() after a warm-up call. */
async function load(one: (client: number) => Promise<void>): Promise<Latency> {
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => one(c)));
  const times: number[] = [];
  const { seconds } = await timed(() => Promise.all(Array.from({ length: CLIENTS }, async (_, c) => {
    for (let k = 0; k < REQUESTS_PER_CLIENT; k++) {
      const t = performance.now();
      await one(c);
      times.push(performance.now() - t);
    }
  })));
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), max: times[times.length - 1] ?? NaN,
    requests: times.length, perSecond: times.length / seconds };
}

/** Starting cursors spread over the second half of the list a principal sees: pages a client reaches by paging far. */
async function deepCursors(db: Db, owner: string | null): Promise<string[]> {
  const where = `where status = 'open'${owner ? ' and owner = $2' : ''}`;
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>(`select count(*)::int as n from findings ${where.replace('$2', '$1')}`, owner ? [owner] : []);
  const positions = Array.from({ length: CLIENTS }, (_, c) => 1 + Math.floor(n / 2 + (c * (n / 2 - PAGE * (REQUESTS_PER_CLIENT + 2))) / CLIENTS));
  // One sort for all clients: the rows at those positions of the list order.
  const keys = await db.query<{ risk: string | null; sev: number; id: number }>(`select risk, sev, id from (
      select risk_score as risk, sev, id, row_number() over (order by risk_score desc nulls last, sev, id) as position
      from (select *, (case severity when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end) as sev
            from findings ${where}) f) x
    where position = any($1::bigint[]) order by position`, owner ? [positions, owner] : [positions]);
  if (keys.length !== CLIENTS) throw new Error(`api-list: ${keys.length} deep cursors for ${CLIENTS} clients (${n} findings)`);
  return keys.map((k) => encodeCursor({ risk: k.risk === null ? null : Number(k.risk), sev: k.sev, id: Number(k.id) }));
}

function result(ctx: BenchContext, name: string, rows: number, l: Latency, baseline: Latency, extra: Record<string, unknown> = {}): BenchResult {
  return { name: `api-list/${name}`, backend: ctx.backend, value: l.p95, unit: 'ms p95', baseline: baseline.p95, ratio: l.p95 / baseline.p95,
    rows, clients: CLIENTS, p50: l.p50, p99: l.p99, max: l.max, requests: l.requests, requestsPerSecond: l.perSecond,
    targetP95Ms: TARGET_P95_MS, ...extra };
}

/**
 * The findings list through the real server: 50 concurrent clients (fetch loops) on each scenario, latency
 * p50/p95/p99. Baseline: the same 50 clients running the plain `select ... from findings order by id limit 50`
 * (a keyset step by id) through the same Db, so the ratio is what the API and its query shape add.
 */
export const apiList: Benchmark = {
  name: 'api-list',
  description: `GET /api/v1/findings at ${DEFAULT_ROWS.pglite.toLocaleString('en')} findings (PGlite; ${DEFAULT_ROWS.postgres.toLocaleString('en')} on PostgreSQL),` +
    ` ${CLIENTS} concurrent clients: first page, deep keyset pages, filters, analyst and member; vs raw SQL pages by id`,
  async run(ctx) {
    const rows = ctx.rows ?? DEFAULT_ROWS[ctx.backend];
    const { seconds: fillSeconds } = await timed(() => fill(ctx, rows));
    ctx.log(`fill: ${rows} findings in ${fillSeconds.toFixed(1)} s`);
    await addUser(ctx.db, { name: 'bench-analyst', role: 'analyst' });
    await addUser(ctx.db, { name: 'bench-member', role: 'member', tenant: MEMBER_TEAM });
    const tokens = { analyst: await createToken(ctx.db, { user: 'bench-analyst' }), member: await createToken(ctx.db, { user: 'bench-member' }) };
    const deep = { analyst: await deepCursors(ctx.db, null), member: await deepCursors(ctx.db, MEMBER_TEAM) };
    await settle(ctx.db);

    const [{ max } = { max: 1 }] = await ctx.db.query<{ max: number }>('select max(id)::int as max from findings');
    ctx.log('baseline: raw SQL pages by id');
    const baseline = await load(async (c) => {
      const from = Math.floor(Math.random() * Math.max(1, Number(max) - PAGE));
      const got = await ctx.db.query(`select id, fingerprint, kind, rule_id, advisory_id, title, severity, risk_score, status, triage, asset_uid,
        package_purl, owner, evidence, unverified, first_seen, last_seen, resolved_at from findings where id > $1 order by id limit ${PAGE}`, [from]);
      if (got.length === 0) throw new Error(`api-list baseline: empty page (client ${c})`);
    });
    ctx.log(`baseline: p50 ${baseline.p50.toFixed(1)} ms, p95 ${baseline.p95.toFixed(1)} ms`);

    const app = await buildServer({ db: ctx.db });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/findings?limit=${PAGE}`;
    const results: BenchResult[] = [];
    try {
      for (const s of SCENARIOS) {
        const cursors = s.deep ? [...deep[s.as]] : [];
        const latency = await load(async (c) => {
          const url = `${base}${s.query}${s.deep ? `&cursor=${cursors[c]}` : ''}`;
          const res = await fetch(url, { headers: { authorization: `Bearer ${tokens[s.as]}` } });
          const body = await res.json() as { items?: unknown[]; next_cursor?: string | null };
          if (res.status !== 200 || !body.items?.length) throw new Error(`api-list ${s.name}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
          if (s.deep) {
            if (!body.next_cursor) throw new Error(`api-list ${s.name}: ran off the end of the list`);
            cursors[c] = body.next_cursor;
          }
        });
        ctx.log(`${s.name} (${s.as}): p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms`);
        results.push(result(ctx, s.name, rows, latency, baseline, { as: s.as, query: `limit=${PAGE}${s.query}${s.deep ? '&cursor=…' : ''}` }));
      }
    } finally {
      await app.close();
    }
    return [...results, { ...result(ctx, 'raw-sql-by-id', rows, baseline, baseline), fillSeconds }];
  },
};
