import { z } from 'zod';
import { parseUntrustedJson } from '../json.js';
import { callOutcome, scopeCoverage, validated } from './call-result.js';
import { awsScope, s3BucketArn } from './identifiers.js';
import { awsAsset } from './records.js';
import { tagMap } from './tags.js';
// Bucket names become file names in a dump: only the characters S3 ever allowed (legacy names included).
const BucketName = z.string().regex(/^[A-Za-z0-9._-]+$/, 'not an S3 bucket name').refine((n) => n !== '.' && n !== '..', 'not an S3 bucket name');
export const ListBuckets = z.looseObject({
    Buckets: z.array(z.looseObject({ Name: BucketName, BucketRegion: z.string().optional() })).default([]),
});
const Tag = z.looseObject({ Key: z.string(), Value: z.string() });
const Location = z.looseObject({ LocationConstraint: z.string().nullable().optional() });
const PublicAccessBlockResponse = z.looseObject({ PublicAccessBlockConfiguration: z.looseObject({}) });
/** The call that enumerates the `s3` scope; a file `global/<call>.json` in a dump. */
export const S3_LIST_CALL = 's3api-list-buckets';
/** The account-level public access block; a file `global/<call>.json` in a dump. */
export const S3_ACCOUNT_PAB_CALL = 's3control-get-public-access-block';
function bucketCall(operation, property, schema, noneCodes, value) {
    return { operation, property, outcome: (result) => callOutcome(result, schema, noneCodes, value) };
}
export const BUCKET_CALLS = [
    bucketCall('get-bucket-policy', 'Policy', z.looseObject({ Policy: z.string() }), ['NoSuchBucketPolicy'], (d, where) => parseUntrustedJson(d.Policy, `${where}: field Policy`)),
    bucketCall('get-public-access-block', 'PublicAccessBlock', PublicAccessBlockResponse, ['NoSuchPublicAccessBlockConfiguration'], (d) => d.PublicAccessBlockConfiguration),
    bucketCall('get-bucket-encryption', 'Encryption', z.looseObject({ ServerSideEncryptionConfiguration: z.looseObject({}) }), ['ServerSideEncryptionConfigurationNotFoundError'], (d) => d.ServerSideEncryptionConfiguration),
    // Kept whole: a null LocationConstraint means us-east-1, not "none".
    bucketCall('get-bucket-location', 'Location', Location, [], (d) => d),
    bucketCall('get-bucket-tagging', 'Tagging', z.looseObject({ TagSet: z.array(Tag) }), ['NoSuchTagSet'], (d) => d.TagSet),
    bucketCall('get-bucket-acl', 'Acl', z.looseObject({ Grants: z.array(z.looseObject({})).optional() }), [], (d) => d),
    // An empty answer (`{}`) means versioning was never enabled.
    bucketCall('get-bucket-versioning', 'Versioning', z.looseObject({ Status: z.string().optional() }), [], (d) => d),
];
/** The account-level block (s3control), shared by every bucket of the account. */
export function accountPublicAccessBlockOutcome(result) {
    return callOutcome(result, PublicAccessBlockResponse, ['NoSuchPublicAccessBlockConfiguration'], (d) => d.PublicAccessBlockConfiguration);
}
/** The bucket names list-buckets returned, so per-bucket calls can be made or read. */
export function listedBuckets(listBuckets) {
    const r = validated(ListBuckets, listBuckets);
    return r.status === 'ok' ? r.data.Buckets.map((b) => b.Name) : [];
}
/** get-bucket-location answers null (or nothing) for us-east-1 and the legacy `EU` for eu-west-1. */
function regionOfLocation(location) {
    const r = Location.safeParse(location);
    if (!r.success)
        return null;
    const constraint = r.data.LocationConstraint;
    if (constraint === null || constraint === undefined || constraint === '')
        return 'us-east-1';
    return constraint === 'EU' ? 'eu-west-1' : constraint;
}
/**
 * Normalizes list-buckets and the per-bucket calls into `aws.s3.bucket` assets with the coverage of scope
 * `aws:<account>:global:s3`. A property is absent when its call was not collected, null when S3 said there
 * is none (no policy, no public access block...), and a refused call makes the scope partial and is kept in
 * the bucket's `CollectionErrors`.
 */
export function normalizeS3(input) {
    const { account, partition } = input;
    const scope = awsScope(account, null, 's3');
    const list = validated(ListBuckets, input.listBuckets);
    const problems = [];
    const out = [];
    const accountPab = accountPublicAccessBlockOutcome(input.accountPublicAccessBlock);
    if (accountPab.kind === 'refused')
        problems.push(accountPab.problem);
    if (list.status === 'ok') {
        for (const bucket of list.data.Buckets) {
            const properties = { ...bucket };
            const errors = {};
            const calls = input.bucketCalls.get(bucket.Name);
            for (const call of BUCKET_CALLS) {
                const o = call.outcome(calls?.get(call.operation) ?? { status: 'missing', call: call.operation });
                if (o.kind === 'value')
                    properties[call.property] = o.value;
                else if (o.kind === 'none')
                    properties[call.property] = null;
                else if (o.kind === 'refused') {
                    errors[call.operation] = o.problem;
                    problems.push(o.problem);
                }
            }
            if (accountPab.kind === 'value' || accountPab.kind === 'none')
                properties.AccountPublicAccessBlock = accountPab.kind === 'value' ? accountPab.value : null;
            if (Object.keys(errors).length > 0)
                properties.CollectionErrors = errors;
            // list-buckets has carried BucketRegion since 2024: the fallback when get-bucket-location was not collected.
            const region = properties.Location ? regionOfLocation(properties.Location) : bucket.BucketRegion ?? null;
            const tagSet = z.array(Tag).safeParse(properties.Tagging);
            const tags = tagSet.success ? tagMap(tagSet.data) : {};
            out.push(awsAsset(scope, { uid: s3BucketArn(partition, bucket.Name), kind: 'aws.s3.bucket', name: bucket.Name, account, region, properties, tags }));
        }
    }
    const coverage = scopeCoverage(scope, [list], problems);
    if (coverage)
        out.unshift(coverage);
    return out;
}
//# sourceMappingURL=s3.js.map