import { accountRootArn, ec2Arn, iamArn, partitionOf, REGION_PATTERN, s3BucketArn } from '../aws/identifiers.js';
export function parseArn(value) {
    const m = /^arn:([a-z0-9-]+):([a-z0-9-]+):([a-z0-9-]*):([^:]*):(.+)$/i.exec(value.trim());
    if (!m)
        return undefined;
    return { partition: m[1], service: m[2].toLowerCase(), region: m[3], account: m[4], resource: m[5] };
}
/** EC2 id prefixes and the ARN resource type they stand for. */
const EC2_ID_TYPES = [
    [/^i-[0-9a-z]+$/, 'instance'],
    [/^sg-[0-9a-z]+$/, 'security-group'],
    [/^vpc-[0-9a-z]+$/, 'vpc'],
    [/^subnet-[0-9a-z]+$/, 'subnet'],
    [/^acl-[0-9a-z]+$/, 'network-acl'],
    [/^eni-[0-9a-z]+$/, 'network-interface'],
    [/^vol-[0-9a-z]+$/, 'volume'],
];
function ec2TypeOfId(id) {
    return EC2_ID_TYPES.find(([re]) => re.test(id))?.[1];
}
/**
 * An ARN as the AWS collector spells it. Some tools drop the resource type of EC2 ARNs
 * (`arn:aws:ec2:us-east-1:123:i-0abc` in Inspector exports); it is put back from the id's prefix.
 */
export function normalizeArn(value) {
    const arn = value.trim();
    const p = parseArn(arn);
    if (!p || p.service !== 'ec2' || p.resource.includes('/'))
        return arn;
    const type = ec2TypeOfId(p.resource);
    return type ? `arn:${p.partition}:ec2:${p.region}:${p.account}:${type}/${p.resource}` : arn;
}
const IAM_KINDS = { role: 'aws.iam.role', user: 'aws.iam.user', group: 'aws.iam.group', policy: 'aws.iam.policy' };
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
/**
 * The asset kind of an ARN: the collector's kinds for what it collects (`aws.ec2.instance`, `aws.s3.bucket`,
 * `aws.iam.role`, `aws.account`), `aws.<service>.<type>` when the ARN names a resource type, else `aws.resource`.
 */
export function kindOfArn(value) {
    const p = parseArn(value);
    if (!p)
        return 'aws.resource';
    if (p.service === 'iam' && p.resource === 'root')
        return 'aws.account';
    if (p.service === 's3' && !p.region && !p.account)
        return p.resource.includes('/') ? 'aws.s3.object' : 'aws.s3.bucket';
    const type = /^([A-Za-z][A-Za-z0-9-]*)[/:]/.exec(p.resource)?.[1];
    if (!type)
        return 'aws.resource';
    if (p.service === 'iam' && IAM_KINDS[type])
        return IAM_KINDS[type];
    const service = slug(p.service);
    const t = slug(type);
    return service && t ? `aws.${service}.${t}` : 'aws.resource';
}
/** The readable end of an ARN: the bucket, the role name, the instance id. */
export function nameOfArn(value) {
    const p = parseArn(value);
    if (!p)
        return null;
    const parts = p.resource.split(/[/:]/).filter((s) => s !== '' && s !== '*');
    return parts[parts.length - 1] ?? p.resource;
}
function fromArn(arn, name) {
    const uid = normalizeArn(arn);
    const p = parseArn(uid);
    return {
        uid,
        kind: kindOfArn(uid),
        name: name || nameOfArn(uid),
        provider: 'aws',
        account: p?.account || null,
        region: p?.region || null,
        exact: true,
    };
}
/** ASFF's non-ARN identifiers: `AWS::::Account:123456789012`, `AWS::IAM::AccessKey:AKIA...`. */
const ASFF_ACCOUNT = /^AWS::::Account:([A-Za-z0-9-]+)$/;
const PARTITION = /^aws(-[a-z]+)*$/;
const ASFF_TYPED = /^AWS::([A-Za-z0-9]+)::([A-Za-z0-9]+):(.+)$/;
/**
 * An account id we can build an ARN with. Real ones are 12 digits; exports with masked or shortened ids
 * (`XXXXXXXXXXXX`, `1234567`) still name the account consistently, so anything id-like is accepted.
 */
export const ACCOUNT_PATTERN = /^[A-Za-z0-9-]{1,64}$/;
/** Names a resource of this type may have; anything else (sentences such as "No trails") is not a name. */
const NAME = /^[\w.+=,@/-]{1,512}$/;
/** ASFF resource types the collector keys by an ARN we can build from a bare name or id. */
function arnFromBareId(id, type, input, partition) {
    const regionOk = REGION_PATTERN.test(input.region);
    const accountOk = ACCOUNT_PATTERN.test(input.account);
    const ec2Type = ec2TypeOfId(id);
    if (ec2Type && regionOk && accountOk && (type === '' || type === 'Other' || type.startsWith('AwsEc2'))) {
        return ec2Arn(input.region, input.account, ec2Type, id);
    }
    if (!NAME.test(id))
        return undefined;
    if (type === 'AwsS3Bucket' && !id.includes('/'))
        return s3BucketArn(partition, id);
    const iam = /^AwsIam(Role|User|Group|Policy)$/.exec(type)?.[1];
    if (iam && accountOk)
        return iamArn(partition, input.account, `${iam.toLowerCase()}/${id}`);
    return undefined;
}
/**
 * The asset a cloud posture tool's resource is. ARNs are kept (normalized); bare ids and names are turned into
 * the ARN the collector gives that resource where the type says how (instances, security groups, VPCs, subnets,
 * buckets, IAM roles/users/groups/policies, the account); anything else is attached to the account, with
 * `exact: false` so the caller keeps the tool's id in the finding's identity.
 */
export function awsResourceRef(input) {
    const partition = input.partition && PARTITION.test(input.partition) ? input.partition : partitionOf(input.region);
    const arn = input.arn?.trim();
    if (arn && parseArn(arn))
        return fromArn(arn, input.name);
    const id = (input.id ?? '').trim();
    if (parseArn(id))
        return fromArn(id, input.name);
    const type = (input.type ?? '').trim();
    const account = ASFF_ACCOUNT.exec(id)?.[1] ?? (id !== '' && id === input.account ? input.account : undefined);
    if (account)
        return fromArn(accountRootArn(partition, account), input.name || account);
    const typed = ASFF_TYPED.exec(id);
    if (typed) {
        return { uid: id, kind: `aws.${slug(typed[1])}.${slug(typed[2].replace(/([a-z])([A-Z])/g, '$1-$2'))}`, name: input.name || typed[3],
            provider: 'aws', account: input.account || null, region: null, exact: true };
    }
    const built = id ? arnFromBareId(id, type, input, partition) : undefined;
    if (built)
        return fromArn(built, input.name || id);
    return { ...fromArn(accountRootArn(partition, input.account || 'unknown'), input.account || null), exact: false };
}
//# sourceMappingURL=aws-resource.js.map