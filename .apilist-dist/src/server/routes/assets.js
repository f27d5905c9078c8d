import { z } from 'zod';
import { MothershipError } from '../../model/errors.js';
import { assetDetail, assetsPage } from '../../store/queries/assets-page.js';
import { requestScope } from '../auth/scope.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { assetItem, errorSchema, findingItem, guardedErrors, listOf, pageQuery } from './api-schemas.js';
import { Type } from './json-schema.js';
const relationship = Type.obj({ from_uid: Type.str, kind: Type.str, to_uid: Type.str, source: Type.str, properties: Type.obj({}), other_kind: Type.nstr, other_name: Type.nstr });
const packageItem = Type.obj({ purl: Type.str, ecosystem: Type.str, name: Type.str, version: Type.str, path: Type.str, source: Type.str, licenses: Type.arr(Type.str) });
export function registerAssetRoutes(app, db) {
    app.get('/api/v1/assets', {
        config: { policy: 'read' },
        schema: {
            summary: 'Assets in uid order, with keyset pagination',
            tags: ['assets'],
            querystring: {
                type: 'object',
                additionalProperties: false,
                properties: {
                    kind: { type: 'string', maxLength: 128, description: 'exact kind, or with * as a wildcard (aws.ec2.*)' },
                    account: { type: 'string', maxLength: 128 },
                    owner: { type: 'string', maxLength: 512 },
                    label: { type: 'string', maxLength: 128 },
                    q: { type: 'string', maxLength: 512, description: 'substring of uid or name, case-insensitive' },
                    include_gone: { type: 'boolean', default: false },
                    ...pageQuery,
                },
            },
            response: { 200: listOf(assetItem), ...guardedErrors },
        },
    }, async (req) => {
        const q = req.query;
        const scope = await requestScope(db, req);
        const page = await assetsPage(db, scope, { kind: q.kind, account: q.account, owner: q.owner, label: q.label, q: q.q, includeGone: q.include_gone }, { after: decodeCursor(q.cursor, z.string().min(1)), limit: q.limit });
        return { items: page.items, next_cursor: page.next ? encodeCursor(page.next) : null };
    });
    app.get('/api/v1/assets/:uid', {
        config: { policy: 'read' },
        schema: {
            summary: 'One asset (uid URL-encoded) with relationships both ways, packages, open findings, labels and owner reason',
            tags: ['assets'],
            params: { type: 'object', properties: { uid: { type: 'string', minLength: 1, maxLength: 4096 } }, required: ['uid'] },
            response: {
                200: {
                    ...assetItem,
                    properties: {
                        ...assetItem.properties,
                        criticality: Type.nstr, tags: Type.obj({}), properties: Type.obj({}), source: Type.str,
                        relationships: Type.obj({ outgoing: Type.arr(relationship), incoming: Type.arr(relationship) }),
                        packages: Type.obj({ items: Type.arr(packageItem), total: Type.int, truncated: Type.bool }),
                        findings: Type.obj({ items: Type.arr(findingItem), truncated: Type.bool }),
                    },
                },
                ...guardedErrors, 404: errorSchema,
            },
        },
    }, async (req) => {
        const scope = await requestScope(db, req);
        const asset = await assetDetail(db, scope, req.params.uid);
        if (!asset)
            throw new MothershipError('NOT_FOUND', 'asset not found');
        return asset;
    });
}
//# sourceMappingURL=assets.js.map