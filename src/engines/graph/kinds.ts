/**
 * The vocabulary of the security graph: node kinds, target flags and edge kinds as small integers, so a graph
 * of millions of edges is a few typed arrays. Names are what path evidence and the JSON contract show.
 */

export const NODE_KINDS = ['internet', 'external', 'exposure', 'compute', 'identity', 'data', 'secret'] as const;
export type NodeKindName = (typeof NODE_KINDS)[number];
export const NodeKind: { readonly [K in NodeKindName]: number } = Object.fromEntries(NODE_KINDS.map((k, i) => [k, i])) as never;

/** What makes a node worth reaching; several may hold. */
export const Target = {
  /** Admin-equivalent principal (IAM), or a Kubernetes service account bound to cluster-admin. */
  admin: 1,
  /** Data store labelled SensitiveData. */
  sensitiveData: 2,
  /** A credential exposed in clear text whose owner is unknown. */
  secret: 4,
  /** A pod running a privileged container: the node it runs on is one escape away. */
  privileged: 8,
} as const;

export const TARGET_NAMES: readonly [number, string][] = [
  [Target.admin, 'admin'], [Target.sensitiveData, 'sensitive-data'], [Target.secret, 'secret'], [Target.privileged, 'privileged-container'],
];

/** Names of the target flags set in `flags`, strongest first. */
export function targetNames(flags: number): string[] {
  return TARGET_NAMES.filter(([bit]) => (flags & bit) !== 0).map(([, name]) => name);
}

/**
 * Edge kinds: the move an attacker makes from one node to the next. `entry` kinds leave the internet or an
 * outside principal; `foothold` kinds turn reach of a workload into its identity.
 */
export const EDGE_KINDS = [
  'exposes',        // internet -> exposure or workload: a network path from anywhere (isPublic)
  'forwards',       // exposure -> workload: an open security group admits traffic to it, a load balancer targets it, a service selects it
  'imds',           // instance -> role: instance metadata answers without a session token (IMDSv1), an SSRF reads the role's credentials
  'exploit',        // workload -> identity: a remotely exploitable vulnerability gives code execution as the workload's identity
  'runs_as',        // pod -> service account: code in the exposed pod runs as it (Kubernetes technique)
  'irsa',           // service account -> IAM role (IRSA)
  'escalate',       // principal -> principal: an IAM escalation method (IamModel.escalations)
  'assume',         // principal -> role: sts:AssumeRole allowed by both sides
  'read_data',      // principal -> data store: the read action on it is allowed
  'public_read',    // internet -> data store: anyone may read it
  'read_config',    // principal -> function: can read its configuration (environment variables)
  'exposes_credentials', // function -> principal or secret: a credential in its configuration
  'trusts',         // outside principal -> role: the trust policy lets it in
] as const;
export type EdgeKindName = (typeof EDGE_KINDS)[number];
export const EdgeKind: { readonly [K in EdgeKindName]: number } = Object.fromEntries(EDGE_KINDS.map((k, i) => [k, i])) as never;

/** Node attributes the enumeration checks. */
export const Attr = {
  /** Reachable from the internet on an HTTP(S) port or on every port: an SSRF can be attempted. */
  webExposed: 1,
  /** An identity whose credentials an attacker may hold from outside: an IAM user with an active access key. */
  credentialEntry: 2,
} as const;
