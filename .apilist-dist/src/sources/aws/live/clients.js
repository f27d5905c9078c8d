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
import { STSClient } from '@aws-sdk/client-sts';
/** The SDK clients the collector uses, by the service they talk to. */
const CLIENTS = {
    sts: STSClient, organizations: OrganizationsClient, iam: IAMClient, ec2: EC2Client, s3: S3Client, s3control: S3ControlClient,
    elbv2: ElasticLoadBalancingV2Client, elb: ElasticLoadBalancingClient, rds: RDSClient, lambda: LambdaClient, eks: EKSClient,
    ecr: ECRClient, kms: KMSClient, cloudtrail: CloudTrailClient, guardduty: GuardDutyClient, configservice: ConfigServiceClient,
    securityhub: SecurityHubClient,
};
/** The configuration every client gets: adaptive retries (client-side rate limiting on throttling). */
export function clientConfig(region, credentials, settings) {
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
    credentials;
    settings;
    clients = new Map();
    constructor(credentials, settings) {
        this.credentials = credentials;
        this.settings = settings;
    }
    get(kind, region) {
        const key = `${kind}@${region}`;
        let client = this.clients.get(key);
        if (!client) {
            const config = clientConfig(region, this.credentials, this.settings);
            client = new CLIENTS[kind]({ ...config, ...this.serviceConfig(kind) });
            this.clients.set(key, client);
        }
        return client;
    }
    serviceConfig(kind) {
        const endpoint = this.settings.endpoint;
        if (kind === 's3')
            return { forcePathStyle: Boolean(endpoint), followRegionRedirects: true };
        // S3 Control's endpoint rules put the account id in the host name, which a custom endpoint (an IP) cannot take.
        if (kind === 's3control' && endpoint)
            return { endpointProvider: () => ({ url: new URL(endpoint) }) };
        return {};
    }
    destroy() {
        for (const c of this.clients.values())
            c.destroy();
        this.clients.clear();
    }
}
//# sourceMappingURL=clients.js.map