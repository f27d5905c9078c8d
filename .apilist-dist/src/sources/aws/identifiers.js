/**
 * Names every AWS module agrees on: ARNs (asset uids) and sync scopes. One place, so the dump reader and a
 * live collector produce the same uids and a re-import never forks an asset.
 */
/** The partition of a region: ARNs in China and GovCloud do not start with `arn:aws:`. */
export function partitionOf(region) {
    if (region.startsWith('cn-'))
        return 'aws-cn';
    if (region.startsWith('us-gov-'))
        return 'aws-us-gov';
    return 'aws';
}
/** A regional resource id such as `us-east-1`, `us-gov-west-1`, `ap-southeast-2`. */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;
export function accountRootArn(partition, account) {
    return `arn:${partition}:iam::${account}:root`;
}
/** `arn:aws:ec2:<region>:<account>:<type>/<id>` for instance, security-group, subnet, vpc. */
export function ec2Arn(region, account, type, id) {
    return `arn:${partitionOf(region)}:ec2:${region}:${account}:${type}/${id}`;
}
export function s3BucketArn(partition, bucket) {
    return `arn:${partition}:s3:::${bucket}`;
}
export function iamArn(partition, account, resource) {
    return `arn:${partition}:iam::${account}:${resource}`;
}
/** The unit of mark-and-sweep: `aws:<account>:<region | global>:<service>`. */
export function awsScope(account, region, service) {
    return `aws:${account}:${region ?? 'global'}:${service}`;
}
/** `arn:<partition>:<service>:<region>:<account>:<resource>` for a regional resource; the partition follows the region. */
export function regionalArn(region, account, service, resource) {
    return `arn:${partitionOf(region)}:${service}:${region}:${account}:${resource}`;
}
/**
 * The uid of a region of an account, `arn:aws::<region>:<account>` (Steampipe's spelling): AWS gives regions
 * no ARN, and this one cannot collide with a real resource's.
 */
export function regionUid(region, account) {
    return `arn:${partitionOf(region)}::${region}:${account}`;
}
/** The ECR registry host of an account in a region, as image references (and Trivy) name it. */
export function ecrRegistryHost(account, region) {
    return `${account}.dkr.ecr.${region}.amazonaws.com${partitionOf(region) === 'aws-cn' ? '.cn' : ''}`;
}
//# sourceMappingURL=identifiers.js.map