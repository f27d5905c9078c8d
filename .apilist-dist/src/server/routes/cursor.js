import { badInput } from '../../model/errors.js';
/**
 * Cursors are opaque to clients: the sort key of the last item, as base64url JSON. A cursor is only a
 * position, never a permission: the next page is filtered by the caller's scope like the first.
 */
export function encodeCursor(key) {
    return Buffer.from(JSON.stringify(key)).toString('base64url');
}
export function decodeCursor(cursor, schema) {
    if (cursor === undefined || cursor === '')
        return null;
    let value;
    try {
        value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    }
    catch {
        throw badInput('cursor', 'not a cursor this API returned');
    }
    const r = schema.safeParse(value);
    if (!r.success)
        throw badInput('cursor', 'not a cursor this API returned');
    return r.data;
}
//# sourceMappingURL=cursor.js.map