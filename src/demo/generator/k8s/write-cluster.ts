import { k8sObjectUid, podName } from '../attack-paths.js';
import type { PathPlan } from '../attack-paths.js';
import type { RulePlants, TrivyReportEntry } from '../manifest.js';
import { plantRule } from '../manifest.js';
import type { OutputTree } from '../output-tree.js';
import type { OrgPlan } from '../plan.js';
import { rngFor } from '../random.js';
import { isoZ, daysBeforeSnapshot } from '../time.js';

/**
 * The platform account's EKS cluster as `kubectl get namespaces,nodes,pods,services,serviceaccounts,
 * deployments,replicasets,networkpolicies,clusterroles,clusterrolebindings -A -o json` prints it: every
 * service's Deployment (one pod running the image its Trivy report scanned), hardened by default (non-root,
 * no privilege escalation, default-deny network policies, ClusterIP services), plus the attack-path plants.
 */

type Obj = Record<string, unknown>;

export interface ClusterResult {
  file: string;
  /** Items stored as assets (ReplicaSets are read to link pods to Deployments, not stored). */
  assets: number;
  rules: RulePlants;
}

interface Workload {
  namespace: string;
  name: string;
  team: string;
  image: TrivyReportEntry;
  serviceAccount: string;
  serviceType: 'ClusterIP' | 'LoadBalancer';
  privileged?: boolean;
}

const HARDENED_POD = { runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' } };
const HARDENED_CONTAINER = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } };

