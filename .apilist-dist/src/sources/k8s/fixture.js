/**
 * A small, realistic cluster for tests: what the API returns for each resource (items without kind and
 * apiVersion, as in a list response). `kubectlList` wraps them as `kubectl get <resource> -A -o json` prints.
 */
import { K8S_KINDS } from './kinds.js';
export const ECR_IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/payments/api';
export const API_DIGEST = `sha256:${'a'.repeat(64)}`;
export const NGINX_DIGEST = `sha256:${'b'.repeat(64)}`;
export const BUSYBOX_CONFIG = `sha256:${'c'.repeat(64)}`;
export const IRSA_ROLE = 'arn:aws:iam::123456789012:role/payments-api';
const meta = (name, namespace, extra = {}) => ({
    name, ...(namespace ? { namespace } : {}), uid: `uid-${namespace ?? '_'}-${name}`, resourceVersion: '1001',
    creationTimestamp: '2026-01-10T08:00:00Z',
    managedFields: [{ manager: 'kubectl', operation: 'Apply', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: {} }],
    ...extra,
});
const apiPod = (suffix) => ({
    metadata: meta(`api-6d4cf56db6-${suffix}`, 'payments', {
        labels: { app: 'api', 'pod-template-hash': '6d4cf56db6', team: 'payments' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api-6d4cf56db6', uid: 'uid-payments-api-6d4cf56db6', controller: true }],
    }),
    spec: {
        serviceAccountName: 'api', nodeName: 'ip-10-0-1-10.ec2.internal',
        containers: [
            { name: 'app', image: `${ECR_IMAGE}:1.4.2`, env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'password' } } }],
                securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true } },
            { name: 'proxy', image: 'nginx:1.25' },
        ],
    },
    status: {
        phase: 'Running',
        containerStatuses: [
            { name: 'app', image: `${ECR_IMAGE}:1.4.2`, imageID: `${ECR_IMAGE}@${API_DIGEST}`, ready: true },
            { name: 'proxy', image: 'docker.io/library/nginx:1.25', imageID: `docker.io/library/nginx@${NGINX_DIGEST}`, ready: true },
        ],
    },
});
/** Items by resource (pods, deployments, ...), in API order. */
export function clusterItems() {
    return {
        namespaces: ['default', 'kube-system', 'payments'].map((n) => ({ metadata: meta(n, undefined, { labels: { 'kubernetes.io/metadata.name': n } }), status: { phase: 'Active' } })),
        nodes: [{ metadata: meta('ip-10-0-1-10.ec2.internal', undefined, { labels: { 'kubernetes.io/os': 'linux' } }),
                spec: { providerID: 'aws:///us-east-1a/i-0123456789abcdef0' }, status: { nodeInfo: { kubeletVersion: 'v1.30.2' } } }],
        pods: [
            apiPod('abcde'),
            apiPod('fghij'),
            { metadata: meta('node-exporter-x7k2p', 'kube-system', { labels: { app: 'node-exporter' },
                    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'node-exporter', uid: 'uid-ds', controller: true }] }),
                spec: { hostNetwork: true, hostPID: true, nodeName: 'ip-10-0-1-10.ec2.internal',
                    containers: [{ name: 'exporter', image: 'quay.io/prometheus/node-exporter:v1.8.1' }] },
                status: { containerStatuses: [{ name: 'exporter', imageID: 'docker-pullable://quay.io/prometheus/node-exporter@sha256:' + 'd'.repeat(64) }] } },
            { metadata: meta('nightly-report-28900000-q2x4z', 'payments', {
                    ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'nightly-report-28900000', uid: 'uid-job', controller: true }]
                }),
                spec: { nodeName: 'ip-10-0-1-10.ec2.internal', containers: [{ name: 'report', image: 'busybox:1.36' }] },
                status: { phase: 'Succeeded', containerStatuses: [{ name: 'report', imageID: BUSYBOX_CONFIG }] } },
        ],
        deployments: [{ metadata: meta('api', 'payments', { labels: { app: 'api', team: 'payments' } }),
                spec: { replicas: 2, selector: { matchLabels: { app: 'api' } }, template: apiPod('template') } }],
        replicasets: [{ metadata: meta('api-6d4cf56db6', 'payments', {
                    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', uid: 'uid-payments-api', controller: true }]
                }), spec: { replicas: 2 } }],
        daemonsets: [{ metadata: meta('node-exporter', 'kube-system'), spec: { template: { spec: { hostNetwork: true, hostPID: true, containers: [] } } } }],
        statefulsets: [],
        jobs: [{ metadata: meta('nightly-report-28900000', 'payments', {
                    ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly-report', uid: 'uid-cj', controller: true }]
                }), spec: {} }],
        cronjobs: [{ metadata: meta('nightly-report', 'payments'), spec: { schedule: '0 2 * * *' } }],
        services: [
            { metadata: meta('kubernetes', 'default'), spec: { type: 'ClusterIP', clusterIP: '172.20.0.1' } },
            { metadata: meta('api', 'payments'), spec: { type: 'ClusterIP', selector: { app: 'api' }, ports: [{ port: 80, targetPort: 8080 }] } },
            { metadata: meta('kube-dns', 'kube-system'), spec: { selector: { 'k8s-app': 'kube-dns' } } },
        ],
        ingresses: [{ metadata: meta('api', 'payments'), spec: { ingressClassName: 'alb',
                    rules: [{ host: 'api.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 80 } } } }] } }] } }],
        serviceaccounts: [
            { metadata: meta('api', 'payments', { annotations: { 'eks.amazonaws.com/role-arn': IRSA_ROLE } }) },
            { metadata: meta('default', 'payments') },
            { metadata: meta('ci', 'kube-system') },
        ],
        secrets: [{ metadata: meta('db-credentials', 'payments', { annotations: {
                        'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","data":{"password":"aHVudGVyMg=="},"kind":"Secret"}'
                    } }),
                type: 'Opaque', data: { username: 'YXBp', password: 'aHVudGVyMg==' } }],
        configmaps: [{ metadata: meta('api-config', 'payments'), data: { LOG_LEVEL: 'info', DATABASE_URL: 'postgres://api:hunter2@db/api' } }],
        networkpolicies: [{ metadata: meta('default-deny', 'payments'), spec: { podSelector: {}, policyTypes: ['Ingress'] } }],
        roles: [{ metadata: meta('reader', 'payments'), rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }] }],
        clusterroles: [{ metadata: meta('cluster-admin', undefined, { labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } }), rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }, { nonResourceURLs: ['*'], verbs: ['*'] }] }],
        rolebindings: [{ metadata: meta('api-reader', 'payments'), roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' },
                subjects: [{ kind: 'ServiceAccount', name: 'api', namespace: 'payments' }] }],
        clusterrolebindings: [{ metadata: meta('ci-admin'), roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
                subjects: [{ kind: 'ServiceAccount', name: 'ci', namespace: 'kube-system' }, { kind: 'Group', name: 'system:masters', apiGroup: 'rbac.authorization.k8s.io' }] }],
    };
}
/** What `kubectl get <resource> -A -o json` prints: a List whose items carry kind and apiVersion. */
export function kubectlList(resource, items) {
    const k = K8S_KINDS.find((x) => x.resource === resource);
    if (!k)
        throw new Error(`unknown resource ${resource}`);
    return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: items.map((i) => ({ apiVersion: k.apiVersion, kind: k.kind, ...i })) };
}
//# sourceMappingURL=fixture.js.map