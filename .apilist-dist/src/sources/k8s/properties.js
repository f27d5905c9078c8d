/** kubectl apply copies the whole object here, Secret data included. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const sortedKeys = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v).sort() : []);
/**
 * What a Secret or ConfigMap says without its values: the key names replace `data`, `stringData` and
 * `binaryData`, and the last-applied annotation (a copy of the values) goes. Applied by the collector
 * before a dump is written and by the normalizer before anything is stored, so values never travel.
 */
export function withoutValues(obj) {
    const { data, stringData, binaryData, ...rest } = obj;
    const { [LAST_APPLIED]: _lastApplied, ...annotations } = obj.metadata.annotations ?? {};
    const metadata = { ...obj.metadata, ...(obj.metadata.annotations ? { annotations } : {}) };
    return {
        ...rest,
        metadata,
        dataKeys: [...new Set([...sortedKeys(data), ...sortedKeys(stringData)])].sort(),
        ...(binaryData !== undefined ? { binaryDataKeys: sortedKeys(binaryData) } : {}),
    };
}
/**
 * The same shape as the API's, with each value replaced by "": what the collector writes to a dump, so
 * the file is still what `kubectl get -o json` prints (key names and all) but holds no value.
 */
export function blankValues(obj) {
    const blank = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).map((k) => [k, ''])) : v);
    const out = { ...obj };
    for (const field of ['data', 'stringData', 'binaryData'])
        if (out[field] !== undefined)
            out[field] = blank(out[field]);
    const annotations = obj.metadata.annotations;
    if (annotations && LAST_APPLIED in annotations) {
        const { [LAST_APPLIED]: _lastApplied, ...rest } = annotations;
        out.metadata = { ...obj.metadata, annotations: rest };
    }
    return out;
}
/** Kinds whose values are never stored (the brief: metadata and key names only). */
export const VALUE_KINDS = new Set(['secret', 'configmap']);
/** The asset's properties: the object as the API returned it, minus managedFields (write bookkeeping) and values. */
export function assetProperties(kindName, obj) {
    const { managedFields: _managed, ...metadata } = obj.metadata;
    const clean = { ...obj, metadata };
    return VALUE_KINDS.has(kindName) ? withoutValues(clean) : clean;
}
//# sourceMappingURL=properties.js.map