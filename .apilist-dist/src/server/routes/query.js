import { runConsoleQuery } from '../../store/queries/sql-console.js';
import { requestScope } from '../auth/scope.js';
import { guardedErrors } from './api-schemas.js';
import { Type } from './json-schema.js';
export const QUERY_DEFAULT_ROWS = 1000;
export const QUERY_MAX_ROWS = 10_000;
export const QUERY_DEFAULT_TIMEOUT_MS = 10_000;
export const QUERY_MAX_TIMEOUT_MS = 60_000;
/**
 * `POST /api/v1/query`: the SQL console. One read-only statement; a tenant's statement sees only its own
 * rows through v_findings, v_assets and v_packages and no table (src/store/queries/sql-console.ts).
 */
export function registerQueryRoutes(app, db) {
    app.post('/api/v1/query', {
        config: { policy: 'read' },
        schema: {
            summary: 'Run one read-only SQL statement (statement timeout, row limit; tenants see only their views)',
            tags: ['query'],
            body: {
                type: 'object',
                additionalProperties: false,
                required: ['sql'],
                properties: {
                    sql: { type: 'string', minLength: 1, maxLength: 100_000 },
                    limit: { type: 'integer', minimum: 1, maximum: QUERY_MAX_ROWS, default: QUERY_DEFAULT_ROWS },
                    timeout_ms: { type: 'integer', minimum: 1, maximum: QUERY_MAX_TIMEOUT_MS, default: QUERY_DEFAULT_TIMEOUT_MS },
                },
            },
            response: {
                200: Type.obj({ columns: Type.arr(Type.str), items: Type.arr(Type.obj({})), truncated: Type.bool }, { additional: false }),
                ...guardedErrors,
            },
        },
    }, async (req) => {
        const scope = await requestScope(db, req);
        const r = await runConsoleQuery(db, scope, req.body.sql, { rowLimit: req.body.limit, timeoutMs: req.body.timeout_ms });
        return { columns: r.columns, items: r.rows, truncated: r.truncated };
    });
}
//# sourceMappingURL=query.js.map