export async function writeCluster(out: OutputTree, org: OrgPlan, plan: PathPlan, images: readonly TrivyReportEntry[]): Promise<ClusterResult> {
  const rng = rngFor(org.seed, 'k8s', plan.cluster);
  const created = (days: number) => isoZ(daysBeforeSnapshot(days));
  const meta = (name: string, namespace: string | null, labels: Record<string, string>, extra: Obj = {}) => ({
    name, ...(namespace ? { namespace } : {}), uid: `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
    resourceVersion: String(rng.int(1000, 9_999_999)), creationTimestamp: created(rng.days(5, 300)), labels, ...extra,
  });
  const items: Obj[] = [];
  const rules: RulePlants = {};
  const nodeNames = plan.nodes.map((n) => (plan.region === 'us-east-1' ? `${n.id}.ec2.internal` : `${n.id}.${plan.region}.compute.internal`));

  for (const [i, n] of plan.nodes.entries()) {
    items.push({
      apiVersion: 'v1', kind: 'Node',
      metadata: meta(nodeNames[i] as string, null, {
        'kubernetes.io/os': 'linux', 'kubernetes.io/hostname': nodeNames[i] as string, 'topology.kubernetes.io/region': plan.region,
        'topology.kubernetes.io/zone': n.az, 'eks.amazonaws.com/nodegroup': 'default', 'node.kubernetes.io/instance-type': 'm6i.large',
      }),
      spec: { providerID: `aws:///${n.az}/${n.id}` },
      status: { nodeInfo: { kubeletVersion: 'v1.31.2-eks-7f9249a', containerRuntimeVersion: 'containerd://1.7.23', osImage: 'Amazon Linux 2023.6.20241121', architecture: 'amd64' } },
    });
  }

  const byService = new Map(images.filter((r) => r.service !== null).map((r) => [r.service as string, r]));
  const workloads: Workload[] = [];
  for (const s of org.services) {
    const image = byService.get(s.name);
    if (!image) continue;
    const exposed = s === plan.vulnerableService;
    workloads.push({ namespace: s.team, name: s.name, team: s.team, image, serviceAccount: s.name, serviceType: exposed ? 'LoadBalancer' : 'ClusterIP' });
    // Same image and identity, reachable only inside the cluster: a decoy for the exposed vulnerable workload.
    if (exposed) workloads.push({ namespace: s.team, name: `${s.name}-worker`, team: s.team, image, serviceAccount: s.name, serviceType: 'ClusterIP' });
  }
  const plain = plan.plainService ? byService.get(plan.plainService.name) : undefined;
  const ops = plan.k8s.opsNamespace;
  if (plain) {
    workloads.push(
      { namespace: ops, name: plan.k8s.privileged, team: 'platform', image: plain, serviceAccount: plan.k8s.privileged, serviceType: 'LoadBalancer', privileged: true },
      { namespace: ops, name: plan.k8s.clusterAdmin, team: 'platform', image: plain, serviceAccount: plan.k8s.clusterAdmin, serviceType: 'LoadBalancer' },
      { namespace: ops, name: plan.k8s.privilegedInternal, team: 'platform', image: plain, serviceAccount: plan.k8s.privilegedInternal, serviceType: 'ClusterIP', privileged: true },
    );
  }

  const namespaces = new Map<string, string>([['kube-system', 'platform']]);
  for (const w of workloads) if (!namespaces.has(w.namespace)) namespaces.set(w.namespace, w.team);
  for (const [ns, team] of namespaces) {
    items.push({ apiVersion: 'v1', kind: 'Namespace', metadata: meta(ns, null, { 'kubernetes.io/metadata.name': ns, team }), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
    if (ns === 'kube-system') continue;
    items.push({
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy',
      metadata: meta('default-deny-ingress', ns, { team }),
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    });
  }

  const serviceAccounts = new Set<string>();
  workloads.forEach((w, index) => {
    const labels = { app: w.name, team: w.team };
    const names = podName(plan.cluster, w.name);
    const deploymentUid = k8sObjectUid(plan.cluster, w.namespace, 'deployment', w.name);
    const container = {
      name: w.name.slice(0, 63), image: w.image.image, imagePullPolicy: 'IfNotPresent',
      ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
      resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
      securityContext: w.privileged ? { privileged: true, allowPrivilegeEscalation: true } : HARDENED_CONTAINER,
    };
    const podSpec = {
      serviceAccountName: w.serviceAccount,
      ...(w.privileged ? {} : { securityContext: HARDENED_POD }),
      containers: [container],
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
    };
    if (w.privileged) {
      // Privileged debugging tools run as root with escalation allowed: what the pod rules flag, on the Deployment.
      for (const rule of ['k8s.pod.privileged-container', 'k8s.pod.privilege-escalation-allowed', 'k8s.pod.runs-as-root']) plantRule(rules, rule, deploymentUid);
    }
    const deploymentMeta = meta(w.name, w.namespace, labels, { generation: 1, annotations: { 'deployment.kubernetes.io/revision': '1' } });
    items.push({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: deploymentMeta,
      spec: { replicas: 1, selector: { matchLabels: { app: w.name } }, template: { metadata: { labels }, spec: podSpec }, strategy: { type: 'RollingUpdate' } },
      status: { replicas: 1, readyReplicas: 1, availableReplicas: 1, updatedReplicas: 1, observedGeneration: 1 },
    });
    const rsLabels = { ...labels, 'pod-template-hash': names.hash };
    items.push({
      apiVersion: 'apps/v1', kind: 'ReplicaSet',
      metadata: meta(names.replicaSet, w.namespace, rsLabels, { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: w.name, uid: deploymentMeta.uid, controller: true, blockOwnerDeletion: true }] }),
      spec: { replicas: 1, selector: { matchLabels: { app: w.name, 'pod-template-hash': names.hash } }, template: { metadata: { labels: rsLabels }, spec: podSpec } },
      status: { replicas: 1, readyReplicas: 1, availableReplicas: 1 },
    });
    const node = nodeNames[index % Math.max(1, nodeNames.length)];
    items.push({
      apiVersion: 'v1', kind: 'Pod',
      metadata: meta(names.pod, w.namespace, rsLabels, { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: names.replicaSet, uid: `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`, controller: true, blockOwnerDeletion: true }] }),
      spec: { ...podSpec, ...(node ? { nodeName: node } : {}) },
      status: {
        phase: 'Running', podIP: `10.40.${rng.int(0, 255)}.${rng.int(2, 254)}`, startTime: created(rng.days(1, 30)),
        containerStatuses: [{ name: container.name, image: w.image.image, imageID: w.image.repoDigest, ready: true, restartCount: 0, started: true, state: { running: { startedAt: created(rng.days(1, 30)) } } }],
      },
    });
    items.push({
      apiVersion: 'v1', kind: 'Service',
      metadata: meta(w.name, w.namespace, labels),
      spec: {
        type: w.serviceType, selector: { app: w.name }, clusterIP: `172.20.${rng.int(0, 255)}.${rng.int(2, 254)}`,
        ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP', ...(w.serviceType === 'LoadBalancer' ? { nodePort: rng.int(30000, 32767) } : {}) }],
      },
      status: { loadBalancer: w.serviceType === 'LoadBalancer' ? { ingress: [{ hostname: `a${rng.hex(31)}-${rng.digits(10)}.${plan.region}.elb.amazonaws.com` }] } : {} },
    });
    const saKey = `${w.namespace}/${w.serviceAccount}`;
    if (!serviceAccounts.has(saKey)) {
      serviceAccounts.add(saKey);
      const irsa = plan.vulnerableService && w.serviceAccount === plan.vulnerableService.name && w.namespace === plan.vulnerableService.team;
      items.push({
        apiVersion: 'v1', kind: 'ServiceAccount',
        metadata: meta(w.serviceAccount, w.namespace, { team: w.team }, irsa ? { annotations: { 'eks.amazonaws.com/role-arn': `arn:aws:iam::${plan.account}:role/${plan.roles.irsa}` } } : {}),
        automountServiceAccountToken: irsa || w.name === plan.k8s.clusterAdmin,
      });
    }
  });

  items.push({
    apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole',
    metadata: meta('cluster-admin', null, { 'kubernetes.io/bootstrapping': 'rbac-defaults' }, { annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } }),
    rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }, { nonResourceURLs: ['*'], verbs: ['*'] }],
  });
  if (plain) {
    const binding = `${plan.k8s.clusterAdmin}-admin`;
    items.push({
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding',
      metadata: meta(binding, null, { team: 'platform' }),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'ServiceAccount', name: plan.k8s.clusterAdmin, namespace: ops }],
    });
    plantRule(rules, 'k8s.rbac.cluster-admin-to-service-account', k8sObjectUid(plan.cluster, null, 'clusterrolebinding', binding));
  }

  const file = `k8s/${plan.cluster}.json`;
  await out.writeText(file, `${JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, 4)}\n`);
  return { file, assets: items.filter((i) => i.kind !== 'ReplicaSet').length, rules };
}
