/** AWS resource ids in their real shapes: a prefix and 17 lower-case hex digits, or IAM's 21-character ids. */
export const awsId = {
    instance: (rng) => `i-0${rng.hex(16)}`,
    reservation: (rng) => `r-0${rng.hex(16)}`,
    securityGroup: (rng) => `sg-0${rng.hex(16)}`,
    vpc: (rng) => `vpc-0${rng.hex(16)}`,
    subnet: (rng) => `subnet-0${rng.hex(16)}`,
    image: (rng) => `ami-0${rng.hex(16)}`,
    volume: (rng) => `vol-0${rng.hex(16)}`,
    networkInterface: (rng) => `eni-0${rng.hex(16)}`,
    user: (rng) => `AIDA${rng.upper(17)}`,
    role: (rng) => `AROA${rng.upper(17)}`,
    group: (rng) => `AGPA${rng.upper(17)}`,
    policy: (rng) => `ANPA${rng.upper(17)}`,
    instanceProfile: (rng) => `AIPA${rng.upper(17)}`,
    canonicalUser: (rng) => rng.hex(64),
};
export const arn = {
    instance: (region, account, id) => `arn:aws:ec2:${region}:${account}:instance/${id}`,
    securityGroup: (region, account, id) => `arn:aws:ec2:${region}:${account}:security-group/${id}`,
    bucket: (name) => `arn:aws:s3:::${name}`,
    accountRoot: (account) => `arn:aws:iam::${account}:root`,
    role: (account, name, path = '/') => `arn:aws:iam::${account}:role${path}${name}`,
    user: (account, name) => `arn:aws:iam::${account}:user/${name}`,
    group: (account, name) => `arn:aws:iam::${account}:group/${name}`,
    policy: (account, name) => `arn:aws:iam::${account}:policy/${name}`,
    instanceProfile: (account, name) => `arn:aws:iam::${account}:instance-profile/${name}`,
    awsManaged: (name) => `arn:aws:iam::aws:policy/${name}`,
};
export const ADMIN_POLICY_ARN = arn.awsManaged('AdministratorAccess');
/** A tag list in the API's shape from a map; undefined values are left out. */
export function tagList(tags) {
    return Object.entries(tags)
        .filter((e) => e[1] !== undefined)
        .map(([Key, Value]) => ({ Key, Value }));
}
//# sourceMappingURL=ids.js.map