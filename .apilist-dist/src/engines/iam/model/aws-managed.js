/**
 * AWS-managed policies are shared by every account, so the inventory keeps only a reference to them (an
 * `attached_policy` edge). These are the documents of the ones that matter most for privilege analysis,
 * condensed to their effect on permissions; any other AWS-managed policy is reported as not evaluated.
 */
const allow = (Action, Resource = '*', extra = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });
const DOCUMENTS = {
    AdministratorAccess: { Statement: [allow('*')] },
    PowerUserAccess: {
        Statement: [
            { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
            allow(['iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole', 'iam:ListRoles', 'organizations:DescribeOrganization', 'account:ListRegions', 'account:GetAccountInformation']),
        ],
    },
    IAMFullAccess: { Statement: [allow(['iam:*', 'organizations:DescribeAccount', 'organizations:DescribeOrganization', 'organizations:DescribeOrganizationalUnit', 'organizations:DescribePolicy', 'organizations:ListChildren', 'organizations:ListParents', 'organizations:ListPoliciesForTarget', 'organizations:ListRoots', 'organizations:ListPolicies', 'organizations:ListTargetsForPolicy'])] },
    AmazonS3FullAccess: { Statement: [allow(['s3:*', 's3-object-lambda:*'])] },
    AmazonS3ReadOnlyAccess: { Statement: [allow(['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'])] },
    AmazonEC2FullAccess: { Statement: [allow(['ec2:*', 'elasticloadbalancing:*', 'cloudwatch:*', 'autoscaling:*'])] },
    AWSLambda_FullAccess: {
        Statement: [
            allow(['cloudformation:DescribeStacks', 'cloudwatch:*', 'ec2:Describe*', 'iam:GetPolicy', 'iam:GetRole', 'iam:ListRoles', 'kms:ListAliases', 'lambda:*', 'logs:*', 's3:GetBucketLocation', 's3:ListAllMyBuckets', 'states:DescribeStateMachine', 'tag:GetResources', 'xray:GetTrace*']),
            allow('iam:PassRole', '*', { Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } }),
        ],
    },
    SecretsManagerReadWrite: { Statement: [allow(['secretsmanager:*', 'kms:DescribeKey', 'kms:ListAliases', 'kms:ListKeys', 'tag:GetResources'])] },
    AmazonSSMFullAccess: { Statement: [allow(['ssm:*', 'ec2messages:*', 'ssmmessages:*', 'ds:CreateComputer', 'ds:DescribeDirectories', 'ec2:DescribeInstanceStatus', 'logs:*'])] },
};
/** The document of a well-known AWS-managed policy, by ARN (`arn:<partition>:iam::aws:policy/<path><name>`). */
export function awsManagedDocument(policyArn) {
    const m = /^arn:[^:]+:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(policyArn);
    return m ? DOCUMENTS[m[1]] : undefined;
}
//# sourceMappingURL=aws-managed.js.map