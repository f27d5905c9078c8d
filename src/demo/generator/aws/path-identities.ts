import type { PathPlan, PlantedKey } from '../attack-paths.js';
import { AWS_MANAGED, awsManaged, trust } from './iam-documents.js';
import type { InlinePolicy, PolicyDocument } from './iam-documents.js';
import type { IdentitySpec } from './iam.js';
import { arn } from './ids.js';

/** The IAM roles and users the planted attack paths (attack-paths.ts) go through. */

const doc = (...Statement: Record<string, unknown>[]): PolicyDocument => ({ Version: '2012-10-17', Statement });
const inline = (PolicyName: string, PolicyDocument: PolicyDocument): InlinePolicy => ({ PolicyName, PolicyDocument });

export interface PlantedIdentities {
  roles: IdentitySpec[];
  users: IdentitySpec[];
  keys: PlantedKey[];
}

/** The EKS OIDC issuer id of the demo cluster: 32 upper-case hex characters derived from its name. */
export function oidcIssuerId(cluster: string): string {
  let h = 0x811c9dc5;
  const out: string[] = [];
  for (let i = 0; out.length < 32; i++) {
    h = Math.imul(h ^ cluster.charCodeAt(i % cluster.length) ^ i, 0x01000193) >>> 0;
    out.push('0123456789ABCDEF'[h % 16] as string);
  }
  return out.join('');
}

export function plantedIdentities(plan: PathPlan): PlantedIdentities {
  const { account, region } = plan;
  const bucket = arn.bucket(plan.sensitiveBucket);
  const readDocuments = (Sid: string) => ({ Sid, Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [bucket, `${bucket}/*`] });
  const tags = { team: 'platform', 'managed-by': 'terraform' };
  const issuer = `oidc.eks.${region}.amazonaws.com/id/${oidcIssuerId(plan.cluster)}`;
  const vulnerable = plan.vulnerableService;
  const roles: IdentitySpec[] = [
    { name: plan.roles.reader, withProfile: true, tags: { team: 'data', service: 'document-renderer' }, attached: [],
      inline: [inline('documents-read', doc(readDocuments('RenderDocuments')))] },
    // Allowed by one policy, denied by another: the explicit Deny wins, so it reaches nothing sensitive.
    { name: plan.roles.denied, withProfile: true, tags: { team: 'data', service: 'archive-indexer' }, attached: [],
      inline: [
        inline('archive-read', doc(readDocuments('IndexArchive'))),
        inline('deny-customer-documents', doc({ Sid: 'NoCustomerDocuments', Effect: 'Deny', Action: 's3:*', Resource: [bucket, `${bucket}/*`] })),
      ] },
    { name: plan.roles.vendor, trust: doc({ Effect: 'Allow', Principal: { AWS: arn.accountRoot(plan.foreignAccount) }, Action: 'sts:AssumeRole' }),
      tags: { team: 'data', vendor: 'analytics-partner' }, attached: [], inline: [inline('partner-read', doc(readDocuments('PartnerRead')))] },
    { name: plan.roles.vendorMetrics, trust: doc({ Effect: 'Allow', Principal: { AWS: arn.accountRoot(plan.foreignMetricsAccount) }, Action: 'sts:AssumeRole' }),
      tags: { team: 'platform', vendor: 'metrics-partner' }, attached: [],
      inline: [inline('metrics-read', doc({ Effect: 'Allow', Action: ['cloudwatch:GetMetricData', 'cloudwatch:ListMetrics'], Resource: '*' }))] },
    { name: plan.roles.deployer, trust: doc({ Effect: 'Allow', Principal: { AWS: arn.user(account, plan.users.ci) }, Action: 'sts:AssumeRole' }),
      tags, attached: [],
      inline: [inline('release-functions', doc(
        { Sid: 'Functions', Effect: 'Allow', Action: ['lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: '*' },
        { Sid: 'PassExecutionRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: arn.role(account, plan.roles.lambdaAdmin) },
      ))] },
    { name: plan.roles.lambdaAdmin, trust: trust.service('lambda.amazonaws.com'), tags, attached: [awsManaged(AWS_MANAGED.admin)], inline: [] },
    { name: plan.roles.exporter, trust: trust.service('lambda.amazonaws.com'), tags: { team: 'data' }, attached: [awsManaged(AWS_MANAGED.lambdaBasic)], inline: [] },
    { name: plan.roles.cluster, trust: trust.service('eks.amazonaws.com'), tags, attached: [awsManaged('AmazonEKSClusterPolicy')], inline: [] },
    { name: plan.roles.node, trust: trust.service('ec2.amazonaws.com'), tags, withProfile: true, inline: [],
      attached: [awsManaged('AmazonEKSWorkerNodePolicy'), awsManaged('AmazonEC2ContainerRegistryReadOnly'), awsManaged('AmazonEKS_CNI_Policy')] },
  ];
  if (vulnerable) {
    roles.push({
      name: plan.roles.irsa,
      trust: doc({
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${account}:oidc-provider/${issuer}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${issuer}:sub`]: `system:serviceaccount:${vulnerable.team}:${vulnerable.name}`, [`${issuer}:aud`]: 'sts.amazonaws.com' } },
      }),
      tags: { team: vulnerable.team, service: vulnerable.name }, attached: [], inline: [inline('documents-read', doc(readDocuments('ServiceDocuments')))],
    });
  }
  const fn = `arn:aws:lambda:${region}:${account}:function:${plan.leakyFunction}`;
  const users: IdentitySpec[] = [
    { name: plan.users.ci, tags, attached: [], inline: [inline('assume-release-deployer', doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: arn.role(account, plan.roles.deployer) }))] },
    { name: plan.users.reader, tags: { team: 'data' }, attached: [], inline: [inline('read-export-function', doc({ Effect: 'Allow', Action: ['lambda:GetFunction', 'lambda:ListFunctions'], Resource: fn }))] },
    { name: plan.users.leaked, tags: { team: 'data' }, attached: [], inline: [inline('export-documents', doc(readDocuments('ExportDocuments')))] },
  ];
  return { roles, users, keys: plan.keys };
}
