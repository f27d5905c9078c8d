import type { Severity } from '../../model/index.js';

export const TECHNIQUES = [
  'ssrf-imds-credentials',
  'exposed-vulnerable-workload',
  'public-sensitive-data',
  'external-trust',
  'identity-chain',
  'exposed-credentials',
  'k8s-exposed-privileged',
] as const;
export type Technique = (typeof TECHNIQUES)[number];

export const ruleIdOf = (t: Technique): string => `path.${t}`;

interface TechniqueText {
  /** How the title names the technique. */
  name: string;
  description: string;
  remediation: string;
}

export const TECHNIQUE_TEXT: Readonly<Record<Technique, TechniqueText>> = {
  'ssrf-imds-credentials': {
    name: 'SSRF to instance credentials',
    description: 'An instance reachable from the internet on a web port answers instance-metadata requests without a session token (IMDSv1). A server-side request forgery in its application returns its role\'s credentials, which reach the target.',
    remediation: 'Require IMDSv2 (HttpTokens required) on the instance, then narrow the role; closing the exposure also breaks the path.',
  },
  'exposed-vulnerable-workload': {
    name: 'exploitable exposed workload',
    description: 'A workload reachable from the internet runs software with a vulnerability known to be exploited (CISA KEV) or likely to be (EPSS), exploitable over the network. Code execution there runs with its identity, which reaches the target.',
    remediation: 'Patch or rebuild the image with the fixed version; meanwhile close the exposure or remove the workload identity\'s access to the target.',
  },
  'public-sensitive-data': {
    name: 'public sensitive data',
    description: 'A data store labelled SensitiveData is readable or reachable from the internet.',
    remediation: 'Remove the public access (bucket policy, Block Public Access, PubliclyAccessible, security group) or move the sensitive data elsewhere.',
  },
  'external-trust': {
    name: 'outside principal',
    description: 'A role\'s trust policy lets a principal outside the known accounts assume it without a restricting condition, and the role reaches the target.',
    remediation: 'Restrict the trust policy (exact principals, sts:ExternalId, aws:PrincipalOrgID) or remove the role\'s access to the target.',
  },
  'identity-chain': {
    name: 'identity chain',
    description: 'An IAM user with access keys (which leak) reaches the target by assuming roles or escalating privileges; every step is an IAM permission the analyzer evaluated.',
    remediation: 'Remove the permission of the first step the user does not need, or deny the escalation with a permissions boundary; rotate and scope the user\'s keys.',
  },
  'exposed-credentials': {
    name: 'exposed credentials',
    description: 'A credential kept in clear text where the attacker\'s principal can read it (a Lambda function\'s environment, readable with lambda:GetFunction) continues the path as the principal it belongs to.',
    remediation: 'Rotate the exposed credential and keep it in Secrets Manager or SSM Parameter Store; restrict lambda:GetFunction / GetFunctionConfiguration.',
  },
  'k8s-exposed-privileged': {
    name: 'exposed privileged pod',
    description: 'A Kubernetes pod reachable from outside the cluster runs a privileged container or a service account bound to cluster-admin: compromising the application gives the node or the cluster.',
    remediation: 'Drop privileged mode (securityContext.privileged false), bind the service account to a least-privilege role, or stop exposing the service.',
  },
};

/**
 * Anonymous internet or outside principals reaching admin or sensitive data are critical; the other
 * techniques and targets (a leaked key is an assumption, a secret or a node is one step short) are high.
 */
export function severityOf(t: Technique, targets: readonly string[], fromOutside: boolean): Severity {
  const crown = targets.includes('admin') || targets.includes('sensitive-data');
  if (crown && fromOutside) return 'critical';
  return 'high';
}
