import { join } from 'node:path';
import type { DumpReader, NormalizedRecord } from '../../model/index.js';
import { normalizeAccount } from './account.js';
import { callPath, listAccounts, listRegions, readCall, resourceCallPath } from './dump-files.js';
import { normalizeEc2Region } from './ec2.js';
import { IAM_LIST_CALL, normalizeIam, type InstanceProfileRoles } from './iam.js';
import { partitionOf } from './identifiers.js';
import type { CallResult } from './call-result.js';
import { BUCKET_CALLS, listedBuckets, normalizeS3, S3_ACCOUNT_PAB_CALL, S3_LIST_CALL } from './s3.js';

/** All regions of one account share a partition; an account without region folders is taken as `aws`. */
function accountPartition(regions: readonly string[]): string {
  return regions[0] ? partitionOf(regions[0]) : 'aws';
}

async function readS3(accountDir: string, account: string, partition: string, s3PublicAccessBlock: CallResult<unknown>): Promise<NormalizedRecord[]> {
  const listBuckets = await readCall(callPath(accountDir, null, S3_LIST_CALL), S3_LIST_CALL);
  const bucketCalls = new Map<string, Map<string, CallResult<unknown>>>();
  for (const bucket of listedBuckets(listBuckets)) {
    const calls = new Map<string, CallResult<unknown>>();
    for (const { operation } of BUCKET_CALLS) {
      const call = `s3api-${operation}`;
      calls.set(operation, await readCall(resourceCallPath(accountDir, call, bucket), `${call}/${bucket}`));
    }
    bucketCalls.set(bucket, calls);
  }
  return normalizeS3({ account, partition, listBuckets, accountPublicAccessBlock: s3PublicAccessBlock, bucketCalls });
}

async function readEc2(accountDir: string, account: string, region: string, instanceProfiles: InstanceProfileRoles | null): Promise<NormalizedRecord[]> {
  const instances = await readCall(callPath(accountDir, region, 'ec2-describe-instances'), 'ec2-describe-instances');
  const securityGroups = await readCall(callPath(accountDir, region, 'ec2-describe-security-groups'), 'ec2-describe-security-groups');
  return normalizeEc2Region({ account, region, instances, securityGroups, instanceProfiles });
}

/**
 * Reads an AWS CLI dump (docs/aws-dump-layout.md): one folder per account, `global/` and one folder per
 * region, one file per CLI call. Accounts are read one at a time, so memory follows the largest account.
 */
async function* readAwsDump(dir: string, options: { log: (message: string) => void }): AsyncIterable<NormalizedRecord> {
  for (const account of await listAccounts(dir, options.log)) {
    const accountDir = join(dir, account);
    const regions = await listRegions(accountDir, options.log);
    const partition = accountPartition(regions);
    // IAM first: EC2 resolves instance profiles to roles through it.
    const iam = normalizeIam({ account, partition, authorizationDetails: await readCall(callPath(accountDir, null, IAM_LIST_CALL), IAM_LIST_CALL) });
    yield* iam.records;
    const s3PublicAccessBlock = await readCall(callPath(accountDir, null, S3_ACCOUNT_PAB_CALL), S3_ACCOUNT_PAB_CALL);
    yield* await readS3(accountDir, account, partition, s3PublicAccessBlock);
    yield* normalizeAccount({ account, partition, meta: await readCall(join(accountDir, 'meta.json'), 'meta.json'), s3PublicAccessBlock });
    for (const region of regions) yield* await readEc2(accountDir, account, region, iam.instanceProfiles);
  }
}

export const awsDump: DumpReader = {
  id: 'aws-dump',
  version: 1,
  layout: 'aws',
  read: readAwsDump,
};
