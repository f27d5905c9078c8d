import type { EngineContext } from '../engine.js';
import type { ImageFacts } from './attribution.js';
import type { OsInfo } from './distro.js';
import { isDistro, matchOnOf } from './distro.js';
import type { InstalledPackage } from './match.js';
import { ecosystemBase, looseKey } from './package-names.js';

/** Reads the stored inventory for the matcher: set-based queries, packages streamed in keyset pages. */

type Db = EngineContext['db'];

export interface AssetFacts {
  uid: string;
  kind: string;
  owner: string | null;
  gone: boolean;
  os: OsInfo | null;
  /** Set for container images: what attribution needs. */
  image: ImageFacts | undefined;
}

interface AssetRow {
  uid: string;
  kind: string;
  name: string | null;
  owner: string | null;
  gone: boolean;
  os: unknown;
  diff_ids: unknown;
  layers: unknown;
  repo_tags: unknown;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

function osOf(v: unknown): OsInfo | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as { family?: unknown; name?: unknown };
  return { family: str(o.family), name: str(o.name) };
}

function layerDigests(diffIds: readonly string[], layers: unknown): (string | null)[] {
  const byDiffId = new Map<string, string>();
  if (Array.isArray(layers)) {
    for (const l of layers as unknown[]) {
      const layer = l && typeof l === 'object' ? (l as { digest?: unknown; diffId?: unknown }) : {};
      const d = str(layer.digest);
      const id = str(layer.diffId);
      if (d && id) byDiffId.set(id, d);
    }
  }
  return diffIds.map((id) => byDiffId.get(id) ?? null);
}

/**
 * The assets the matcher needs: those with packages (for the distro release and the owner) and every
 * container image (candidate base images), gone ones included: a product built on a base build that is
 * no longer scanned still carries its layers.
 */
export async function loadAssets(db: Db, only?: readonly string[]): Promise<Map<string, AssetFacts>> {
  const rows = await db.query<AssetRow>(`
    select a.uid, a.kind, a.name, a.owner, a.gone_at is not null as gone, a.properties->'os' as os,
      case when a.kind = 'container.image' then a.properties->'diffIds' end as diff_ids,
      case when a.kind = 'container.image' then a.properties->'layers' end as layers,
      case when a.kind = 'container.image' then a.properties->'repoTags' end as repo_tags
    from assets a
    where a.kind = 'container.image'
       or ${only ? 'a.uid = any($1::text[])' : 'exists (select 1 from packages p where p.asset_uid = a.uid)'}`, only ? [only] : []);
  const out = new Map<string, AssetFacts>();
  for (const r of rows) {
    const diffIds = strings(r.diff_ids);
    out.set(r.uid, {
      uid: r.uid,
      kind: r.kind,
      owner: r.owner,
      gone: r.gone,
      os: osOf(r.os),
      image: r.kind === 'container.image'
        ? { uid: r.uid, name: r.name, owner: r.owner, repoTags: strings(r.repo_tags), diffIds, layerDigests: layerDigests(diffIds, r.layers) }
        : undefined,
    });
  }
  return out;
}

/** `based_on` edges: image uid → the base image uids its labels name. */
export async function loadBasedOn(db: Db): Promise<Map<string, string[]>> {
  const rows = await db.query<{ from_uid: string; to_uid: string }>(
    `select distinct from_uid, to_uid from relationships where kind = 'based_on' order by from_uid, to_uid`);
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.from_uid);
    if (list) list.push(r.to_uid);
    else out.set(r.from_uid, [r.to_uid]);
  }
  return out;
}

/**
 * The loose (ecosystem, name) keys of the installed packages, to pre-select advisories in SQL: for distro
 * packages whose advisories name source packages, the source name too.
 */
export async function installedKeys(db: Db, only?: readonly string[]): Promise<string[]> {
  const rows = await db.query<{ ecosystem: string; name: string; source_name: string | null }>(
    `select distinct ecosystem, name, source_name from packages${only ? ' where asset_uid = any($1::text[])' : ''}`, only ? [only] : []);
  const keys = new Set<string>();
  for (const r of rows) {
    const base = ecosystemBase(r.ecosystem);
    keys.add(looseKey(base, r.name));
    if (r.source_name && isDistro(base) && matchOnOf(base) === 'source') keys.add(looseKey(base, r.source_name));
  }
  return [...keys].sort();
}

/** One package as the page query encodes it: a JSON array in the column order below. */
type PackageTuple = [string, string, string, string, string, string, string | null, string | null, string | null];

/**
 * Every installed package once (several sources may report the same one), in pages ordered by
 * (asset_uid, purl, path): keyset pagination on the primary key's prefix, never one query per package.
 * A page travels as one JSON text (one array per package): on PGlite that is several times cheaper
 * than as rows, whose fields are decoded one by one.
 */
export async function* packagePages(db: Db, pageSize: number, only?: readonly string[]): AsyncIterable<InstalledPackage[]> {
  let after: [string, string, string] | undefined;
  for (;;) {
    const params: unknown[] = [pageSize];
    const where: string[] = [];
    if (after) {
      params.push(...after);
      where.push('(asset_uid, purl, path) > ($2, $3, $4)');
    }
    if (only) {
      params.push(only);
      where.push(`asset_uid = any($${params.length}::text[])`);
    }
    const [page] = await db.query<{ rows: string | null }>(`
      select json_agg(json_build_array(asset_uid, purl, path, ecosystem, name, version, source_name, source_version, layer_digest)
                      order by asset_uid, purl, path)::text as rows
      from (select distinct on (asset_uid, purl, path) *
            from packages ${where.length ? `where ${where.join(' and ')}` : ''}
            order by asset_uid, purl, path, source
            limit $1) p`, params);
    const rows = page?.rows ? (JSON.parse(page.rows) as PackageTuple[]) : [];
    if (rows.length === 0) return;
    yield rows.map(([assetUid, purl, path, ecosystem, name, version, sourceName, sourceVersion, layerDigest]) =>
      ({ assetUid, purl, path, ecosystem, name, version, sourceName, sourceVersion, layerDigest }));
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = [last[0], last[1], last[2]];
  }
}

/** Scopes the matcher reported findings in before: they are claimed again, so what is gone resolves. */
export async function priorScopes(db: Db, source: string, only?: readonly string[]): Promise<string[]> {
  const rows = await db.query<{ scope: string }>(
    `select distinct scope from finding_sources where source = $1${only ? ' and scope = any($2::text[])' : ''}`,
    only ? [source, only] : [source]);
  return rows.map((r) => r.scope);
}

/**
 * Open vulnerability findings of these advisories on assets this run does not cover: images scanned
 * without a package list (a plain Trivy report), or everything outside a restricted run. They count in the
 * spread of an advisory as much as our own matches do.
 */
export async function openFindingsElsewhere(db: Db, advisoryIds: readonly string[], covered: readonly string[]): Promise<[string, string, string | null][]> {
  if (advisoryIds.length === 0) return [];
  const [r] = await db.query<{ rows: string | null }>(`
    select json_agg(json_build_array(advisory_id, asset_uid, owner))::text as rows
    from (select distinct advisory_id, asset_uid, owner from findings
          where kind = 'vuln' and status = 'open' and asset_uid is not null
            and advisory_id = any($1::text[]) and not (asset_uid = any($2::text[]))) x`, [advisoryIds, covered]);
  return r?.rows ? (JSON.parse(r.rows) as [string, string, string | null][]) : [];
}
