import { z } from 'zod';
import { runsPage } from '../../store/queries/runs-page.js';
import { requestScope } from '../auth/scope.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { guardedErrors, listOf, pageQuery, runItem } from './api-schemas.js';
export function registerRunRoutes(app, db) {
    app.get('/api/v1/runs', {
        config: { policy: 'read' },
        schema: {
            summary: 'Runs (collections, imports, analyses), newest first; a tenant sees the uploads made for it',
            tags: ['runs'],
            querystring: {
                type: 'object',
                additionalProperties: false,
                properties: {
                    status: { type: 'string', enum: ['running', 'succeeded', 'partial', 'failed', 'interrupted'] },
                    source: { type: 'string', maxLength: 128 },
                    ...pageQuery,
                },
            },
            response: { 200: listOf(runItem), ...guardedErrors },
        },
    }, async (req) => {
        const scope = await requestScope(db, req);
        const page = await runsPage(db, scope, { before: decodeCursor(req.query.cursor, z.number().int().positive()), limit: req.query.limit,
            status: req.query.status, source: req.query.source });
        return { items: page.items, next_cursor: page.next ? encodeCursor(page.next) : null };
    });
}
//# sourceMappingURL=runs.js.map