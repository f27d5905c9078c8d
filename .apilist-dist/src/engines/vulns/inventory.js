import { isDistro, matchOnOf } from './distro.js';
import { ecosystemBase, looseKey } from './package-names.js';
const strings = (v) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string' && x !== '') : []);
const str = (v) => (typeof v === 'string' && v.trim() !== '' ? v : null);
function osOf(v) {
    if (!v || typeof v !== 'object')
        return null;
    const o = v;
    return { family: str(o.family), name: str(o.name) };
}
function layerDigests(diffIds, layers) {
    const byDiffId = new Map();
    if (Array.isArray(layers)) {
        for (const l of layers) {
            const layer = l && typeof l === 'object' ? l : {};
            const d = str(layer.digest);
            const id = str(layer.diffId);
            if (d && id)
                byDiffId.set(id, d);
        }
    }
    return diffIds.map((id) => byDiffId.get(id) ?? null);
}
const ASSET_COLUMNS = `a.uid, a.kind, a.name, a.owner, a.gone_at is not null as gone, a.properties->'os' as os,
      case when a.kind = 'container.image' then a.properties->'diffIds' end as diff_ids,
      case when a.kind = 'container.image' then a.properties->'layers' end as layers,
      case when a.kind = 'container.image' then a.properties->'repoTags' end as repo_tags`;
function assetFacts(r) {
    const diffIds = strings(r.diff_ids);
    return {
        uid: r.uid,
        kind: r.kind,
        owner: r.owner,
        gone: r.gone,
        os: osOf(r.os),
        image: r.kind === 'container.image'
            ? { uid: r.uid, name: r.name, owner: r.owner, repoTags: strings(r.repo_tags), diffIds, layerDigests: layerDigests(diffIds, r.layers) }
            : undefined,
    };
}
/**
 * The assets the matcher needs: those with packages (for the distro release and the owner) and every
 * container image (candidate base images), gone ones included: a product built on a base build that is
 * no longer scanned still carries its layers. With `only`, those assets and just the images their
 * attribution can name (see scopedAssets).
 */
export async function loadAssets(db, only) {
    if (only)
        return scopedAssets(db, only);
    const rows = await db.query(`
    select ${ASSET_COLUMNS}
    from assets a
    where a.kind = 'container.image' or exists (select 1 from packages p where p.asset_uid = a.uid)`);
    return { assets: new Map(rows.map((r) => [r.uid, assetFacts(r)])), basedOn: await loadBasedOn(db) };
}
/**
 * The scoped assets and the images attribution may name for them: those whose layer list is a proper
 * prefix of a scoped image's (compared whole, as jsonb) and the bases their `based_on` edges name. The
 * lineage of a scoped image comes out as if every image had been loaded.
 */
async function scopedAssets(db, only) {
    const out = new Map();
    for (const r of await db.query(`select ${ASSET_COLUMNS} from assets a where a.uid = any($1::text[])`, [only])) {
        out.set(r.uid, assetFacts(r));
    }
    const images = [...out.values()].flatMap((a) => (a.image && a.image.diffIds.length > 0 ? [a.image] : []));
    const prefixes = new Set();
    for (const image of images) {
        for (let n = 1; n < image.diffIds.length; n++)
            prefixes.add(JSON.stringify(image.diffIds.slice(0, n)));
    }
    const imageUids = [...out.values()].filter((a) => a.image).map((a) => a.uid);
    const basedOn = await loadBasedOn(db, imageUids);
    const targets = [...new Set([...basedOn.values()].flat())].filter((uid) => !out.has(uid));
    if (prefixes.size === 0 && targets.length === 0)
        return { assets: out, basedOn };
    const bases = await db.query(`
    select ${ASSET_COLUMNS} from assets a
    where a.kind = 'container.image' and (a.uid = any($1::text[]) or a.properties->'diffIds' = any($2::jsonb[]))`, [targets, [...prefixes]]);
    for (const r of bases)
        if (!out.has(r.uid))
            out.set(r.uid, assetFacts(r));
    return { assets: out, basedOn };
}
/** `based_on` edges: image uid → the base image uids its labels name; of the `from` images only, when given. */
export async function loadBasedOn(db, from) {
    if (from?.length === 0)
        return new Map();
    const rows = await db.query(`select distinct from_uid, to_uid from relationships where kind = 'based_on'${from ? ' and from_uid = any($1::text[])' : ''}
     order by from_uid, to_uid`, from ? [from] : []);
    const out = new Map();
    for (const r of rows) {
        const list = out.get(r.from_uid);
        if (list)
            list.push(r.to_uid);
        else
            out.set(r.from_uid, [r.to_uid]);
    }
    return out;
}
/**
 * The loose (ecosystem, name) keys of the installed packages, to pre-select advisories in SQL: for distro
 * packages whose advisories name source packages, the source name too.
 */
