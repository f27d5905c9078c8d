import { ownersSummary } from '../../store/queries/owners-summary.js';
import { requestScope } from '../auth/scope.js';
import { guardedErrors } from './api-schemas.js';
import { Type } from './json-schema.js';
const severityCounts = Type.obj({ critical: Type.int, high: Type.int, medium: Type.int, low: Type.int, info: Type.int, total: Type.int });
export function registerOwnerRoutes(app, db) {
    app.get('/api/v1/owners', {
        config: { policy: 'read' },
        schema: {
            summary: 'Owners (teams) with their assets and open findings by severity; a tenant sees its own',
            tags: ['owners'],
            response: {
                200: Type.obj({ items: Type.arr(Type.obj({ id: Type.str, name: Type.str, tenant_id: Type.nstr, assets: Type.int, open_findings: severityCounts })), next_cursor: Type.nstr }),
                ...guardedErrors,
            },
        },
    }, async (req) => {
        const items = await ownersSummary(db, await requestScope(db, req));
        return { items, next_cursor: null };
    });
}
//# sourceMappingURL=owners.js.map