/**
 * The Kubernetes kinds Mothership reads: where the API lists them cluster-wide, the file a dump holds
 * them in (`<resource>.json`, what `kubectl get <resource> -A -o json` prints), and the asset kind.
 */
export interface K8sKind {
  /** Lowercase kind: the asset kind suffix and the kind segment of the uid, e.g. `pod`. */
  readonly name: string;
  /** The API's Kind, e.g. `Pod`. */
  readonly kind: string;
  /** The plural resource, e.g. `pods`: the kubectl argument, the URL segment, the dump file name. */
  readonly resource: string;
  /** API group version: `v1` for the core group, else `<group>/<version>`. */
  readonly apiVersion: string;
  readonly namespaced: boolean;
  /**
   * Read only to resolve relationships, never stored as assets (ReplicaSets: they link pods to their
   * Deployment; storing them would add one noisy asset per rollout).
   */
  readonly lookupOnly?: boolean;
}

const core = (name: string, kind: string, resource: string, namespaced: boolean): K8sKind => ({ name, kind, resource, apiVersion: 'v1', namespaced });
const grouped = (apiVersion: string) => (name: string, kind: string, resource: string, namespaced: boolean, lookupOnly = false): K8sKind =>
  ({ name, kind, resource, apiVersion, namespaced, ...(lookupOnly ? { lookupOnly } : {}) });
const apps = grouped('apps/v1');
const batch = grouped('batch/v1');
const networking = grouped('networking.k8s.io/v1');
const rbac = grouped('rbac.authorization.k8s.io/v1');

export const K8S_KINDS: readonly K8sKind[] = [
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

export function kindByName(name: string): K8sKind {
  const k = K8S_KINDS.find((x) => x.name === name);
  if (!k) throw new Error(`unknown Kubernetes kind ${name}`);
  return k;
}

/** The cluster-wide list path, e.g. `/api/v1/pods`, `/apis/apps/v1/deployments`. */
export function listPath(k: K8sKind): string {
  return k.apiVersion === 'v1' ? `/api/v1/${k.resource}` : `/apis/${k.apiVersion}/${k.resource}`;
}

/**
 * Cluster names become a uid segment and a dump folder name: letters, digits, `.`, `_`, `-`. Context
 * names outside that (an EKS context is the cluster ARN) are made safe by clusterName().
 */
export const CLUSTER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/;

/** A kubeconfig context name as a cluster name: every run of other characters becomes one `-`. */
export function clusterName(context: string): string {
  const safe = context.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return safe === '' ? 'cluster' : safe.slice(0, 253);
}

/** `k8s:<cluster>/<namespace | _cluster>/<kind>/<name>` (the uid format of assets.uid). */
export function k8sUid(cluster: string, namespace: string | null | undefined, kind: string, name: string): string {
  return `k8s:${cluster}/${namespace || '_cluster'}/${kind}/${name}`;
}

/** One scope per cluster and kind: `k8s:<cluster>:<kind>`. */
export function k8sScope(cluster: string, kind: string): string {
  return `k8s:${cluster}:${kind}`;
}
