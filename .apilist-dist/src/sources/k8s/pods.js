import { z } from 'zod';
import { badInput } from '../../model/errors.js';
import { containerImageUid } from './images.js';
import { k8sUid } from './kinds.js';
const Container = z.looseObject({ name: z.string(), image: z.string().optional() });
const ContainerStatus = z.looseObject({ name: z.string(), imageID: z.string().optional() });
const PodFields = z.looseObject({
    spec: z.looseObject({
        nodeName: z.string().optional(),
        serviceAccountName: z.string().optional(),
        serviceAccount: z.string().optional(),
        containers: z.array(Container).default([]),
        initContainers: z.array(Container).default([]),
        ephemeralContainers: z.array(Container).default([]),
    }).default({ containers: [], initContainers: [], ephemeralContainers: [] }),
    status: z.looseObject({
        containerStatuses: z.array(ContainerStatus).default([]),
        initContainerStatuses: z.array(ContainerStatus).default([]),
        ephemeralContainerStatuses: z.array(ContainerStatus).default([]),
    }).optional(),
});
export function podFields(pod, where) {
    const r = PodFields.safeParse(pod);
    if (!r.success)
        throw badInput(where, `pod ${pod.metadata.namespace}/${pod.metadata.name}: ${r.error.issues[0].path.join('.')}: ${r.error.issues[0].message}`);
    return r.data;
}
export function indexReplicaSets(listing) {
    if (listing?.status !== 'ok')
        return null;
    return new Map(listing.items.map((rs) => [`${rs.metadata.namespace}/${rs.metadata.name}`, rs]));
}
const edge = (scope, from, kind, to, properties = {}) => ({ type: 'relationship', scope, relationship: { from, kind, to, properties } });
const controllerOf = (obj) => {
    const refs = obj.metadata.ownerReferences ?? [];
    return refs.find((r) => r.controller) ?? refs[0];
};
/**
 * The workload that manages a pod. A ReplicaSet's Deployment comes from the ReplicaSet's owner when
 * ReplicaSets were listed, else from its name: a Deployment names its ReplicaSets `<deployment>-<pod-template-hash>`.
 */
function podWorkload(idx, pod) {
    const owner = controllerOf(pod);
    const ns = pod.metadata.namespace;
    if (!owner)
        return undefined;
    if (owner.kind === 'DaemonSet' || owner.kind === 'StatefulSet' || owner.kind === 'Job') {
        return k8sUid(idx.cluster, ns, owner.kind.toLowerCase(), owner.name);
    }
    if (owner.kind !== 'ReplicaSet')
        return undefined;
    const rs = idx.replicaSets?.get(`${ns}/${owner.name}`);
    const rsOwner = rs ? controllerOf(rs) : undefined;
    if (rsOwner?.kind === 'Deployment')
        return k8sUid(idx.cluster, ns, 'deployment', rsOwner.name);
    if (rs)
        return undefined; // a bare ReplicaSet: not a workload we store
    const hash = pod.metadata.labels?.['pod-template-hash'];
    if (hash && owner.name.endsWith(`-${hash}`))
        return k8sUid(idx.cluster, ns, 'deployment', owner.name.slice(0, -hash.length - 1));
    return undefined;
}
/** The images a pod's containers run: one edge per image, naming the containers that run it. */
function imageRecords(scope, podUid, fields) {
    const statuses = new Map();
    for (const s of [...(fields.status?.containerStatuses ?? []), ...(fields.status?.initContainerStatuses ?? []), ...(fields.status?.ephemeralContainerStatuses ?? [])]) {
        statuses.set(s.name, s.imageID);
    }
    const byImage = new Map();
    for (const c of [...fields.spec.initContainers, ...fields.spec.containers, ...fields.spec.ephemeralContainers]) {
        if (!c.image)
            continue;
        const imageID = statuses.get(c.name) || null;
        const uid = containerImageUid(c.image, imageID);
        const seen = byImage.get(uid);
        if (seen)
            seen.containers.push(c.name);
        else
            byImage.set(uid, { image: c.image, imageID, containers: [c.name] });
    }
    const out = [];
    for (const [uid, e] of byImage) {
        // A reference: the image exists, but its scan (or registry) defines it; a reference never overwrites that.
        out.push({ type: 'asset', scope, asset: { uid, kind: 'container.image', name: e.image, provider: 'container', reference: true } });
        out.push(edge(scope, podUid, 'runs_image', uid, e));
    }
    return out;
}
/** A pod's edges: its images, service account, node and managing workload. */
export function podEdges(scope, idx, pod, where) {
    const fields = podFields(pod, where);
    const ns = pod.metadata.namespace;
    const uid = k8sUid(idx.cluster, ns, 'pod', pod.metadata.name);
    const out = imageRecords(scope, uid, fields);
    // The API defaults serviceAccountName to `default`; a hand-written manifest may leave it out.
    const sa = fields.spec.serviceAccountName || fields.spec.serviceAccount || 'default';
    out.push(edge(scope, uid, 'uses_service_account', k8sUid(idx.cluster, ns, 'serviceaccount', sa)));
    if (fields.spec.nodeName)
        out.push(edge(scope, uid, 'runs_on', k8sUid(idx.cluster, null, 'node', fields.spec.nodeName)));
    const workload = podWorkload(idx, pod);
    if (workload)
        out.push(edge(scope, workload, 'manages', uid));
    return out;
}
/** A Job started by a CronJob. */
export function jobEdges(scope, cluster, job) {
    const owner = controllerOf(job);
    if (owner?.kind !== 'CronJob')
        return [];
    return [edge(scope, k8sUid(cluster, job.metadata.namespace, 'cronjob', owner.name), 'manages', k8sUid(cluster, job.metadata.namespace, 'job', job.metadata.name))];
}
export { edge };
//# sourceMappingURL=pods.js.map