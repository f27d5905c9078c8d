import type { PathPlan } from '../attack-paths.js';
import type { AccountPlan, ServicePlan } from '../plan.js';
import type { Rng } from '../random.js';
import { awsTime, daysBeforeSnapshot } from '../time.js';
import type { OutputTree } from '../output-tree.js';
import { arn } from './ids.js';
import { bucketName } from './naming.js';
import { oidcIssuerId } from './path-identities.js';

/** Lambda functions and EKS clusters of one account-region, as list-functions / list-clusters / describe-cluster print them. */

export interface ComputeInput {
  account: AccountPlan;
  region: string;
  rng: Rng;
  /** The services' functions (first region only). */
  functions: readonly { service: ServicePlan; roleArn: string }[];
  paths: PathPlan | null;
  vpcId: string;
  privateSubnets: readonly string[];
  /** The security group of the EKS nodes, when the cluster is planted here. */
  nodeGroup: string | null;
}

const RUNTIME: Record<string, string> = { node: 'nodejs22.x', python: 'python3.12', java: 'java21', go: 'provided.al2023' };
const HANDLER: Record<string, string> = { node: 'index.handler', python: 'app.handler', java: 'com.example.Handler::handleRequest', go: 'bootstrap' };
const NOT_FOUND = (what: string) => ({ Error: { Code: 'ResourceNotFoundException', Message: `The resource you requested does not exist. (${what})` } });

function lambdaFunction(input: ComputeInput, name: string, runtime: string, roleArn: string, variables: Record<string, string>, description: string): Record<string, unknown> {
  const { rng, region, account } = input;
  return {
    FunctionName: name,
    FunctionArn: `arn:aws:lambda:${region}:${account.id}:function:${name}`,
    Runtime: RUNTIME[runtime] ?? 'python3.12',
    Role: roleArn,
    Handler: HANDLER[runtime] ?? 'app.handler',
    CodeSize: rng.int(40_000, 9_000_000),
    Description: description,
    Timeout: 30,
    MemorySize: rng.pick([256, 512, 1024]),
    LastModified: awsTime(daysBeforeSnapshot(rng.days(2, 200))).replace('+00:00', '.000+0000'),
    CodeSha256: Buffer.from(rng.hex(64), 'hex').toString('base64'),
    Version: '$LATEST',
    Environment: { Variables: variables },
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
    PackageType: 'Zip',
    Architectures: [rng.chance(0.5) ? 'arm64' : 'x86_64'],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${name}` },
  };
}

function eksCluster(input: ComputeInput, plan: PathPlan): Record<string, unknown> {
  const { rng, region, account } = input;
  const issuer = oidcIssuerId(plan.cluster);
  return {
    name: plan.cluster,
    arn: `arn:aws:eks:${region}:${account.id}:cluster/${plan.cluster}`,
    createdAt: awsTime(daysBeforeSnapshot(rng.days(200, 600))).replace('+00:00', '.000000+00:00'),
    version: '1.31',
    endpoint: `https://${issuer}.gr7.${region}.eks.amazonaws.com`,
    roleArn: arn.role(account.id, plan.roles.cluster),
    resourcesVpcConfig: {
      subnetIds: input.privateSubnets,
      securityGroupIds: [],
      ...(input.nodeGroup ? { clusterSecurityGroupId: input.nodeGroup } : {}),
      vpcId: input.vpcId,
      endpointPublicAccess: false,
      endpointPrivateAccess: true,
      publicAccessCidrs: [],
    },
    kubernetesNetworkConfig: { serviceIpv4Cidr: '172.20.0.0/16', ipFamily: 'ipv4' },
    logging: { clusterLogging: [{ types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], enabled: true }] },
    identity: { oidc: { issuer: `https://oidc.eks.${region}.amazonaws.com/id/${issuer}` } },
    status: 'ACTIVE',
    certificateAuthority: { data: Buffer.from(`demo certificate authority of ${plan.cluster}`).toString('base64') },
    platformVersion: 'eks.12',
    tags: { team: 'platform', env: account.env },
    encryptionConfig: [{ resources: ['secrets'], provider: { keyArn: `arn:aws:kms:${region}:${account.id}:key/${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}` } }],
    accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' },
  };
}

/** Writes the region's Lambda and EKS calls; returns how many functions and clusters it wrote. */
export async function writeCompute(out: OutputTree, input: ComputeInput): Promise<{ functions: number; clusters: number }> {
  const { account, region, paths } = input;
  const dir = `aws/${account.id}/${region}`;
  const functions = input.functions.map(({ service, roleArn }) => lambdaFunction(input, `${service.name}-events`, service.runtime, roleArn, {
    LOG_LEVEL: 'info', SERVICE_NAME: service.name, APP_DATA_BUCKET: bucketName(account.alias, 'app-data'),
  }, `Event handler of ${service.name}`));
  if (paths) {
    const key = paths.keys.find((k) => k.user === paths.users.leaked);
    // A developer pasted the export user's key into the function instead of using its role: what `path.exposed-credentials` is about.
    functions.push(lambdaFunction(input, paths.leakyFunction, 'python', arn.role(account.id, paths.roles.exporter), {
      EXPORT_BUCKET: paths.sensitiveBucket, AWS_ACCESS_KEY_ID: key?.id ?? '', AWS_SECRET_ACCESS_KEY: key?.secret ?? '', LOG_LEVEL: 'info',
    }, 'Nightly export of customer documents to the partner share'));
  }
  await out.writeAws(`${dir}/lambda-list-functions.json`, { Functions: functions });
  for (const fn of functions) {
    const name = fn.FunctionName as string;
    await out.writeAws(`${dir}/lambda-get-function-url-config/${name}.json`, NOT_FOUND(`Function URL config of ${name}`));
    await out.writeAws(`${dir}/lambda-get-policy/${name}.json`, NOT_FOUND(`Policy of ${name}`));
  }
  await out.writeAws(`${dir}/eks-list-clusters.json`, { clusters: paths ? [paths.cluster] : [] });
  if (paths) await out.writeAws(`${dir}/eks-describe-cluster/${paths.cluster}.json`, { cluster: eksCluster(input, paths) });
  return { functions: functions.length, clusters: paths ? 1 : 0 };
}
