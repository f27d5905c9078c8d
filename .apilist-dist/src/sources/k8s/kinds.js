const core = (name, kind, resource, namespaced) => ({ name, kind, resource, apiVersion: 'v1', namespaced });
const grouped = (apiVersion) => (name, kind, resource, namespaced, lookupOnly = false) => ({ name, kind, resource, apiVersion, namespaced, ...(lookupOnly ? { lookupOnly } : {}) });
const apps = grouped('apps/v1');
const batch = grouped('batch/v1');
const networking = grouped('networking.k8s.io/v1');
const rbac = grouped('rbac.authorization.k8s.io/v1');
export const K8S_KINDS = [
    core('namespace', 'Namespace', 'namespaces', false),
    core('node', 'Node', 'nodes', false),
    core('pod', 'Pod', 'pods', true),
    core('service', 'Service', 'services', true),
    core('serviceaccount', 'ServiceAccount', 'serviceaccounts', true),
    core('secret', 'Secret', 'secrets', true),
    core('configmap', 'ConfigMap', 'configmaps', true),
    apps('deployment', 'Deployment', 'deployments', true),
    apps('replicaset', 'ReplicaSet', 'replicasets', true, true),
    apps('daemonset', 'DaemonSet', 'daemonsets', true),
    apps('statefulset', 'StatefulSet', 'statefulsets', true),
    batch('job', 'Job', 'jobs', true),
    batch('cronjob', 'CronJob', 'cronjobs', true),
    networking('ingress', 'Ingress', 'ingresses', true),
    networking('networkpolicy', 'NetworkPolicy', 'networkpolicies', true),
    rbac('role', 'Role', 'roles', true),
    rbac('clusterrole', 'ClusterRole', 'clusterroles', false),
    rbac('rolebinding', 'RoleBinding', 'rolebindings', true),
    rbac('clusterrolebinding', 'ClusterRoleBinding', 'clusterrolebindings', false),
];
export function kindByName(name) {
    const k = K8S_KINDS.find((x) => x.name === name);
    if (!k)
        throw new Error(`unknown Kubernetes kind ${name}`);
    return k;
}
/** The cluster-wide list path, e.g. `/api/v1/pods`, `/apis/apps/v1/deployments`. */
export function listPath(k) {
    return k.apiVersion === 'v1' ? `/api/v1/${k.resource}` : `/apis/${k.apiVersion}/${k.resource}`;
}
/**
 * Cluster names become a uid segment and a dump folder name: letters, digits, `.`, `_`, `-`. Context
 * names outside that (an EKS context is the cluster ARN) are made safe by clusterName().
 */
export const CLUSTER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/;
/** A kubeconfig context name as a cluster name: every run of other characters becomes one `-`. */
export function clusterName(context) {
    const safe = context.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
    return safe === '' ? 'cluster' : safe.slice(0, 253);
}
/** `k8s:<cluster>/<namespace | _cluster>/<kind>/<name>` (the uid format of assets.uid). */
export function k8sUid(cluster, namespace, kind, name) {
    return `k8s:${cluster}/${namespace || '_cluster'}/${kind}/${name}`;
}
/** One scope per cluster and kind: `k8s:<cluster>:<kind>`. */
export function k8sScope(cluster, kind) {
    return `k8s:${cluster}:${kind}`;
}
//# sourceMappingURL=kinds.js.map