import { z } from 'zod';
import { badInput } from '../../model/errors.js';
import { k8sUid } from './kinds.js';
import { edge } from './pods.js';
const BindingFields = z.looseObject({
    roleRef: z.looseObject({ kind: z.string(), name: z.string().min(1) }),
    subjects: z.array(z.looseObject({ kind: z.string(), name: z.string().min(1), namespace: z.string().optional() })).nullable().optional(),
});
/**
 * The uid a binding's subject is known by: a ServiceAccount is an asset; users and groups exist only in
 * the authenticator, so they get a cluster-level uid (`.../_cluster/user/<name>`, `.../_cluster/group/<name>`).
 */
function subjectUid(cluster, bindingNamespace, s) {
    if (s.kind === 'ServiceAccount')
        return k8sUid(cluster, s.namespace || bindingNamespace, 'serviceaccount', s.name);
    return k8sUid(cluster, null, s.kind.toLowerCase(), s.name);
}
/** A (Cluster)RoleBinding's edges: to the role it binds (`binds_role`) and to each subject (`grants_to`). */
export function bindingEdges(scope, cluster, kindName, binding, where) {
    const r = BindingFields.safeParse(binding);
    if (!r.success)
        throw badInput(where, `${kindName} ${binding.metadata.name}: ${r.error.issues[0].path.join('.')}: ${r.error.issues[0].message}`);
    const ns = binding.metadata.namespace;
    const from = k8sUid(cluster, ns, kindName, binding.metadata.name);
    const { roleRef } = r.data;
    // A RoleBinding may bind a ClusterRole; its grants are then confined to the binding's namespace.
    const role = roleRef.kind === 'ClusterRole' ? k8sUid(cluster, null, 'clusterrole', roleRef.name) : k8sUid(cluster, ns, 'role', roleRef.name);
    const out = [edge(scope, from, 'binds_role', role)];
    const grant = { role: roleRef.name, roleKind: roleRef.kind, ...(ns ? { namespace: ns } : {}) };
    for (const s of r.data.subjects ?? [])
        out.push(edge(scope, from, 'grants_to', subjectUid(cluster, ns, s), { ...grant, subjectKind: s.kind }));
    return out;
}
export const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/;
/** IRSA: a ServiceAccount annotated with an IAM role ARN lets its pods assume that role. */
export function serviceAccountEdges(scope, cluster, sa) {
    const arn = sa.metadata.annotations?.[IRSA_ANNOTATION]?.trim();
    if (!arn || !ROLE_ARN.test(arn))
        return [];
    return [edge(scope, k8sUid(cluster, sa.metadata.namespace, 'serviceaccount', sa.metadata.name), 'assumes_role', arn, { via: 'irsa' })];
}
//# sourceMappingURL=rbac.js.map