import { Params, scopeCondition, whereSql } from './tenant-scope.js';
const SEV_RANK = `(case severity when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end)`;
/** The findings JSON contract's fields (docs/contracts.md), from v_findings. */
const ITEM_COLUMNS = `id, fingerprint, kind, rule_id, advisory_id, title, severity, risk_score, status, triage,
      asset_uid, package_purl, owner, evidence, sources, unverified, first_seen, last_seen, resolved_at,
      case when epss_score is not null then json_build_object('score', epss_score, 'percentile', epss_percentile) end as epss,
      case when in_kev then json_build_object('ransomware', kev_ransomware) end as kev,
      case when spread_assets is not null then json_build_object('assets', spread_assets, 'owners', spread_owners) end as spread`;
/**
 * In CISA KEV, as v_finding_exploitability decides it (its advisory id or an alias is a KEV CVE), written
 * against the findings table: lists filter and sort the table and read the view only for the page's rows.
 * The catalogue is read once per query (a hashed set, an array) rather than scanned for every finding
 * the list walks: the per-catalogue-row exists took ~1 s at 100,000 findings.
 */
const IN_KEV = `(kind = 'vuln' and (upper(advisory_id) in (select upper(cve_id) from kev)
  or (jsonb_typeof(properties->'aliases') = 'array' and properties->'aliases' ?| array(select cve_id from kev))))`;
function conditions(scope, f, p) {
    const c = [scopeCondition(scope, 'owner', p)];
    const status = f.status ?? 'open';
    if (status !== 'all')
        c.push(`status = ${p.add(status)}`);
    if (f.kind)
        c.push(`kind = ${p.add(f.kind)}`);
    if (f.severity)
        c.push(`severity = any(${p.add(f.severity.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))}::text[])`);
    if (f.owner)
        c.push(`owner = ${p.add(f.owner)}`);
    if (f.rule)
        c.push(`rule_id = ${p.add(f.rule)}`);
    if (f.advisory)
        c.push(`advisory_id = ${p.add(f.advisory)}`);
    if (f.kev)
        c.push(IN_KEV);
    if (f.asset)
        c.push(`asset_uid = ${p.add(f.asset)}`);
    if (f.riskMin !== undefined)
        c.push(`risk_score >= ${p.add(f.riskMin)}`);
    return c;
}
/**
 * The list order (risk desc nulls last, severity, id) as ascending keys, so one row comparison seeks past
 * the cursor through findings_list_idx / findings_owner_list_idx. Risk is numeric(5,2), so every score
 * sorts before 1000 (unscored).
 */
const RISK_KEY = 'coalesce(-risk_score, 1000)';
const ORDER = `${RISK_KEY}, ${SEV_RANK}, id`;
/** Rows after the cursor in the list order. */
function after(cursor, p) {
    return `(${ORDER}) > (coalesce(-${p.add(cursor.risk)}::numeric, 1000), ${p.add(cursor.sev)}::int, ${p.add(cursor.id)}::bigint)`;
}
/** One page of findings, most urgent first, and the cursor of the next page (null on the last). */
export async function findingsPage(db, scope, f, page) {
    const p = new Params();
    const c = conditions(scope, f, p);
    if (page.cursor)
        c.push(after(page.cursor, p));
    const limit = Math.max(1, Math.floor(page.limit));
    // The page's keys come from the table; v_findings (sources, EPSS, KEV, spread per row) is read for those
    // rows only, not for every row the sort has to look at.
    const keys = await db.query(`select id, risk_score as risk, ${SEV_RANK} as sev
    from findings ${whereSql(c)}
    order by ${ORDER} limit ${limit + 1}`, p.values);
    const shown = keys.slice(0, limit);
    const rows = shown.length ? await db.query(`select ${ITEM_COLUMNS} from v_findings where id = any($1::bigint[])`, [shown.map((k) => k.id)]) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const items = shown.map((k) => byId.get(k.id)).filter((r) => r !== undefined);
    const last = shown[shown.length - 1];
    return { items, next: keys.length > limit && last ? { risk: last.risk, sev: last.sev, id: last.id } : null };
}
/** Every matching finding, page by page, for exports: memory stays bounded whatever the count. */
export async function* allFindings(db, scope, f, batch = 1000) {
    let cursor = null;
    do {
        const page = await findingsPage(db, scope, f, { cursor, limit: batch });
        yield* page.items;
        cursor = page.next;
    } while (cursor);
}
export async function countFindingsInScope(db, scope, f) {
    const p = new Params();
    const rows = await db.query(`select count(*)::int as n from findings ${whereSql(conditions(scope, f, p))}`, p.values);
    return rows[0]?.n ?? 0;
}
/** One finding with its sources and history, or null when it does not exist or lies outside the scope. */
export async function findingDetail(db, scope, id) {
    const p = new Params();
    const c = [scopeCondition(scope, 'owner', p), `id = ${p.add(id)}`];
    const [row] = await db.query(`select ${ITEM_COLUMNS},
      description, remediation, risk_factors, owner_reason, due_at from v_findings ${whereSql(c)}`, p.values);
    if (!row)
        return null;
    const [sources, events] = await Promise.all([
        db.query('select source, scope, original_id, first_seen from finding_sources where finding_id = $1 order by source', [id]),
        db.query('select id, at, type, run_id, actor, details from finding_events where finding_id = $1 order by at, id', [id]),
    ]);
    return { ...row, source_links: sources, events };
}
//# sourceMappingURL=findings-page.js.map