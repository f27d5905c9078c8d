import { z } from 'zod';
import { badInput } from '../../model/errors.js';
/** What every object has; the rest of the object is kept as the API returned it. */
// Kubernetes refuses `/` and `%` in names (path segments); refusing them here keeps uids unambiguous.
const Name = z.string().min(1).max(253).regex(/^[^/%]+$/, 'a Kubernetes name has no / or %');
export const ObjectMeta = z.looseObject({
    name: Name,
    namespace: Name.optional(),
    uid: z.string().optional(),
    labels: z.record(z.string(), z.string()).optional(),
    annotations: z.record(z.string(), z.string()).optional(),
    ownerReferences: z.array(z.looseObject({ kind: z.string(), name: z.string(), controller: z.boolean().optional() })).optional(),
});
export const K8sObject = z.looseObject({ apiVersion: z.string().optional(), kind: z.string().optional(), metadata: ObjectMeta });
/** The API's error document, e.g. a 403: {"kind":"Status","status":"Failure","reason":"Forbidden","code":403}. */
export const StatusDocument = z.looseObject({
    kind: z.literal('Status'),
    status: z.string().optional(),
    message: z.string().optional(),
    reason: z.string().optional(),
    code: z.number().optional(),
});
export function statusError(s) {
    const head = [s.code, s.reason].filter((x) => x !== undefined && x !== '').join(' ');
    return [head, s.message].filter((x) => x).join(': ') || 'the API answered with a failure Status';
}
const ListDocument = z.looseObject({ items: z.array(z.unknown()).nullable() });
function issuePath(path) {
    return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}
/** Checks one item; the kind and apiVersion the API leaves out of list items are filled in. */
export function listItem(value, kind, where) {
    const r = K8sObject.safeParse(value);
    if (!r.success) {
        const issue = r.error.issues[0];
        throw badInput(where, `${issuePath(issue.path) || 'item'}: ${issue.message}`);
    }
    const item = r.data;
    if (item.kind !== undefined && item.kind !== kind.kind)
        throw badInput(where, `kind ${item.kind} in a list of ${kind.kind}`);
    if (kind.namespaced && !item.metadata.namespace)
        throw badInput(where, `metadata.namespace: missing on a ${kind.kind}`);
    // One key order whether the item came from an API page (no kind) or kubectl's output (kind first):
    // stored properties, and so their content hash, must not depend on the route.
    const { apiVersion, kind: _kind, ...rest } = item;
    return { apiVersion: apiVersion ?? kind.apiVersion, kind: kind.kind, ...rest };
}
/**
 * A List document (what `kubectl get -o json` prints, or one page of the API) as a listing; a Status
 * document (a refused list, as the collector stores it) is a failed listing.
 */
export function parseListDocument(doc, kind, where) {
    const status = StatusDocument.safeParse(doc);
    if (status.success)
        return { status: 'failed', error: statusError(status.data) };
    const list = ListDocument.safeParse(doc);
    if (!list.success)
        throw badInput(where, `expected a List with items (kubectl get ${kind.resource} -A -o json)`);
    const items = (list.data.items ?? []).map((item, i) => listItem(item, kind, `${where} items[${i}]`));
    return { status: 'ok', items };
}
//# sourceMappingURL=list.js.map