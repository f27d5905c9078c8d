import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ECRClient } from '@aws-sdk/client-ecr';
import { EKSClient } from '@aws-sdk/client-eks';
import { ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { STSClient, type STSClientConfig } from '@aws-sdk/client-sts';

/** The SDK clients the collector uses, by the service they talk to. */
const CLIENTS = {
  sts: STSClient, organizations: OrganizationsClient, iam: IAMClient, ec2: EC2Client, s3: S3Client, s3control: S3ControlClient,
  elbv2: ElasticLoadBalancingV2Client, elb: ElasticLoadBalancingClient, rds: RDSClient, lambda: LambdaClient, eks: EKSClient,
  ecr: ECRClient, kms: KMSClient, cloudtrail: CloudTrailClient, guardduty: GuardDutyClient, configservice: ConfigServiceClient,
  securityhub: SecurityHubClient,
} as const;

export type ClientKind = keyof typeof CLIENTS;

/** What the collector needs of any SDK client: every client's `send` takes its own commands. */
export interface SdkClient {
  send(command: object): Promise<unknown>;
  destroy(): void;
}

/** Static credentials or a provider (the default chain, a profile, an assumed role). */
export type Credentials = NonNullable<STSClientConfig['credentials']>;

export interface ClientSettings {
  /** One endpoint for every service (LocalStack, tests); the SDK's own endpoints otherwise. */
  endpoint?: string;
  /** Attempts per request, throttling included (the SDK's adaptive retry mode waits between them). */
  maxAttempts?: number;
}

/** The configuration every client gets: adaptive retries (client-side rate limiting on throttling). */
export function clientConfig(region: string, credentials: Credentials, settings: ClientSettings) {
  return {
    region,
    credentials,
    retryMode: 'adaptive',
    maxAttempts: settings.maxAttempts ?? 5,
    ...(settings.endpoint ? { endpoint: settings.endpoint, disableHostPrefix: true } : {}),
  };
}

/** One client per service and region for one set of credentials (an account), created on first use. */
export class ClientPool {
  private readonly clients = new Map<string, SdkClient>();

  constructor(private readonly credentials: Credentials, private readonly settings: ClientSettings) {}

  get(kind: ClientKind, region: string): SdkClient {
    const key = `${kind}@${region}`;
    let client = this.clients.get(key);
    if (!client) {
      const config = clientConfig(region, this.credentials, this.settings);
      client = new (CLIENTS[kind] as new (config: object) => SdkClient)({ ...config, ...this.serviceConfig(kind) });
      this.clients.set(key, client);
    }
    return client;
  }

  private serviceConfig(kind: ClientKind): object {
    const endpoint = this.settings.endpoint;
    if (kind === 's3') return { forcePathStyle: Boolean(endpoint), followRegionRedirects: true };
    // S3 Control's endpoint rules put the account id in the host name, which a custom endpoint (an IP) cannot take.
    if (kind === 's3control' && endpoint) return { endpointProvider: () => ({ url: new URL(endpoint) }) };
    return {};
  }

  destroy(): void {
    for (const c of this.clients.values()) c.destroy();
    this.clients.clear();
  }
}
