/** The built-in catalogue; `iamEngine({ harmful })` replaces it. */
export const HARMFUL_PERMISSIONS = [
    {
        id: 'data-exfiltration',
        title: 'can read data stores and secrets across the account',
        severity: 'high',
        actions: [
            's3:GetObject', 'secretsmanager:GetSecretValue', 'ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath',
            'kms:Decrypt', 'dynamodb:Scan', 'dynamodb:Query', 'rds:CopyDBSnapshot', 'ec2:GetPasswordData', 'lambda:GetFunction',
        ],
    },
    {
        id: 'logging-tampering',
        title: 'can disable or delete audit logging and threat detection',
        severity: 'high',
        actions: [
            'cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'cloudtrail:UpdateTrail', 'cloudtrail:PutEventSelectors',
            'guardduty:DeleteDetector', 'guardduty:UpdateDetector', 'guardduty:DeletePublishingDestination',
            'config:StopConfigurationRecorder', 'config:DeleteConfigurationRecorder', 'config:DeleteDeliveryChannel',
            'logs:DeleteLogGroup', 'logs:DeleteLogStream', 'securityhub:DisableSecurityHub', 'detective:DeleteGraph',
        ],
    },
    {
        id: 'resource-exposure',
        title: 'can expose resources to other accounts or the public',
        severity: 'medium',
        actions: [
            's3:PutBucketPolicy', 's3:PutBucketAcl', 's3:PutObjectAcl', 's3:PutBucketPublicAccessBlock', 'lambda:AddPermission',
            'kms:PutKeyPolicy', 'kms:CreateGrant', 'secretsmanager:PutResourcePolicy', 'ecr:SetRepositoryPolicy',
            'sqs:SetQueueAttributes', 'sns:SetTopicAttributes', 'ec2:ModifySnapshotAttribute', 'ec2:ModifyImageAttribute',
            'rds:ModifyDBSnapshotAttribute', 'iam:UpdateAssumeRolePolicy',
        ],
    },
    {
        id: 'credential-access',
        title: 'can create or obtain credentials of other identities',
        severity: 'medium',
        actions: [
            'iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile', 'iam:CreateServiceSpecificCredential',
            'iam:UploadSSHPublicKey', 'ec2-instance-connect:SendSSHPublicKey', 'ssm:StartSession', 'sts:GetFederationToken',
        ],
    },
];
//# sourceMappingURL=harmful-permissions.js.map