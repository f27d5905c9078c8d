import { findingsPage } from './findings-page.js';
import { Params, scopeCondition, whereSql } from './tenant-scope.js';
/** The assets JSON contract's fields (docs/contracts.md). */
const ITEM_COLUMNS = `uid, kind, name, owner, owner_reason, labels, provider, account, region, environment,
      unverified, first_seen, last_seen, gone_at`;
function conditions(scope, f, p) {
    const c = [scopeCondition(scope, 'owner', p)];
    if (!f.includeGone)
        c.push('gone_at is null');
    if (f.kind)
        c.push(f.kind.includes('*') ? `kind like ${p.add(f.kind.replace(/[%_\\]/g, '\\$&').replace(/\*/g, '%'))}` : `kind = ${p.add(f.kind)}`);
    if (f.account)
        c.push(`account = ${p.add(f.account)}`);
    if (f.owner)
        c.push(`owner = ${p.add(f.owner)}`);
    if (f.label)
        c.push(`${p.add(f.label)} = any(labels)`);
    if (f.q) {
        const like = p.add(`%${f.q.replace(/[%_\\]/g, '\\$&')}%`);
        c.push(`(uid ilike ${like} or name ilike ${like})`);
    }
    return c;
}
/** One page of assets in uid order; `next` is the last uid when more follow. */
export async function assetsPage(db, scope, f, page) {
    const p = new Params();
    const c = conditions(scope, f, p);
    if (page.after)
        c.push(`uid > ${p.add(page.after)}`);
    const limit = Math.max(1, Math.floor(page.limit));
    const rows = await db.query(`select ${ITEM_COLUMNS} from v_assets ${whereSql(c)} order by uid limit ${limit + 1}`, p.values);
    const items = rows.slice(0, limit);
    return { items, next: rows.length > limit ? items[items.length - 1].uid : null };
}
/** Packages shown on an asset page; the full list is in the SQL console (v_packages). */
export const ASSET_PACKAGE_CAP = 500;
export const ASSET_FINDING_CAP = 200;
const RELATIONSHIP_CAP = 500;
async function relationships(db, scope, uid, direction) {
    const p = new Params();
    const [self, other] = direction === 'outgoing' ? ['from_uid', 'to_uid'] : ['to_uid', 'from_uid'];
    // The other end is another asset; one outside the tenant (or unknown to the inventory) is not shown.
    const visible = scopeCondition(scope, 'a.owner', p);
    const c = [`r.${self} = ${p.add(uid)}`, visible === null ? null : `(a.uid is not null and ${visible})`];
    return db.query(`select r.from_uid, r.kind, r.to_uid, r.source, r.properties, a.kind as other_kind, a.name as other_name
    from relationships r left join assets a on a.uid = r.${other} ${whereSql(c)}
    order by r.kind, r.${other} limit ${RELATIONSHIP_CAP}`, p.values);
}
/** One asset with what is linked to it, or null when unknown or outside the scope. */
export async function assetDetail(db, scope, uid) {
    const p = new Params();
    const [row] = await db.query(`select ${ITEM_COLUMNS}, criticality, tags, properties, source
    from v_assets ${whereSql([scopeCondition(scope, 'owner', p), `uid = ${p.add(uid)}`])}`, p.values);
    if (!row)
        return null;
    const outgoing = await relationships(db, scope, uid, 'outgoing');
    const incoming = await relationships(db, scope, uid, 'incoming');
    const packages = await db.query(`select purl, ecosystem, name, version, path, source, licenses from packages
    where asset_uid = $1 order by name, version, path limit ${ASSET_PACKAGE_CAP + 1}`, [uid]);
    const [count] = await db.query('select count(*)::int as n from packages where asset_uid = $1', [uid]);
    // Findings follow their own owner: an inherited base-image finding owned by another tenant is not listed.
    const findings = await findingsPage(db, scope, { asset: uid, status: 'open' }, { limit: ASSET_FINDING_CAP });
    return {
        ...row,
        relationships: { outgoing, incoming },
        packages: { items: packages.slice(0, ASSET_PACKAGE_CAP), total: count?.n ?? 0, truncated: packages.length > ASSET_PACKAGE_CAP },
        findings: { items: findings.items, truncated: findings.next !== null },
    };
}
//# sourceMappingURL=assets-page.js.map