import { createServer } from 'node:http';
import { ec2Error, ec2Response, el, fields, jsonError, jsonResponse, list, members, queryError, queryResponse, readRequest, restJsonError, s3Error, send, xmlResponse, } from './wire.js';
/**
 * A local AWS endpoint for the live collector's tests. It speaks the real wire protocols for a small
 * realistic account (every service the collector reads): EC2 Query; the Query protocol of IAM, STS, RDS and
 * ELB; S3 REST-XML; JSON 1.1 of KMS, ECR, CloudTrail, Config and Organizations; REST-JSON of Lambda, EKS,
 * GuardDuty and Security Hub. So the real SDK clients run their real serializers, parsers, paginators and
 * retries. Requests are routed by the service and region of their SigV4 credential scope, and the account
 * by the access key, as AWS does. Test support only.
 */
export const MAIN_ACCOUNT = '111122223333';
export const MEMBER_ACCOUNT = '444455556666';
export const MAIN_KEY = 'AKIAMAINTEST00000001';
const MEMBER_KEY = 'ASIAMEMBERTEST000001';
const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const policy = (statements) => encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: statements }));
const tags = (member, t) => members(member, Object.entries(t).map(([k, v]) => member === 'item' ? [el('key', k), el('value', v)] : [el('Key', k), el('Value', v)]));
function instance(account, id, name, o) {
    return fields({
        instanceId: id, imageId: 'ami-0abc', instanceState: [el('code', 16), el('name', 'running')], privateDnsName: `ip-10-0-1-${id.length}.ec2.internal`,
        instanceType: 't3.micro', launchTime: '2024-03-01T10:00:00.000Z', subnetId: 'subnet-0a1', vpcId: 'vpc-0a1',
        privateIpAddress: '10.0.1.10', ipAddress: o.publicIp,
        groupSet: [el('item', fields({ groupId: 'sg-0web', groupName: 'web' }))],
        iamInstanceProfile: o.profile ? fields({ arn: `arn:aws:iam::${account}:instance-profile/${o.profile}`, id: 'AIPAWEBPROFILE000001' }) : undefined,
        metadataOptions: fields({ state: 'applied', httpTokens: o.tokens, httpPutResponseHopLimit: 1, httpEndpoint: 'enabled' }),
        tagSet: tags('item', { Name: name, team: 'payments' }),
    });
}
const reservation = (account, id, ...instances) => el('item', fields({ reservationId: id, ownerId: account }), list('instancesSet', 'item', instances));
/** The EC2 answers of one region; us-east-1 holds the resources, other regions are empty. */
function ec2(req, account, state) {
    const home = req.region === 'us-east-1';
    const action = req.form.get('Action') ?? '';
    switch (action) {
        case 'DescribeRegions':
            return ec2Response(action, list('regionInfo', 'item', ['us-east-1', 'eu-west-1'].map((r) => fields({ regionName: r, regionEndpoint: `ec2.${r}.amazonaws.com`, optInStatus: 'opt-in-not-required' }))));
        case 'DescribeInstances': {
            if (!home)
                return ec2Response(action, el('reservationSet'));
            // Two pages, as EC2 pages when MaxResults or its own limits apply.
            if (req.form.get('NextToken') === 'page-2') {
                return ec2Response(action, el('reservationSet', reservation(account, 'r-0002', instance(account, 'i-0003', 'batch-1', { tokens: 'required' }))));
            }
            return ec2Response(action, el('reservationSet', reservation(account, 'r-0001', instance(account, 'i-0001', 'web-1', { publicIp: '54.0.0.1', tokens: 'optional', profile: 'web' }), instance(account, 'i-0002', 'web-2', { publicIp: '54.0.0.2', tokens: 'required', profile: 'web' }))), el('nextToken', 'page-2'));
        }
        case 'DescribeSecurityGroups': {
            // The first call is throttled: the SDK's retry must absorb it.
            if (home && state.throttleSecurityGroups-- > 0)
                return ec2Error(503, 'RequestLimitExceeded', 'Request limit exceeded.');
            if (!home)
                return ec2Response(action, el('securityGroupInfo'));
            return ec2Response(action, list('securityGroupInfo', 'item', [fields({
                    ownerId: account, groupId: 'sg-0web', groupName: 'web', groupDescription: 'web servers', vpcId: 'vpc-0a1',
                    ipPermissions: members('item', [fields({
                            ipProtocol: 'tcp', fromPort: 443, toPort: 443, groups: [],
                            ipRanges: members('item', [el('cidrIp', '0.0.0.0/0')]), ipv6Ranges: [], prefixListIds: [],
                        })]),
                })]));
        }
        case 'DescribeVpcs':
            return ec2Response(action, home
                ? list('vpcSet', 'item', [fields({ vpcId: 'vpc-0a1', ownerId: account, state: 'available', cidrBlock: '10.0.0.0/16', isDefault: false })])
                : el('vpcSet'));
        case 'DescribeSubnets':
            return ec2Response(action, home
                ? list('subnetSet', 'item', [fields({ subnetId: 'subnet-0a1', vpcId: 'vpc-0a1', cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1a', mapPublicIpOnLaunch: true, state: 'available' })])
                : el('subnetSet'));
        case 'DescribeRouteTables': return ec2Response(action, el('routeTableSet'));
        case 'DescribeInternetGateways': return ec2Response(action, el('internetGatewaySet'));
        case 'DescribeNatGateways': return ec2Error(403, 'UnauthorizedOperation', 'You are not authorized to perform this operation.');
        case 'DescribeNetworkInterfaces': return ec2Response(action, el('networkInterfaceSet'));
        case 'DescribeVolumes': return ec2Response(action, el('volumeSet'));
        case 'DescribeSnapshots': return ec2Response(action, el('snapshotSet'));
        case 'DescribeImages': return ec2Response(action, el('imagesSet'));
        default: return ec2Error(400, 'InvalidAction', `The action ${action} is not valid for this web service.`);
    }
}
const CREDENTIAL_REPORT_COLUMNS = 'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
    'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
    'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,' +
    'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
function credentialReport(account) {
    return [
        CREDENTIAL_REPORT_COLUMNS,
        `<root_account>,arn:aws:iam::${account}:root,2020-01-01T00:00:00+00:00,not_supported,2024-01-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
        `alice,arn:aws:iam::${account}:user/alice,2021-01-01T00:00:00+00:00,true,2024-02-01T00:00:00+00:00,2021-01-01T00:00:00+00:00,N/A,false,true,2021-01-01T00:00:00+00:00,2024-02-02T00:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
    ].join('\n');
}
/** IAM: authorization details over two pages (users and groups, then roles and policies), credentials, alias. */
function iam(req, account) {
    const action = req.form.get('Action') ?? '';
    const arn = (r) => `arn:aws:iam::${account}:${r}`;
    switch (action) {
        case 'GetAccountAuthorizationDetails':
            if (req.form.get('Marker') !== 'page-2') {
                return queryResponse(action, IAM_NS, list('UserDetailList', 'member', [fields({
                        Path: '/', UserName: 'alice', UserId: 'AIDAALICE00000000001', Arn: arn('user/alice'), CreateDate: '2021-01-01T00:00:00Z',
                        GroupList: members('member', ['admins']),
                        UserPolicyList: members('member', [fields({ PolicyName: 'read-logs',
                                PolicyDocument: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-logs/*' }]) })]),
                        AttachedManagedPolicies: [],
                        Tags: members('member', [fields({ Key: 'team', Value: 'platform' })]),
                    })]), list('GroupDetailList', 'member', [fields({
                        Path: '/', GroupName: 'admins', GroupId: 'AGPAADMINS0000000001', Arn: arn('group/admins'), CreateDate: '2021-01-01T00:00:00Z',
                        GroupPolicyList: [],
                        AttachedManagedPolicies: members('member', [fields({ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' })]),
                    })]), el('RoleDetailList'), el('Policies'), el('IsTruncated', true), el('Marker', 'page-2'));
            }
            return queryResponse(action, IAM_NS, el('UserDetailList'), el('GroupDetailList'), list('RoleDetailList', 'member', [fields({
                    Path: '/', RoleName: 'web', RoleId: 'AROAWEB0000000000001', Arn: arn('role/web'), CreateDate: '2022-01-01T00:00:00Z',
                    AssumeRolePolicyDocument: policy([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]),
                    InstanceProfileList: members('member', [fields({
                            Path: '/', InstanceProfileName: 'web', InstanceProfileId: 'AIPAWEBPROFILE000001', Arn: arn('instance-profile/web'), CreateDate: '2022-01-01T00:00:00Z',
                            Roles: members('member', [fields({ Path: '/', RoleName: 'web', RoleId: 'AROAWEB0000000000001', Arn: arn('role/web'), CreateDate: '2022-01-01T00:00:00Z' })]),
                        })]),
                    RolePolicyList: [],
                    AttachedManagedPolicies: members('member', [fields({ PolicyName: 'web-data', PolicyArn: arn('policy/web-data') })]),
                })]), list('Policies', 'member', [fields({
                    PolicyName: 'web-data', PolicyId: 'ANPAWEBDATA000000001', Arn: arn('policy/web-data'), Path: '/', DefaultVersionId: 'v2',
                    AttachmentCount: 1, IsAttachable: true, CreateDate: '2022-01-01T00:00:00Z', UpdateDate: '2023-01-01T00:00:00Z',
                    PolicyVersionList: members('member', [
                        fields({ Document: policy([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]), VersionId: 'v2', IsDefaultVersion: true, CreateDate: '2023-01-01T00:00:00Z' }),
                        fields({ Document: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]), VersionId: 'v1', IsDefaultVersion: false, CreateDate: '2022-01-01T00:00:00Z' }),
                    ]),
                })]), el('IsTruncated', false));
        case 'GenerateCredentialReport': return queryResponse(action, IAM_NS, el('State', 'COMPLETE'));
        case 'GetCredentialReport':
            return queryResponse(action, IAM_NS, fields({
                Content: Buffer.from(credentialReport(account)).toString('base64'), ReportFormat: 'text/csv', GeneratedTime: '2024-03-01T12:00:00Z',
            }));
        case 'GetAccountPasswordPolicy':
            return queryError(404, IAM_NS, 'NoSuchEntity', `The Password Policy with domain name ${account} cannot be found.`);
        case 'ListAccessKeys':
            return queryResponse(action, IAM_NS, list('AccessKeyMetadata', 'member', req.form.get('UserName') === 'alice'
                ? [fields({ UserName: 'alice', AccessKeyId: 'AKIAALICEKEY00000001', Status: 'Active', CreateDate: '2021-01-01T00:00:00Z' })]
                : []), el('IsTruncated', false));
        case 'ListMFADevices': return queryResponse(action, IAM_NS, el('MFADevices'), el('IsTruncated', false));
        case 'GetAccessKeyLastUsed':
            return queryResponse(action, IAM_NS, el('UserName', 'alice'), el('AccessKeyLastUsed', fields({ LastUsedDate: '2024-02-02T08:30:00Z', ServiceName: 's3', Region: 'us-east-1' })));
        case 'ListAccountAliases':
            return queryResponse(action, IAM_NS, list('AccountAliases', 'member', [account === MAIN_ACCOUNT ? 'acme-prod' : 'acme-member']), el('IsTruncated', false));
        default: return queryError(400, IAM_NS, 'InvalidAction', `Could not find operation ${action}`);
    }
}
function sts(req, account) {
    const action = req.form.get('Action') ?? '';
    if (action === 'GetCallerIdentity') {
        const arn = account === MAIN_ACCOUNT ? `arn:aws:iam::${account}:user/collector` : `arn:aws:sts::${account}:assumed-role/audit/mothership-collect`;
        return queryResponse(action, STS_NS, fields({ UserId: 'AIDACOLLECTOR0000001', Account: account, Arn: arn }));
    }
    if (action === 'AssumeRole') {
        const role = req.form.get('RoleArn') ?? '';
        if (role !== `arn:aws:iam::${MEMBER_ACCOUNT}:role/audit`)
            return queryError(403, STS_NS, 'AccessDenied', `User is not authorized to perform: sts:AssumeRole on resource: ${role}`);
        return queryResponse(action, STS_NS, el('Credentials', fields({ AccessKeyId: MEMBER_KEY, SecretAccessKey: 'member-secret', SessionToken: 'member-session', Expiration: new Date(Date.now() + 3600_000).toISOString() })), el('AssumedRoleUser', fields({ AssumedRoleId: 'AROAAUDIT:mothership-collect', Arn: `arn:aws:sts::${MEMBER_ACCOUNT}:assumed-role/audit/mothership-collect` })));
    }
    return queryError(400, STS_NS, 'InvalidAction', `Could not find operation ${action}`);
}
function bucketsOf(account) {
    if (account !== MAIN_ACCOUNT)
        return [];
    return [
        { name: 'acme-logs', region: 'us-east-1', versioning: 'Enabled', tags: { team: 'platform' },
            policy: { Version: '2012-10-17', Statement: [{ Sid: 'TLS', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::acme-logs/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] } },
        { name: 'acme-public', region: 'eu-west-1' },
    ];
}
/** S3 REST-XML, path-style (`/<bucket>?<subresource>`), and S3 Control's account public access block. */
function s3(req, account) {
    if (req.path.startsWith('/v20180820/configuration/publicAccessBlock')) {
        return { ...s3Error(404, 'NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found'),
            body: '<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse><Error><Code>NoSuchPublicAccessBlockConfiguration</Code><Message>The public access block configuration was not found</Message></Error><RequestId>test</RequestId></ErrorResponse>' };
    }
    const buckets = bucketsOf(account);
    if (req.path === '/' || req.path === '') {
        return xmlResponse('ListAllMyBucketsResult', S3_NS, el('Owner', fields({ ID: 'owner-canonical-id', DisplayName: 'acme' })), el('Buckets', buckets.map((b) => el('Bucket', fields({ Name: b.name, CreationDate: '2020-06-01T00:00:00.000Z', BucketRegion: b.region })))));
    }
    const b = buckets.find((x) => x.name === decodeURIComponent(req.path.slice(1).split('/')[0] ?? ''));
    if (!b)
        return s3Error(404, 'NoSuchBucket', 'The specified bucket does not exist');
    const q = req.query;
    if (q.has('policy'))
        return b.policy ? { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(b.policy) } : s3Error(404, 'NoSuchBucketPolicy', 'The bucket policy does not exist');
    if (q.has('publicAccessBlock')) {
        return b.policy ? xmlResponse('PublicAccessBlockConfiguration', S3_NS, fields({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true }))
            : s3Error(404, 'NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found');
    }
    if (q.has('encryption')) {
        return xmlResponse('ServerSideEncryptionConfiguration', S3_NS, el('Rule', el('ApplyServerSideEncryptionByDefault', el('SSEAlgorithm', 'AES256')), el('BucketKeyEnabled', false)));
    }
    if (q.has('location'))
        return xmlResponse('LocationConstraint', S3_NS, b.region === 'us-east-1' ? null : b.region);
    if (q.has('tagging')) {
        return b.tags ? xmlResponse('Tagging', S3_NS, el('TagSet', Object.entries(b.tags).map(([k, v]) => el('Tag', el('Key', k), el('Value', v)))))
            : s3Error(404, 'NoSuchTagSet', 'The TagSet does not exist');
    }
    if (q.has('acl')) {
        return { status: 200, headers: { 'content-type': 'application/xml' }, body: `<?xml version="1.0" encoding="UTF-8"?>\n<AccessControlPolicy xmlns="${S3_NS}"><Owner><ID>owner-canonical-id</ID></Owner>` +
                '<AccessControlList><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>owner-canonical-id</ID></Grantee>' +
                '<Permission>FULL_CONTROL</Permission></Grant></AccessControlList></AccessControlPolicy>' };
    }
    if (q.has('versioning'))
        return xmlResponse('VersioningConfiguration', S3_NS, b.versioning ? el('Status', b.versioning) : null);
    return s3Error(400, 'NotImplemented', `not implemented: ${req.method} ${req.path}?${q.toString()}`);
}
/** KMS JSON 1.1: two keys over two pages of ListKeys in us-east-1. */
function kms(req, account) {
    const key = (id) => ({ KeyId: id, KeyArn: `arn:aws:kms:${req.region}:${account}:key/${id}` });
    const ids = req.region === 'us-east-1' ? ['1111aaaa-0000-0000-0000-000000000001', '2222bbbb-0000-0000-0000-000000000002'] : [];
    switch (req.operation) {
        case 'ListKeys':
            if (ids.length === 0)
                return jsonResponse({ Keys: [], Truncated: false });
            return req.json.Marker === 'keys-2'
                ? jsonResponse({ Keys: [key(ids[1])], Truncated: false })
                : jsonResponse({ Keys: [key(ids[0])], Truncated: true, NextMarker: 'keys-2' });
        case 'DescribeKey': {
            const id = String(req.json.KeyId);
            return jsonResponse({ KeyMetadata: { AWSAccountId: account, ...key(id), CreationDate: 1704067200.5, Enabled: true, Description: 'data key',
                    KeyUsage: 'ENCRYPT_DECRYPT', KeyState: 'Enabled', Origin: 'AWS_KMS', KeyManager: id.startsWith('1111') ? 'CUSTOMER' : 'AWS',
                    KeySpec: 'SYMMETRIC_DEFAULT', MultiRegion: false } });
        }
        case 'GetKeyRotationStatus': return jsonResponse({ KeyRotationEnabled: String(req.json.KeyId).startsWith('1111'), KeyId: req.json.KeyId });
        default: return jsonError(400, 'UnknownOperationException', `unknown operation ${req.operation}`);
    }
}
/** Organizations JSON 1.1: the main account manages an organization of two accounts. */
function organizations(req, account) {
    if (account !== MAIN_ACCOUNT)
        return jsonError(400, 'AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.');
    switch (req.operation) {
        case 'DescribeOrganization':
            return jsonResponse({ Organization: { Id: 'o-acme12345', Arn: `arn:aws:organizations::${MAIN_ACCOUNT}:organization/o-acme12345`, MasterAccountId: MAIN_ACCOUNT } });
        case 'ListAccounts': {
            const acct = (id, name, status = 'ACTIVE') => ({ Id: id, Arn: `arn:aws:organizations::${MAIN_ACCOUNT}:account/o-acme12345/${id}`, Name: name, Email: `${name}@acme.test`, Status: status });
            return req.json.NextToken === 'accounts-2'
                ? jsonResponse({ Accounts: [acct(MEMBER_ACCOUNT, 'member'), acct('777788889999', 'closed', 'SUSPENDED')] })
                : jsonResponse({ Accounts: [acct(MAIN_ACCOUNT, 'main')], NextToken: 'accounts-2' });
        }
        default: return jsonError(400, 'UnknownOperationException', `unknown operation ${req.operation}`);
    }
}
const ELBV2_NS = 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/';
const ELB_NS = 'http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/';
const RDS_NS = 'http://rds.amazonaws.com/doc/2014-10-31/';
/** ELBv2 and classic ELB share the signing name; the Query `Version` tells them apart. */
function elb(req, account) {
    const action = req.form.get('Action') ?? '';
    if (req.form.get('Version') === '2012-06-01') {
        return action === 'DescribeLoadBalancers' ? queryResponse(action, ELB_NS, el('LoadBalancerDescriptions')) : queryError(400, ELB_NS, 'InvalidAction', action);
    }
    const home = req.region === 'us-east-1';
    const albArn = `arn:aws:elasticloadbalancing:us-east-1:${account}:loadbalancer/app/web-alb/50dc6c495c0c9188`;
    const tgArn = `arn:aws:elasticloadbalancing:us-east-1:${account}:targetgroup/web-tg/73e2d6bc24d8a067`;
    switch (action) {
        case 'DescribeLoadBalancers':
            return queryResponse(action, ELBV2_NS, home ? list('LoadBalancers', 'member', [fields({
                    LoadBalancerArn: albArn, DNSName: 'web-alb-1.us-east-1.elb.amazonaws.com', CreatedTime: '2023-05-01T00:00:00Z', LoadBalancerName: 'web-alb',
                    Scheme: 'internet-facing', VpcId: 'vpc-0a1', State: el('Code', 'active'), Type: 'application',
                    AvailabilityZones: members('member', [fields({ ZoneName: 'us-east-1a', SubnetId: 'subnet-0a1' })]), SecurityGroups: members('member', ['sg-0web']),
                })]) : el('LoadBalancers'));
        case 'DescribeTargetGroups':
            return queryResponse(action, ELBV2_NS, home ? list('TargetGroups', 'member', [fields({
                    TargetGroupArn: tgArn, TargetGroupName: 'web-tg', Protocol: 'HTTP', Port: 80, VpcId: 'vpc-0a1', TargetType: 'instance', LoadBalancerArns: members('member', [albArn]),
                })]) : el('TargetGroups'));
        // The per-resource calls take the ARN (the dump names their files by name): a name here would be a bug.
        case 'DescribeListeners':
            if (req.form.get('LoadBalancerArn') !== albArn)
                return queryError(400, ELBV2_NS, 'LoadBalancerNotFound', 'One or more load balancers not found');
            return queryResponse(action, ELBV2_NS, list('Listeners', 'member', [fields({
                    ListenerArn: `${albArn.replace(':loadbalancer/', ':listener/')}/f2f7dc8efc522ab2`, LoadBalancerArn: albArn, Port: 443, Protocol: 'HTTPS',
                    DefaultActions: members('member', [fields({ Type: 'forward', TargetGroupArn: tgArn })]),
                })]));
        case 'DescribeTargetHealth':
            if (req.form.get('TargetGroupArn') !== tgArn)
                return queryError(400, ELBV2_NS, 'TargetGroupNotFound', 'One or more target groups not found');
            return queryResponse(action, ELBV2_NS, list('TargetHealthDescriptions', 'member', [fields({
                    Target: fields({ Id: 'i-0001', Port: 80 }), HealthCheckPort: '80', TargetHealth: el('State', 'healthy'),
                })]));
        default: return queryError(400, ELBV2_NS, 'InvalidAction', action);
    }
}
/** RDS: one public, unencrypted database in us-east-1 (RDS names its list members, not `<member>`). */
function rds(req, account) {
    const action = req.form.get('Action') ?? '';
    const home = req.region === 'us-east-1';
    switch (action) {
        case 'DescribeDBInstances':
            return queryResponse(action, RDS_NS, el('DBInstances', home ? el('DBInstance', fields({
                DBInstanceIdentifier: 'orders', DBInstanceClass: 'db.t3.micro', Engine: 'postgres', DBInstanceStatus: 'available',
                PubliclyAccessible: true, StorageEncrypted: false, DBInstanceArn: `arn:aws:rds:us-east-1:${account}:db:orders`,
                InstanceCreateTime: '2023-01-01T00:00:00Z',
                VpcSecurityGroups: el('VpcSecurityGroupMembership', fields({ VpcSecurityGroupId: 'sg-0web', Status: 'active' })),
                DBSubnetGroup: fields({ DBSubnetGroupName: 'default', VpcId: 'vpc-0a1', Subnets: el('Subnet', fields({ SubnetIdentifier: 'subnet-0a1' })) }),
                TagList: el('Tag', fields({ Key: 'team', Value: 'orders' })),
            })) : null));
        case 'DescribeDBClusters': return queryResponse(action, RDS_NS, el('DBClusters'));
        case 'DescribeDBSnapshots': return queryResponse(action, RDS_NS, el('DBSnapshots'));
        default: return queryError(400, RDS_NS, 'InvalidAction', action);
    }
}
/** EKS REST-JSON: one cluster with a public endpoint in us-east-1. */
function eks(req, account) {
    const home = req.region === 'us-east-1';
    if (req.method === 'GET' && req.path === '/clusters')
        return jsonResponse({ clusters: home ? ['prod'] : [] }, 'application/json');
    if (req.method === 'GET' && req.path === '/clusters/prod' && home) {
        return jsonResponse({ cluster: { name: 'prod', arn: `arn:aws:eks:us-east-1:${account}:cluster/prod`, createdAt: 1700000000, version: '1.29',
                roleArn: `arn:aws:iam::${account}:role/eks`, status: 'ACTIVE',
                resourcesVpcConfig: { subnetIds: ['subnet-0a1'], securityGroupIds: [], clusterSecurityGroupId: 'sg-0eks', vpcId: 'vpc-0a1',
                    endpointPublicAccess: true, endpointPrivateAccess: false, publicAccessCidrs: ['0.0.0.0/0'] } } }, 'application/json');
    }
    return restJsonError(404, 'ResourceNotFoundException', `No cluster found for ${req.path}`);
}
/** ECR JSON 1.1: a namespaced repository (a sub-folder in the dump) with one image and no policy. */
function ecr(req, account) {
    const home = req.region === 'us-east-1';
    switch (req.operation) {
        case 'DescribeRepositories':
            return jsonResponse({ repositories: home ? [{ repositoryArn: `arn:aws:ecr:us-east-1:${account}:repository/team/app`, registryId: account,
                        repositoryName: 'team/app', repositoryUri: `${account}.dkr.ecr.us-east-1.amazonaws.com/team/app`, createdAt: 1690000000,
                        imageTagMutability: 'MUTABLE', imageScanningConfiguration: { scanOnPush: true } }] : [] });
        case 'DescribeImages':
            return jsonResponse({ imageDetails: [{ registryId: account, repositoryName: 'team/app', imageDigest: `sha256:${'ab'.repeat(32)}`,
                        imageTags: ['v1'], imageSizeInBytes: 12345678, imagePushedAt: 1700000000 }] });
        case 'GetRepositoryPolicy':
            return jsonError(400, 'RepositoryPolicyNotFoundException', 'Repository policy does not exist for the repository with name \'team/app\'');
        default: return jsonError(400, 'UnknownOperationException', req.operation);
    }
}
/** CloudTrail JSON 1.1: a multi-region trail, listed in every region; its status is asked by ARN. */
function cloudtrail(req, account) {
    const trailArn = `arn:aws:cloudtrail:us-east-1:${account}:trail/main-trail`;
    switch (req.operation) {
        case 'DescribeTrails':
            return jsonResponse({ trailList: [{ Name: 'main-trail', S3BucketName: 'acme-logs', IsMultiRegionTrail: true, HomeRegion: 'us-east-1',
                        TrailARN: trailArn, LogFileValidationEnabled: true, IsOrganizationTrail: false }] });
        case 'GetTrailStatus':
            return req.json.Name === trailArn ? jsonResponse({ IsLogging: true, LatestDeliveryTime: 1700000000 })
                : jsonError(400, 'TrailNotFoundException', `Unknown trail: ${String(req.json.Name)}`);
        default: return jsonError(400, 'UnknownOperationException', req.operation);
    }
}
/** GuardDuty REST-JSON: enabled in us-east-1 only. */
function guardduty(req, account) {
    const home = req.region === 'us-east-1';
    if (req.path === '/detector')
        return jsonResponse({ detectorIds: home ? ['d0c0ffee'] : [] }, 'application/json');
    if (req.path === '/detector/d0c0ffee' && home) {
        return jsonResponse({ status: 'ENABLED', serviceRole: `arn:aws:iam::${account}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
            createdAt: '2023-01-01T00:00:00.000Z', findingPublishingFrequency: 'SIX_HOURS', tags: {} }, 'application/json');
    }
    return restJsonError(400, 'BadRequestException', `The request is rejected because the input detectorId is not owned by the current account: ${req.path}`);
}
/** AWS Config JSON 1.1: the default recorder, recording. */
function config(req, account) {
    switch (req.operation) {
        case 'DescribeConfigurationRecorders':
            return jsonResponse({ ConfigurationRecorders: [{ name: 'default', roleARN: `arn:aws:iam::${account}:role/config`, recordingGroup: { allSupported: true } }] });
        case 'DescribeConfigurationRecorderStatus':
            return jsonResponse({ ConfigurationRecordersStatus: [{ name: 'default', recording: req.region === 'us-east-1', lastStatus: 'SUCCESS' }] });
        default: return jsonError(400, 'UnknownOperationException', req.operation);
    }
}
/** A region the account has not opted in to: each service refuses the credentials in its own dialect. */
export const OPT_IN_REGION = 'ap-east-1';
function notOptedIn(service) {
    const message = 'The security token included in the request is invalid.';
    if (service === 'ec2')
        return ec2Error(401, 'AuthFailure', 'AWS was not able to validate the provided access credentials');
    if (['kms', 'ecr', 'cloudtrail', 'config'].includes(service))
        return jsonError(400, 'UnrecognizedClientException', message);
    if (['lambda', 'eks', 'guardduty', 'securityhub'].includes(service))
        return restJsonError(403, 'UnrecognizedClientException', message);
    return queryError(403, STS_NS, 'InvalidClientTokenId', message);
}
function answer(req, state) {
    const account = req.accessKey === MAIN_KEY ? MAIN_ACCOUNT : req.accessKey === MEMBER_KEY ? MEMBER_ACCOUNT : null;
    if (!account)
        return queryError(403, STS_NS, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    if (req.region === OPT_IN_REGION)
        return notOptedIn(req.service);
    switch (req.service) {
        case 'ec2': return ec2(req, account, state);
        case 'iam': return iam(req, account);
        case 'sts': return sts(req, account);
        case 's3': return s3(req, account);
        case 'kms': return kms(req, account);
        case 'organizations': return organizations(req, account);
        case 'elasticloadbalancing': return elb(req, account);
        case 'rds': return rds(req, account);
        case 'eks': return eks(req, account);
        case 'ecr': return ecr(req, account);
        case 'cloudtrail': return cloudtrail(req, account);
        case 'guardduty': return guardduty(req, account);
        case 'config': return config(req, account);
        // Security Hub not enabled: its way of saying so, an answer rather than a failure.
        case 'securityhub': return restJsonError(401, 'InvalidAccessException', `Account ${account} is not subscribed to AWS Security Hub`);
        // Lambda is refused as a role without lambda:ListFunctions is.
        case 'lambda': return restJsonError(403, 'AccessDeniedException', `User: arn:aws:iam::${account}:user/collector is not authorized to perform: lambda:ListFunctions`);
        default: return jsonError(400, 'UnrecognizedClientException', `no test answer for service ${req.service}`);
    }
}
export async function startAwsTestServer() {
    const requests = [];
    const state = { throttleSecurityGroups: 1 };
    const server = createServer((req, res) => {
        readRequest(req).then((r) => {
            const response = answer(r, state);
            requests.push({ service: r.service, region: r.region, account: r.accessKey, operation: r.operation, status: response.status });
            send(res, response);
        }).catch((e) => {
            res.writeHead(500);
            res.end(String(e));
        });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address();
    return {
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
    };
}
//# sourceMappingURL=aws-test-server.js.map