import { Params, scopeCondition, whereSql } from './tenant-scope.js';
/**
 * Runs, newest first, before run id `before` when given. A tenant sees only the runs that wrote for one of
 * its owners (an upload with its owner): other runs' inputs and errors name other teams' files.
 */
export async function runsPage(db, scope, page) {
    const p = new Params();
    const c = [scopeCondition(scope, "input->>'owner'", p)];
    if (page.before)
        c.push(`id < ${p.add(page.before)}`);
    if (page.status)
        c.push(`status = ${p.add(page.status)}`);
    if (page.source)
        c.push(`source = ${p.add(page.source)}`);
    const limit = Math.max(1, Math.floor(page.limit));
    const rows = await db.query(`select id, source, status, started_at, finished_at,
      round(extract(epoch from (finished_at - started_at))::numeric, 2) as seconds, input, counts, error
    from runs ${whereSql(c)} order by id desc limit ${limit + 1}`, p.values);
    const items = rows.slice(0, limit);
    return { items, next: rows.length > limit ? items[items.length - 1].id : null };
}
//# sourceMappingURL=runs-page.js.map