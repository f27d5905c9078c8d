import type { PlantedPath } from './manifest.js';
import type { AccountPlan, OrgPlan, ServicePlan } from './plan.js';
import { rngFor } from './random.js';
import { arn } from './aws/ids.js';
import { bucketName } from './aws/naming.js';

/**
 * The attack paths the demo plants (issue #7's toxic combinations) and their decoys, all in the platform
 * account (account 0) and its first region, so the smallest scale has every one. Names and identifiers are
 * decided here; the AWS, Kubernetes and catalogue writers read them, and fill in what only they know
 * (instance ids). `pathsOf` then turns the plan into the manifest's answer key.
 */

export interface PlantedKey {
  user: string;
  /** AKIA + 16 upper-case characters. */
  id: string;
  /** The secret half: only ever written into the Lambda environment that leaks it. */
  secret: string;
}

export interface PathPlan {
  account: string;
  region: string;
  /** Restricted data (tag data-classification=restricted): the sensitive target of the paths. */
  sensitiveBucket: string;
  /** Confidential data with a public-read policy and no Block Public Access: readable by anyone. */
  publicSensitiveBucket: string;
  /** Public data readable by anyone, not sensitive (decoy). */
  publicPlainBucket: string;
  roles: {
    /** Instance role that can read the sensitive bucket. */
    reader: string;
    /** Instance role allowed to read the sensitive bucket but denied by an explicit Deny (decoy). */
    denied: string;
    /** Trusts a foreign account without an ExternalId and reads the sensitive bucket. */
    vendor: string;
    /** Trusts a foreign account without an ExternalId but can only read metrics (decoy). */
    vendorMetrics: string;
    /** Assumable by the CI user; may pass the admin Lambda role to a function it creates. */
    deployer: string;
    /** AdministratorAccess, trusted by Lambda: what the deployer escalates to. */
    lambdaAdmin: string;
    /** IRSA role of the exposed Kubernetes workload: reads the sensitive bucket. */
    irsa: string;
    /** The EKS cluster's and its nodes' roles. */
    cluster: string;
    node: string;
    /** Execution role of the function that leaks a key. */
    exporter: string;
  };
  users: {
    /** Has an active key and may assume the deployer role. */
    ci: string;
    /** Has an active key and may read the function configuration that leaks `leaked`'s key. */
    reader: string;
    /** Owner of the key leaked in the Lambda environment; reads the sensitive bucket. */
    leaked: string;
  };
  keys: PlantedKey[];
  /** The function whose environment holds `users.leaked`'s access key. */
  leakyFunction: string;
  /** Foreign accounts (outside the organization) trusted by the vendor roles. */
  foreignAccount: string;
  foreignMetricsAccount: string;
  cluster: string;
  /** The service whose image ships Log4Shell (a KEV entry): exposed on Kubernetes with the IRSA role. */
  vulnerableService: ServicePlan | null;
  /** A service image without KEV vulnerabilities, for the privileged pods. */
  plainService: ServicePlan | null;
  k8s: {
    /** Namespace of the operations tooling (privileged and cluster-admin pods). */
    opsNamespace: string;
    privileged: string;
    clusterAdmin: string;
    privilegedInternal: string;
  };
  /** Filled by the region writer: instance ids of the planted instances. */
  instances: { reader?: string; denied?: string; privateOnly?: string; privateOnlyRole?: string; privateOnlyGroup?: string; webGroup?: string };
  /** Filled by the region writer: the EKS worker instances. */
  nodes: { id: string; az: string }[];
}

const FOREIGN_FIRST_DIGIT = '9';

/** The plan, for account 0 only (null elsewhere). */
export function planAttackPaths(org: OrgPlan, account: AccountPlan): PathPlan | null {
  if (!account.forcePlants) return null;
  const rng = rngFor(org.seed, 'attack-paths', account.id);
  const used = new Set(org.accounts.map((a) => a.id));
  const foreign = () => {
    let id = `${FOREIGN_FIRST_DIGIT}${rng.digits(11)}`;
    while (used.has(id)) id = `${FOREIGN_FIRST_DIGIT}${rng.digits(11)}`;
    used.add(id);
    return id;
  };
  const key = (user: string): PlantedKey => ({ user, id: `AKIA${rng.upper(16)}`, secret: `${rng.hex(20)}${rng.upper(10)}${rng.hex(10)}` });
  const users = { ci: 'ci-release-bot', reader: 'reporting-bot', leaked: 'legacy-export' };
  const firstJava = org.services.find((s) => s.runtime === 'java') ?? null;
  const plain = org.services.find((s) => s.runtime === 'go' || s.runtime === 'node') ?? null;
  return {
    account: account.id,
    region: account.regions[0] ?? 'us-east-1',
    sensitiveBucket: bucketName(account.alias, 'customer-documents'),
    publicSensitiveBucket: bucketName(account.alias, 'partner-exports'),
    publicPlainBucket: bucketName(account.alias, 'public-downloads'),
    roles: {
      reader: 'document-renderer-ec2',
      denied: 'archive-indexer-ec2',
      vendor: 'vendor-analytics-access',
      vendorMetrics: 'vendor-metrics-read',
      deployer: 'release-deployer',
      lambdaAdmin: 'lambda-admin-exec',
      irsa: firstJava ? `${firstJava.name}-irsa` : 'workload-irsa',
      cluster: 'eks-cluster-role',
      node: 'eks-node-role',
      exporter: 'nightly-export-lambda',
    },
    users,
    keys: [key(users.ci), key(users.reader), key(users.leaked)],
    leakyFunction: 'nightly-export',
    foreignAccount: foreign(),
    foreignMetricsAccount: foreign(),
    cluster: `${account.alias}-eks`,
    vulnerableService: firstJava,
    plainService: plain,
    k8s: { opsNamespace: 'ops', privileged: 'debug-console', clusterAdmin: 'ops-dashboard', privilegedInternal: 'node-debugger' },
    instances: {},
    nodes: [],
  };
}

