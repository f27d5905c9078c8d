const SEVERITY_ORDER = `case severity when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end`;
function where(f) {
    const clauses = [];
    const params = [];
    const add = (sql, v) => { params.push(v); clauses.push(sql.replace('?', `$${params.length}`)); };
    if (f.status && f.status !== 'all')
        add('status = ?', f.status);
    if (f.kind)
        add('kind = ?', f.kind);
    if (f.rule)
        add('rule_id = ?', f.rule);
    if (f.severity)
        add('severity = any(?::text[])', f.severity.split(',').map((s) => s.trim().toLowerCase()));
    if (f.owner)
        add('owner = ?', f.owner);
    if (f.asset)
        add('asset_uid = ?', f.asset);
    return { sql: clauses.length ? `where ${clauses.join(' and ')}` : '', params };
}
export async function countFindings(db, f) {
    const w = where(f);
    const rows = await db.query(`select count(*)::int as n from findings ${w.sql}`, w.params);
    return rows[0]?.n ?? 0;
}
/** Ordered by risk, then severity, then id: the most urgent first. */
export async function listFindings(db, f, page = {}) {
    const w = where(f);
    const limit = page.limit !== undefined ? `limit ${Math.max(0, Math.floor(page.limit))}` : '';
    const offset = page.offset ? `offset ${Math.max(0, Math.floor(page.offset))}` : '';
    return db.query(`select id, fingerprint, kind, rule_id, advisory_id, title, severity, risk_score, status, triage,
      asset_uid, package_purl, owner, evidence, sources, unverified, first_seen, last_seen, resolved_at,
      case when epss_score is not null then json_build_object('score', epss_score, 'percentile', epss_percentile) end as epss,
      case when in_kev then json_build_object('ransomware', kev_ransomware) end as kev,
      case when spread_assets is not null then json_build_object('assets', spread_assets, 'owners', spread_owners) end as spread
    from v_findings ${w.sql}
    order by risk_score desc nulls last, ${SEVERITY_ORDER}, id ${limit} ${offset}`, w.params);
}
//# sourceMappingURL=findings.js.map