function where(f) {
    const clauses = [];
    const params = [];
    const add = (sql, v) => { params.push(v); clauses.push(sql.replace('?', `$${params.length}`)); };
    if (!f.includeGone)
        clauses.push('gone_at is null');
    if (f.kind)
        add(f.kind.includes('*') ? 'kind like ?' : 'kind = ?', f.kind.replace(/\*/g, '%'));
    if (f.account)
        add('account = ?', f.account);
    if (f.owner)
        add('owner = ?', f.owner);
    if (f.label)
        add('? = any(labels)', f.label);
    if (f.search) {
        params.push(`%${f.search}%`);
        clauses.push(`(uid ilike $${params.length} or name ilike $${params.length})`);
    }
    return { sql: clauses.length ? `where ${clauses.join(' and ')}` : '', params };
}
export async function countAssets(db, f) {
    const w = where(f);
    const rows = await db.query(`select count(*)::int as n from v_assets ${w.sql}`, w.params);
    return rows[0]?.n ?? 0;
}
export async function listAssets(db, f, page = {}) {
    const w = where(f);
    const limit = page.limit !== undefined ? `limit ${Math.max(0, Math.floor(page.limit))}` : '';
    const offset = page.offset ? `offset ${Math.max(0, Math.floor(page.offset))}` : '';
    return db.query(`select uid, kind, name, owner, owner_reason, labels, provider, account, region, environment,
      unverified, first_seen, last_seen, gone_at
    from v_assets ${w.sql} order by kind, uid ${limit} ${offset}`, w.params);
}
//# sourceMappingURL=assets.js.map