import { normalizeAccount } from './account.js';
import { amiService } from './ami.js';
import { ebsService } from './ebs.js';
import { EC2_LIST_CALLS, normalizeEc2Region } from './ec2.js';
import { ecrService } from './ecr.js';
import { eksService } from './eks.js';
import { classicElbService } from './elb-classic.js';
import { elbv2Service } from './elbv2.js';
import { IAM_PLAN, iamCredentials } from './iam-credentials.js';
import { IAM_LIST_CALL, normalizeIam } from './iam.js';
import { partitionOf } from './identifiers.js';
import { kmsService } from './kms.js';
import { lambdaService } from './lambda.js';
import { networkInterfaceService } from './network-interfaces.js';
import { rdsService } from './rds.js';
import { regionService } from './region.js';
import { BUCKET_CALLS, listedBuckets, normalizeS3, S3_ACCOUNT_PAB_CALL, S3_LIST_CALL } from './s3.js';
import { vpcService } from './vpc.js';
/**
 * Every call plan of one account and their normalization, shared by the dump reader (plans read from files)
 * and the live collector (plans executed through the SDK): both produce the same records from the same calls.
 */
/** The global S3 calls: list-buckets, the account's public access block, then each bucket's calls. */
export const S3_PLAN = {
    calls: [S3_LIST_CALL, S3_ACCOUNT_PAB_CALL],
    perResource: BUCKET_CALLS.map(({ operation }) => ({ call: `s3api-${operation}`, resources: (read) => listedBuckets(read.call(S3_LIST_CALL)) })),
};
export const EC2_PLAN = { calls: EC2_LIST_CALLS, perResource: [] };
/** Plans read once per account (`global/` in a dump), named after their scope. */
export const GLOBAL_PLANS = { iam: IAM_PLAN, s3: S3_PLAN };
/** Every regional service after EC2 instances and security groups, each in its own scope, named after it. */
const REGIONAL_SERVICES = {
    vpc: vpcService, eni: networkInterfaceService, ebs: ebsService, ami: amiService, elbv2: elbv2Service, elb: classicElbService,
    rds: rdsService, lambda: lambdaService, eks: eksService, ecr: ecrService, kms: kmsService, region: regionService,
};
/** Plans read once per region, named after their scope (`region`: CloudTrail, GuardDuty, Config, Security Hub). */
export const REGION_PLANS = {
    ec2: EC2_PLAN,
    ...Object.fromEntries(Object.entries(REGIONAL_SERVICES).map(([name, s]) => [name, s.plan])),
};
/** All regions of one account share a partition; an account without regions is taken as `aws`. */
function accountPartition(regions) {
    return regions[0] ? partitionOf(regions[0]) : 'aws';
}
function bucketCalls(s3) {
    const out = new Map();
    for (const bucket of listedBuckets(s3.call(S3_LIST_CALL))) {
        const calls = new Map();
        for (const { operation } of BUCKET_CALLS) {
            const result = s3.resource(`s3api-${operation}`, bucket);
            if (result.status !== 'missing')
                calls.set(operation, result);
        }
        out.set(bucket, calls);
    }
    return out;
}
/** The records of one account: IAM first (EC2 resolves instance profiles to roles through it), S3, the account, each region. */
export async function* normalizeAwsAccount(src) {
    const { account, regions } = src;
    const partition = accountPartition(regions);
    const iamCalls = await src.plan(null, 'iam', GLOBAL_PLANS.iam);
    const credentials = iamCredentials(iamCalls);
    const iam = normalizeIam({ account, partition, authorizationDetails: iamCalls.call(IAM_LIST_CALL), credentials });
    yield* iam.records;
    const s3 = await src.plan(null, 's3', GLOBAL_PLANS.s3);
    const s3PublicAccessBlock = s3.call(S3_ACCOUNT_PAB_CALL);
    yield* normalizeS3({ account, partition, listBuckets: s3.call(S3_LIST_CALL), accountPublicAccessBlock: s3PublicAccessBlock, bucketCalls: bucketCalls(s3) });
    yield* normalizeAccount({ account, partition, meta: await src.meta(), s3PublicAccessBlock, iamProperties: credentials.account });
    for (const region of regions) {
        const ec2 = await src.plan(region, 'ec2', EC2_PLAN);
        yield* normalizeEc2Region({
            account, region, instances: ec2.call('ec2-describe-instances'), securityGroups: ec2.call('ec2-describe-security-groups'),
            instanceProfiles: iam.instanceProfiles,
        });
        for (const [name, service] of Object.entries(REGIONAL_SERVICES))
            yield* service.normalize({ account, region }, await src.plan(region, name, service.plan));
    }
}
//# sourceMappingURL=account-calls.js.map