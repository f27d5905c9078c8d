import { DescribeTrailsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { DescribeConfigurationRecordersCommand, DescribeConfigurationRecorderStatusCommand } from '@aws-sdk/client-config-service';
import { DescribeImageAttributeCommand, DescribeImagesCommand, DescribeInstancesCommand, DescribeInternetGatewaysCommand, DescribeNatGatewaysCommand, DescribeNetworkInterfacesCommand, DescribeRouteTablesCommand, DescribeSecurityGroupsCommand, DescribeSnapshotAttributeCommand, DescribeSnapshotsCommand, DescribeSubnetsCommand, DescribeVolumesCommand, DescribeVpcsCommand, } from '@aws-sdk/client-ec2';
import { DescribeImagesCommand as DescribeEcrImagesCommand, DescribeRepositoriesCommand, GetRepositoryPolicyCommand } from '@aws-sdk/client-ecr';
import { DescribeClusterCommand, ListClustersCommand } from '@aws-sdk/client-eks';
import { DescribeLoadBalancersCommand as DescribeClassicLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing';
import { DescribeListenersCommand, DescribeLoadBalancersCommand, DescribeTargetGroupsCommand, DescribeTargetHealthCommand, } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetDetectorCommand, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { GenerateCredentialReportCommand, GetAccessKeyLastUsedCommand, GetAccountAuthorizationDetailsCommand, GetAccountPasswordPolicyCommand, GetCredentialReportCommand, ListAccessKeysCommand, ListMFADevicesCommand, } from '@aws-sdk/client-iam';
import { DescribeKeyCommand, GetKeyRotationStatusCommand, ListKeysCommand } from '@aws-sdk/client-kms';
import { GetFunctionUrlConfigCommand, GetPolicyCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { DescribeDBClustersCommand, DescribeDBInstancesCommand, DescribeDBSnapshotAttributesCommand, DescribeDBSnapshotsCommand } from '@aws-sdk/client-rds';
import { GetBucketAclCommand, GetBucketEncryptionCommand, GetBucketLocationCommand, GetBucketPolicyCommand, GetBucketTaggingCommand, GetBucketVersioningCommand, GetPublicAccessBlockCommand, ListBucketsCommand, } from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { DescribeHubCommand } from '@aws-sdk/client-securityhub';
import { cliValue, decodeIamPolicies } from './cli-output.js';
/** Every page of a call merged as the CLI merges them: lists concatenated, the other members of the last page kept. */
async function allPages(send, make, paging) {
    // The CLI prints every result key of a paginated call, an empty list included.
    const merged = Object.fromEntries(paging.items.map((key) => [key, []]));
    const seen = new Set();
    let token;
    do {
        const page = await send(make(token));
        for (const [key, value] of Object.entries(page)) {
            if (paging.items.includes(key) && Array.isArray(value))
                merged[key] = [...merged[key], ...value];
            else
                merged[key] = value;
        }
        const next = page[paging.output];
        // A service repeating a token would loop for ever: the CLI stops there too.
        token = typeof next === 'string' && next !== '' && !seen.has(next) ? next : undefined;
        if (token)
            seen.add(token);
    } while (token);
    return merged;
}
function call(client, command, input = () => ({}), paging, post = (v) => v) {
    return {
        client,
        async run(send, ctx) {
            const base = input(ctx);
            const response = paging
                ? await allPages(send, (token) => new command(token ? { ...base, [paging.input]: token } : base), paging)
                : await send(new command(base));
            return post(cliValue(response, paging !== undefined));
        },
    };
}
const pages = (input, output, ...items) => ({ input, output, items });
const nextToken = (...items) => pages('NextToken', 'NextToken', ...items);
const marker = (...items) => pages('Marker', 'Marker', ...items);
const nextMarker = (...items) => pages('Marker', 'NextMarker', ...items);
/** The ARN a list call gave the resource named `name` (describe-listeners takes the ARN, the dump names the file by name). */
function arnOf(read, list, items, nameKey, arnKey, name) {
    const result = read.call(list);
    if (result.status !== 'ok' || typeof result.data !== 'object' || result.data === null)
        return name;
    const entries = result.data[items];
    const found = Array.isArray(entries) ? entries.find((e) => e?.[nameKey] === name) : undefined;
    return typeof found?.[arnKey] === 'string' ? found[arnKey] : name;
}
/** `iam generate-credential-report` until the report is ready, then `get-credential-report`. */
function credentialReport(pollMs) {
    return {
        client: 'iam',
        async run(send) {
            try {
                for (let attempt = 0; attempt < 10; attempt++) {
                    const r = await send(new GenerateCredentialReportCommand({}));
                    if (r.State === 'COMPLETE')
                        break;
                    await new Promise((resolve) => setTimeout(resolve, pollMs));
                }
            }
            catch {
                // Without the right to generate one, a report generated by someone else may still be readable.
            }
            return cliValue(await send(new GetCredentialReportCommand({})));
        },
    };
}
const bucket = (ctx) => ({ Bucket: ctx.resource });
const iam = (value) => decodeIamPolicies(value);
/** Every CLI call the plans name, by its dump file name. */
export function sdkCalls(options = {}) {
    return new Map(Object.entries({
        'iam-get-account-authorization-details': call('iam', GetAccountAuthorizationDetailsCommand, undefined, marker('UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'), iam),
        'iam-get-credential-report': credentialReport(options.credentialReportPollMs ?? 2000),
        'iam-get-account-password-policy': call('iam', GetAccountPasswordPolicyCommand),
        'iam-list-access-keys': call('iam', ListAccessKeysCommand, (c) => ({ UserName: c.resource }), marker('AccessKeyMetadata')),
        'iam-list-mfa-devices': call('iam', ListMFADevicesCommand, (c) => ({ UserName: c.resource }), marker('MFADevices')),
        'iam-get-access-key-last-used': call('iam', GetAccessKeyLastUsedCommand, (c) => ({ AccessKeyId: c.resource })),
        's3api-list-buckets': call('s3', ListBucketsCommand, undefined, pages('ContinuationToken', 'ContinuationToken', 'Buckets')),
        's3control-get-public-access-block': call('s3control', GetAccountPublicAccessBlockCommand, (c) => ({ AccountId: c.account })),
        's3api-get-bucket-policy': call('s3', GetBucketPolicyCommand, bucket),
        's3api-get-public-access-block': call('s3', GetPublicAccessBlockCommand, bucket),
        's3api-get-bucket-encryption': call('s3', GetBucketEncryptionCommand, bucket),
        's3api-get-bucket-location': call('s3', GetBucketLocationCommand, bucket),
        's3api-get-bucket-tagging': call('s3', GetBucketTaggingCommand, bucket),
        's3api-get-bucket-acl': call('s3', GetBucketAclCommand, bucket),
        's3api-get-bucket-versioning': call('s3', GetBucketVersioningCommand, bucket),
        'ec2-describe-instances': call('ec2', DescribeInstancesCommand, undefined, nextToken('Reservations')),
        'ec2-describe-security-groups': call('ec2', DescribeSecurityGroupsCommand, undefined, nextToken('SecurityGroups')),
        'ec2-describe-vpcs': call('ec2', DescribeVpcsCommand, undefined, nextToken('Vpcs')),
        'ec2-describe-subnets': call('ec2', DescribeSubnetsCommand, undefined, nextToken('Subnets')),
        'ec2-describe-route-tables': call('ec2', DescribeRouteTablesCommand, undefined, nextToken('RouteTables')),
        'ec2-describe-internet-gateways': call('ec2', DescribeInternetGatewaysCommand, undefined, nextToken('InternetGateways')),
        'ec2-describe-nat-gateways': call('ec2', DescribeNatGatewaysCommand, undefined, nextToken('NatGateways')),
        'ec2-describe-network-interfaces': call('ec2', DescribeNetworkInterfacesCommand, undefined, nextToken('NetworkInterfaces')),
        'ec2-describe-volumes': call('ec2', DescribeVolumesCommand, undefined, nextToken('Volumes')),
        'ec2-describe-snapshots': call('ec2', DescribeSnapshotsCommand, () => ({ OwnerIds: ['self'] }), nextToken('Snapshots')),
        'ec2-describe-snapshot-attribute': call('ec2', DescribeSnapshotAttributeCommand, (c) => ({ SnapshotId: c.resource, Attribute: 'createVolumePermission' })),
        'ec2-describe-images': call('ec2', DescribeImagesCommand, () => ({ Owners: ['self'] }), nextToken('Images')),
        'ec2-describe-image-attribute': call('ec2', DescribeImageAttributeCommand, (c) => ({ ImageId: c.resource, Attribute: 'launchPermission' })),
        'elbv2-describe-load-balancers': call('elbv2', DescribeLoadBalancersCommand, undefined, nextMarker('LoadBalancers')),
        'elbv2-describe-target-groups': call('elbv2', DescribeTargetGroupsCommand, undefined, nextMarker('TargetGroups')),
        'elbv2-describe-listeners': call('elbv2', DescribeListenersCommand, (c) => ({ LoadBalancerArn: arnOf(c.read, 'elbv2-describe-load-balancers', 'LoadBalancers', 'LoadBalancerName', 'LoadBalancerArn', c.resource) }), nextMarker('Listeners')),
        'elbv2-describe-target-health': call('elbv2', DescribeTargetHealthCommand, (c) => ({ TargetGroupArn: arnOf(c.read, 'elbv2-describe-target-groups', 'TargetGroups', 'TargetGroupName', 'TargetGroupArn', c.resource) })),
        'elb-describe-load-balancers': call('elb', DescribeClassicLoadBalancersCommand, undefined, nextMarker('LoadBalancerDescriptions')),
        'rds-describe-db-instances': call('rds', DescribeDBInstancesCommand, undefined, marker('DBInstances')),
        'rds-describe-db-clusters': call('rds', DescribeDBClustersCommand, undefined, marker('DBClusters')),
        'rds-describe-db-snapshots': call('rds', DescribeDBSnapshotsCommand, undefined, marker('DBSnapshots')),
        'rds-describe-db-snapshot-attributes': call('rds', DescribeDBSnapshotAttributesCommand, (c) => ({ DBSnapshotIdentifier: c.resource })),
        'lambda-list-functions': call('lambda', ListFunctionsCommand, undefined, nextMarker('Functions')),
        'lambda-get-function-url-config': call('lambda', GetFunctionUrlConfigCommand, (c) => ({ FunctionName: c.resource })),
        'lambda-get-policy': call('lambda', GetPolicyCommand, (c) => ({ FunctionName: c.resource })),
        'eks-list-clusters': call('eks', ListClustersCommand, undefined, pages('nextToken', 'nextToken', 'clusters')),
        'eks-describe-cluster': call('eks', DescribeClusterCommand, (c) => ({ name: c.resource })),
        'ecr-describe-repositories': call('ecr', DescribeRepositoriesCommand, undefined, pages('nextToken', 'nextToken', 'repositories')),
        'ecr-describe-images': call('ecr', DescribeEcrImagesCommand, (c) => ({ repositoryName: c.resource }), pages('nextToken', 'nextToken', 'imageDetails')),
        'ecr-get-repository-policy': call('ecr', GetRepositoryPolicyCommand, (c) => ({ repositoryName: c.resource })),
        'kms-list-keys': call('kms', ListKeysCommand, undefined, nextMarker('Keys')),
        'kms-describe-key': call('kms', DescribeKeyCommand, (c) => ({ KeyId: c.resource })),
        'kms-get-key-rotation-status': call('kms', GetKeyRotationStatusCommand, (c) => ({ KeyId: c.resource })),
        'cloudtrail-describe-trails': call('cloudtrail', DescribeTrailsCommand),
        'cloudtrail-get-trail-status': call('cloudtrail', GetTrailStatusCommand, (c) => ({ Name: arnOf(c.read, 'cloudtrail-describe-trails', 'trailList', 'Name', 'TrailARN', c.resource) })),
        'guardduty-list-detectors': call('guardduty', ListDetectorsCommand, undefined, nextToken('DetectorIds')),
        'guardduty-get-detector': call('guardduty', GetDetectorCommand, (c) => ({ DetectorId: c.resource })),
        'configservice-describe-configuration-recorders': call('configservice', DescribeConfigurationRecordersCommand),
        'configservice-describe-configuration-recorder-status': call('configservice', DescribeConfigurationRecorderStatusCommand),
        'securityhub-describe-hub': call('securityhub', DescribeHubCommand),
    }));
}
//# sourceMappingURL=calls.js.map