import { ownerFromTags } from '../aws/tags.js';
import { K8S_KINDS, k8sScope, k8sUid } from './kinds.js';
import { ingressEdges, podsByNamespace, serviceEdges } from './network.js';
import { indexReplicaSets, jobEdges, podEdges } from './pods.js';
import { assetProperties } from './properties.js';
import { bindingEdges, serviceAccountEdges } from './rbac.js';
function asset(scope, cluster, k, obj) {
    const ns = obj.metadata.namespace;
    const tags = obj.metadata.labels ?? {};
    return {
        type: 'asset',
        scope,
        asset: {
            uid: k8sUid(cluster, k.namespaced ? ns : null, k.name, obj.metadata.name),
            kind: `k8s.${k.name}`,
            name: k.namespaced ? `${ns}/${obj.metadata.name}` : obj.metadata.name,
            provider: 'k8s',
            account: cluster,
            properties: assetProperties(k.name, obj),
            tags,
            ...ownerFromTags(tags),
        },
    };
}
/** Edges an object asserts, in its own scope. Service → pod edges also depend on the pod listing. */
function edgesOf(scope, k, obj, ctx, podIndex) {
    const where = `${ctx.where}: ${k.resource}`;
    switch (k.name) {
        case 'pod': return podEdges(scope, ctx.idx, obj, where);
        case 'job': return jobEdges(scope, ctx.cluster, obj);
        case 'service': return serviceEdges(scope, ctx.cluster, obj, podIndex, where);
        case 'ingress': return ingressEdges(scope, ctx.cluster, obj, where);
        case 'rolebinding':
        case 'clusterrolebinding': return bindingEdges(scope, ctx.cluster, k.name, obj, where);
        case 'serviceaccount': return serviceAccountEdges(scope, ctx.cluster, obj);
        default: return [];
    }
}
/**
 * A cluster's listings as records: one scope per kind (`k8s:<cluster>:<kind>`), complete when the kind was
 * listed, failed when it was refused or not collected. Services select pods, so a service scope whose pods
 * were not listed is partial: its `selects` edges are unknown and must not be swept.
 */
export function normalizeCluster(cluster, listings, where) {
    const pods = listings.get('pod');
    const ctx = { cluster, idx: { cluster, replicaSets: indexReplicaSets(listings.get('replicaset')) }, where };
    const podIndex = podsByNamespace(pods?.status === 'ok' ? pods.items : []);
    const out = [];
    for (const k of K8S_KINDS) {
        if (k.lookupOnly)
            continue;
        const scope = k8sScope(cluster, k.name);
        const listing = listings.get(k.name);
        if (!listing) {
            out.push({ type: 'coverage', scope, coverage: 'failed', error: `${k.resource} not collected` });
            continue;
        }
        if (listing.status === 'failed') {
            out.push({ type: 'coverage', scope, coverage: 'failed', error: `list ${k.resource}: ${listing.error}` });
            continue;
        }
        if (k.name === 'service' && pods?.status !== 'ok') {
            out.push({ type: 'coverage', scope, coverage: 'partial', error: 'pods not listed: which pods services select is unknown' });
        }
        else {
            out.push({ type: 'coverage', scope, coverage: 'complete' });
        }
        for (const obj of listing.items) {
            out.push(asset(scope, cluster, k, obj));
            out.push(...edgesOf(scope, k, obj, ctx, podIndex));
        }
    }
    return out;
}
//# sourceMappingURL=normalize.js.map