export async function installedKeys(db, only) {
    const rows = await db.query(`select distinct ecosystem, name, source_name from packages${only ? ' where asset_uid = any($1::text[])' : ''}`, only ? [only] : []);
    return keysOf(rows.map((r) => ({ ecosystem: r.ecosystem, name: r.name, sourceName: r.source_name })));
}
/** installedKeys of packages already read (a scoped run whose packages fit in one page). */
export function keysOf(packages) {
    const keys = new Set();
    for (const p of packages) {
        const base = ecosystemBase(p.ecosystem);
        keys.add(looseKey(base, p.name));
        if (p.sourceName && isDistro(base) && matchOnOf(base) === 'source')
            keys.add(looseKey(base, p.sourceName));
    }
    return [...keys].sort();
}
/**
 * Every installed package once (several sources may report the same one), in pages ordered by
 * (asset_uid, purl, path): keyset pagination on the primary key's prefix, never one query per package.
 * A page travels as one JSON text (one array per package): on PGlite that is several times cheaper
 * than as rows, whose fields are decoded one by one.
 */
export async function* packagePages(db, pageSize, only) {
    let after;
    for (;;) {
        const params = [pageSize];
        const where = [];
        if (after) {
            params.push(...after);
            where.push('(asset_uid, purl, path) > ($2, $3, $4)');
        }
        if (only) {
            params.push(only);
            where.push(`asset_uid = any($${params.length}::text[])`);
        }
        const [page] = await db.query(`
      select json_agg(json_build_array(asset_uid, purl, path, ecosystem, name, version, source_name, source_version, layer_digest)
                      order by asset_uid, purl, path)::text as rows
      from (select distinct on (asset_uid, purl, path) *
            from packages ${where.length ? `where ${where.join(' and ')}` : ''}
            order by asset_uid, purl, path, source
            limit $1) p`, params);
        const rows = page?.rows ? JSON.parse(page.rows) : [];
        if (rows.length === 0)
            return;
        yield rows.map(([assetUid, purl, path, ecosystem, name, version, sourceName, sourceVersion, layerDigest]) => ({ assetUid, purl, path, ecosystem, name, version, sourceName, sourceVersion, layerDigest }));
        if (rows.length < pageSize)
            return;
        const last = rows[rows.length - 1];
        after = [last[0], last[1], last[2]];
    }
}
/** Scopes the matcher reported findings in before: they are claimed again, so what is gone resolves. */
export async function priorScopes(db, source, only) {
    const rows = await db.query(`select distinct scope from finding_sources where source = $1${only ? ' and scope = any($2::text[])' : ''}`, only ? [source, only] : [source]);
    return rows.map((r) => r.scope);
}
/**
 * The assets a change of these advisories can concern: those with a package any of them names (by the
 * loose key, source names included), and those with open findings of them (a record that no longer names
 * a package, or is withdrawn, resolves there). Re-matching these alone is the incremental re-match.
 */
export async function assetsNamedBy(db, advisoryIds) {
    if (advisoryIds.length === 0)
        return [];
    const keyRows = await db.query('select distinct key from advisory_packages where advisory_id = any($1::text[])', [advisoryIds]);
    const keys = new Set(keyRows.map((r) => r.key));
    const names = await db.query('select distinct ecosystem, name, source_name from packages');
    const byName = [];
    const bySource = [];
    for (const r of names) {
        const base = ecosystemBase(r.ecosystem);
        if (keys.has(looseKey(base, r.name)))
            byName.push([r.ecosystem, r.name]);
        else if (r.source_name && isDistro(base) && keys.has(looseKey(base, r.source_name)))
            bySource.push([r.ecosystem, r.source_name]);
    }
    const rows = await db.query(`
    select distinct asset_uid from packages p
      where (p.ecosystem, p.name) in (select * from unnest($1::text[], $2::text[]))
         or (p.ecosystem, p.source_name) in (select * from unnest($3::text[], $4::text[]))
    union
    select distinct f.asset_uid from findings f
      where f.kind = 'vuln' and f.status = 'open' and f.asset_uid is not null
        and f.advisory_id = any(select unnest(array[a.id] || coalesce(a.aliases, '{}')) from advisories a where a.id = any($5::text[]))`, [byName.map((p) => p[0]), byName.map((p) => p[1]), bySource.map((p) => p[0]), bySource.map((p) => p[1]), advisoryIds]);
    return rows.map((r) => r.asset_uid).sort();
}
//# sourceMappingURL=inventory.js.map