/** The uid a Kubernetes object of the demo cluster is stored under (src/sources/k8s/kinds.ts). */
export const k8sObjectUid = (cluster: string, namespace: string | null, kind: string, name: string) => `k8s:${cluster}/${namespace ?? '_cluster'}/${kind}/${name}`;

/** Names of a Deployment's single pod, so the manifest and the kubectl output agree. */
export function podName(cluster: string, deployment: string): { replicaSet: string; pod: string; hash: string } {
  const rng = rngFor(0, 'pod', cluster, deployment);
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  const word = (n: number) => Array.from({ length: n }, () => alphabet[rng.int(0, alphabet.length - 1)]).join('');
  const hash = word(10);
  return { hash, replicaSet: `${deployment}-${hash}`, pod: `${deployment}-${hash}-${word(5)}` };
}

/** The answer key: paths expected to be found, and decoys expected not to be. */
export function pathsOf(
  plan: PathPlan,
  chains: readonly { instance: string; role: string; securityGroup: string }[],
  chainDecoys: readonly { instance: string; role: string; securityGroup: string }[],
): { planted: PlantedPath[]; decoys: PlantedPath[] } {
  const { account, region } = plan;
  const role = (name: string) => arn.role(account, name);
  const user = (name: string) => arn.user(account, name);
  const bucket = arn.bucket(plan.sensitiveBucket);
  const instance = (id: string | undefined) => arn.instance(region, account, id ?? 'missing');
  const k8s = (ns: string | null, kind: string, name: string) => k8sObjectUid(plan.cluster, ns, kind, name);
  const path = (technique: string, nodes: string[]): PlantedPath => ({ technique, entry: nodes[0] as string, target: nodes[nodes.length - 1] as string, nodes });
  const fn = `arn:aws:lambda:${region}:${account}:function:${plan.leakyFunction}`;
  const ops = plan.k8s.opsNamespace;
  const pod = (ns: string, deployment: string) => k8s(ns, 'pod', podName(plan.cluster, deployment).pod);

  // Exposure nodes (the security group that admits the internet, the Kubernetes Service) are hops of their own.
  const web = plan.instances.webGroup ?? 'missing';
  const planted: PlantedPath[] = [
    ...chains.map((c) => path('path.ssrf-imds-credentials', ['internet', c.securityGroup, c.instance, c.role])),
    path('path.ssrf-imds-credentials', ['internet', web, instance(plan.instances.reader), role(plan.roles.reader), bucket]),
    path('path.public-sensitive-data', ['internet', arn.bucket(plan.publicSensitiveBucket)]),
    path('path.external-trust', [arn.accountRoot(plan.foreignAccount), role(plan.roles.vendor), bucket]),
    path('path.identity-chain', [user(plan.users.ci), role(plan.roles.deployer), role(plan.roles.lambdaAdmin)]),
    path('path.exposed-credentials', [user(plan.users.reader), fn, user(plan.users.leaked), bucket]),
    path('path.k8s-exposed-privileged', ['internet', k8s(ops, 'service', plan.k8s.privileged), pod(ops, plan.k8s.privileged)]),
    path('path.k8s-exposed-privileged', ['internet', k8s(ops, 'service', plan.k8s.clusterAdmin), pod(ops, plan.k8s.clusterAdmin), k8s(ops, 'serviceaccount', plan.k8s.clusterAdmin)]),
  ];
  const decoys: PlantedPath[] = [
    ...chainDecoys.map((d) => path('path.ssrf-imds-credentials', ['internet', d.securityGroup, d.instance, d.role])),
    path('path.ssrf-imds-credentials', ['internet', web, instance(plan.instances.denied), role(plan.roles.denied), bucket]),
    path('path.ssrf-imds-credentials', ['internet', plan.instances.privateOnlyGroup ?? 'missing', instance(plan.instances.privateOnly), plan.instances.privateOnlyRole ?? role('missing')]),
    // Sensitive but private, and public but not sensitive.
    path('path.public-sensitive-data', ['internet', bucket]),
    path('path.public-sensitive-data', ['internet', arn.bucket(plan.publicPlainBucket)]),
    path('path.external-trust', [arn.accountRoot(plan.foreignMetricsAccount), role(plan.roles.vendorMetrics)]),
    path('path.k8s-exposed-privileged', ['internet', k8s(ops, 'service', plan.k8s.privilegedInternal), pod(ops, plan.k8s.privilegedInternal)]),
  ];
  const vulnerable = plan.vulnerableService;
  if (vulnerable) {
    const ns = vulnerable.team;
    planted.push(path('path.exposed-vulnerable-workload', [
      'internet', k8s(ns, 'service', vulnerable.name), pod(ns, vulnerable.name), k8s(ns, 'serviceaccount', vulnerable.name), role(plan.roles.irsa), bucket,
    ]));
    const worker = `${vulnerable.name}-worker`;
    decoys.push(path('path.exposed-vulnerable-workload', [
      'internet', k8s(ns, 'service', worker), pod(ns, worker), k8s(ns, 'serviceaccount', vulnerable.name), role(plan.roles.irsa), bucket,
    ]));
  }
  return { planted, decoys };
}
