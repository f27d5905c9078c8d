/** IAM policy documents as the CLI prints them in get-account-authorization-details: decoded JSON objects. */
import { arn } from './ids.js';
const doc = (...Statement) => ({ Version: '2012-10-17', Statement });
export const trust = {
    service: (service) => doc({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }),
    account: (accountId, requireMfa) => doc({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: 'sts:AssumeRole',
        ...(requireMfa ? { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } } : {}),
    }),
    githubOidc: (accountId, company, repo) => doc({
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${accountId}:oidc-provider/token.actions.githubusercontent.com` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
            StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
            StringLike: { 'token.actions.githubusercontent.com:sub': `repo:${company}/${repo}:ref:refs/heads/main` },
        },
    }),
    /** Datadog's AWS integration account, with the external id the vendor hands out. */
    thirdParty: (externalId) => doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::464622532012:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': externalId } } }),
};
export const permissions = {
    everything: () => doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
    serviceApp: (accountId, region, service, bucket) => doc({ Sid: 'AppData', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: [`arn:aws:s3:::${bucket}/${service}/*`] }, { Sid: 'Queues', Effect: 'Allow', Action: ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage'], Resource: `arn:aws:sqs:${region}:${accountId}:${service}-*` }, { Sid: 'Secrets', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: `arn:aws:secretsmanager:${region}:${accountId}:secret:${service}/*` }),
    logsWrite: (accountId, withGroups) => doc({
        Effect: 'Allow',
        Action: withGroups ? ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'] : ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: `arn:aws:logs:*:${accountId}:log-group:/app/*`,
    }),
    artifactsRead: (bucket) => doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`] }),
    kmsDecrypt: (accountId, region, keyId) => doc({ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: `arn:aws:kms:${region}:${accountId}:key/${keyId}` }),
    ciDeploy: (accountId, bucket) => doc({ Sid: 'Images', Effect: 'Allow', Action: ['ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:PutImage', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload'], Resource: '*' }, { Sid: 'Deploy', Effect: 'Allow', Action: ['ecs:UpdateService', 'ecs:DescribeServices', 'autoscaling:StartInstanceRefresh'], Resource: '*' }, { Sid: 'Artifacts', Effect: 'Allow', Action: 's3:PutObject', Resource: `arn:aws:s3:::${bucket}/*` }, { Sid: 'PassRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${accountId}:role/*-ec2`, Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } } }),
    secretsRead: (accountId, team) => doc({ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: `arn:aws:secretsmanager:*:${accountId}:secret:${team}/*` }),
    backupUpload: (bucket) => doc({ Effect: 'Allow', Action: ['s3:PutObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`] }),
    integrationRead: () => doc({ Effect: 'Allow', Action: ['cloudwatch:Get*', 'cloudwatch:List*', 'ec2:Describe*', 'tag:GetResources'], Resource: '*' }),
};
export const AWS_MANAGED = {
    admin: 'AdministratorAccess',
    powerUser: 'PowerUserAccess',
    readOnly: 'ReadOnlyAccess',
    securityAudit: 'SecurityAudit',
    ssmCore: 'AmazonSSMManagedInstanceCore',
    changePassword: 'IAMUserChangePassword',
    billing: 'job-function/Billing',
    lambdaBasic: 'service-role/AWSLambdaBasicExecutionRole',
    autoScaling: 'aws-service-role/AutoScalingServiceRolePolicy',
    elb: 'aws-service-role/AWSElasticLoadBalancingServiceRolePolicy',
    support: 'AWSSupportAccess',
};
/** An AWS-managed policy attachment from its path, e.g. `job-function/Billing`. */
export const awsManaged = (path) => ({ PolicyName: path.split('/').pop() ?? path, PolicyArn: arn.awsManaged(path) });
//# sourceMappingURL=iam-documents.js.map