import { VERSION } from '../../version.js';
import { Params, scopeCondition } from '../../store/queries/tenant-scope.js';
import { requestScope } from '../auth/scope.js';
/** Everything from the store is untrusted text (reports, tags): escape it all. */
export function escapeHtml(s) {
    const text = s === null || s === undefined ? '' : typeof s === 'object' ? JSON.stringify(s) : typeof s === 'string' ? s : JSON.stringify(s) ?? '';
    return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
function table(title, rows) {
    if (rows.length === 0)
        return `<h2>${escapeHtml(title)}</h2><p>none yet</p>`;
    const cols = Object.keys(rows[0]);
    return `<h2>${escapeHtml(title)}</h2><table><tr>${cols.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>${rows
        .map((r) => `<tr>${cols.map((c) => `<td>${escapeHtml(r[c] instanceof Date ? (r[c]).toISOString() : r[c])}</td>`).join('')}</tr>`)
        .join('')}</table>`;
}
/**
 * A server-rendered overview of what is stored, until the dashboard (React, its own issue) replaces it.
 */
export function registerOverview(app, db) {
    app.get('/', { config: { policy: 'read' } }, async (req, reply) => {
        // Tenant-scoped like the API: a team sees its own counts, owners and uploads.
        const scope = await requestScope(db, req);
        const own = (column) => scopeCondition(scope, column, new Params()) ?? 'true';
        const values = scope.owners === null ? [] : [[...scope.owners]];
        const [assets, findings, owners, runs] = await Promise.all([
            db.query(`select kind, count(*)::int as assets from assets where gone_at is null and ${own('owner')} group by kind order by 2 desc`, values),
            db.query(`select severity, count(*)::int as open_findings from findings where status = 'open' and ${own('owner')}
                group by severity order by case severity when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end`, values),
            db.query(`select coalesce(owner, '(no owner)') as owner, count(*) filter (where severity in ('critical','high'))::int as critical_high,
                count(*)::int as open_findings from findings where status = 'open' and ${own('owner')} group by 1 order by 2 desc, 3 desc limit 20`, values),
            db.query(`select id, source, status, started_at from runs where ${own("input->>'owner'")} order by id desc limit 10`, values),
        ]);
        reply.type('text/html; charset=utf-8');
        return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mothership</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#1b1f24}table{border-collapse:collapse;margin-bottom:1rem}
td,th{border:1px solid #d0d7de;padding:4px 8px;text-align:left}th{background:#f6f8fa}</style></head>
<body><h1>Mothership</h1><p>version ${escapeHtml(VERSION)} · store: ${escapeHtml(db.backend)}</p>
${table('Open findings by severity', findings)}${table('Open findings by owner', owners)}${table('Assets by kind', assets)}${table('Recent runs', runs)}
</body></html>`;
    });
}
//# sourceMappingURL=overview.js.map