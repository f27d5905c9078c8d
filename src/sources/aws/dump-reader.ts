import { join } from 'node:path';
import type { DumpReader, NormalizedRecord } from '../../model/index.js';
import { normalizeAccount } from './account.js';
import { amiService } from './ami.js';
import type { CallResult } from './call-result.js';
import { callPath, listAccounts, listRegions, readCall, readPlan, resourceCallPath } from './dump-files.js';
import { ebsService } from './ebs.js';
import { normalizeEc2Region } from './ec2.js';
import { ecrService } from './ecr.js';
import { eksService } from './eks.js';
import { classicElbService } from './elb-classic.js';
import { elbv2Service } from './elbv2.js';
import { IAM_PLAN, iamCredentials } from './iam-credentials.js';
import { IAM_LIST_CALL, normalizeIam, type InstanceProfileRoles } from './iam.js';
import { partitionOf } from './identifiers.js';
import { kmsService } from './kms.js';
import { lambdaService } from './lambda.js';
import { networkInterfaceService } from './network-interfaces.js';
import { rdsService } from './rds.js';
import { regionService } from './region.js';
import { BUCKET_CALLS, listedBuckets, normalizeS3, S3_ACCOUNT_PAB_CALL, S3_LIST_CALL } from './s3.js';
import type { RegionalService } from './service.js';
import { vpcService } from './vpc.js';

/** Every regional service after EC2 instances and security groups, each in its own scopes; order is not significant. */
const REGIONAL_SERVICES: readonly RegionalService[] = [
  vpcService, networkInterfaceService, ebsService, amiService, elbv2Service, classicElbService, rdsService,
  lambdaService, eksService, ecrService, kmsService, regionService,
];

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
      calls.set(operation, await readCall(resourceCallPath(accountDir, null, call, bucket), `${call}/${bucket}`));
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
    const iamCalls = await readPlan(accountDir, null, IAM_PLAN);
    const credentials = iamCredentials(iamCalls);
    const iam = normalizeIam({ account, partition, authorizationDetails: iamCalls.call(IAM_LIST_CALL), credentials });
    yield* iam.records;
    const s3PublicAccessBlock = await readCall(callPath(accountDir, null, S3_ACCOUNT_PAB_CALL), S3_ACCOUNT_PAB_CALL);
    yield* await readS3(accountDir, account, partition, s3PublicAccessBlock);
    const meta = await readCall(join(accountDir, 'meta.json'), 'meta.json');
    yield* normalizeAccount({ account, partition, meta, s3PublicAccessBlock, iamProperties: credentials.account });
    for (const region of regions) {
      yield* await readEc2(accountDir, account, region, iam.instanceProfiles);
      for (const service of REGIONAL_SERVICES) yield* service.normalize({ account, region }, await readPlan(accountDir, region, service.plan));
    }
  }
}

export const awsDump: DumpReader = {
  id: 'aws-dump',
  version: 2,
  layout: 'aws',
  read: readAwsDump,
};
