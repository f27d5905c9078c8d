import type { OutputTree } from '../output-tree.js';
import type { AccountPlan, OrgPlan, ServicePlan } from '../plan.js';
import { rngFor } from '../random.js';
import type { Rng } from '../random.js';
import { awsTime, daysBeforeSnapshot } from '../time.js';
import { arn, awsId, tagList } from './ids.js';
import { bucketName } from './naming.js';
import { plantRule } from '../manifest.js';
import type { RulePlants } from '../manifest.js';

interface Purpose {
  name: string;
  classification: 'public' | 'internal' | 'confidential' | 'restricted';
  /** Buckets that may legitimately be public (and so sometimes are). */
  publicCandidate?: boolean;
  policy?: 'cloudtrail' | 'elb-logs' | 'cloudfront' | 'cross-account' | 'org-only';
  versioned?: boolean;
}

/** The first four always exist: IAM policies point at them. */
const PURPOSES: readonly Purpose[] = [
  { name: 'artifacts', classification: 'internal', versioned: true },
  { name: 'app-data', classification: 'confidential' },
  { name: 'backups', classification: 'confidential', versioned: true },
  { name: 'logs', classification: 'internal' },
  { name: 'cloudtrail', classification: 'internal', policy: 'cloudtrail' },
  { name: 'alb-logs', classification: 'internal', policy: 'elb-logs' },
  { name: 'static-assets', classification: 'public', publicCandidate: true, policy: 'cloudfront' },
  { name: 'public-downloads', classification: 'public', publicCandidate: true },
  { name: 'marketing-site', classification: 'public', publicCandidate: true },
  { name: 'media', classification: 'public', publicCandidate: true, policy: 'cloudfront' },
  { name: 'data-lake-raw', classification: 'restricted' },
  { name: 'data-lake-curated', classification: 'confidential', policy: 'cross-account' },
  { name: 'athena-results', classification: 'internal' },
  { name: 'terraform-state', classification: 'restricted', versioned: true },
  { name: 'exports', classification: 'confidential', policy: 'cross-account' },
  { name: 'ml-models', classification: 'internal' },
  { name: 'reports', classification: 'confidential' },
  { name: 'uploads', classification: 'confidential' },
  { name: 'config', classification: 'internal', policy: 'org-only' },
  { name: 'tmp', classification: 'internal' },
  { name: 'invoices', classification: 'restricted' },
  { name: 'customer-documents', classification: 'restricted' },
  { name: 'email-templates', classification: 'internal' },
  { name: 'feature-store', classification: 'confidential' },
];

/**
 * Only in the platform account, for the attack-path plants: sensitive data left public. (A sensitive bucket
 * with a public policy that Block Public Access neutralizes is no decoy: RestrictPublicBuckets still lets
 * every principal of the account in through that policy.)
 */
const PLANTED: readonly Purpose[] = [{ name: 'partner-exports', classification: 'confidential', publicCandidate: true }];

export interface S3Result {
  buckets: number;
  publicBuckets: string[];
  publicBucketDecoys: string[];
  untagged: string[];
  rules: RulePlants;
}

type Statement = Record<string, unknown>;
const policyDoc = (...Statement: Statement[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const ALL_BLOCKED = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
const PARTIAL_BLOCKED = { ...ALL_BLOCKED, BlockPublicPolicy: false, RestrictPublicBuckets: false };
const NONE_BLOCKED = { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false };
const error = (Code: string, Message: string) => ({ Error: { Code, Message } });
const NO_PAB = error('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found');

function publicRead(bucket: string): Statement {
  return { Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` };
}

function denyInsecure(bucket: string): Statement {
  return { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
}

function servicePolicy(kind: NonNullable<Purpose['policy']>, bucket: string, account: AccountPlan, org: OrgPlan, rng: Rng): Statement[] {
  const objects = `arn:aws:s3:::${bucket}/*`;
  switch (kind) {
    case 'cloudtrail':
      return [
        { Sid: 'AWSCloudTrailAclCheck', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: `arn:aws:s3:::${bucket}` },
        { Sid: 'AWSCloudTrailWrite', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${bucket}/AWSLogs/${account.id}/*`, Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } } },
      ];
    case 'elb-logs':
      return [{ Effect: 'Allow', Principal: { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' }, Action: 's3:PutObject', Resource: objects }];
    case 'cloudfront':
      return [
        {
          Sid: 'AllowCloudFrontServicePrincipal',
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: 's3:GetObject',
          Resource: objects,
          Condition: { StringEquals: { 'AWS:SourceArn': `arn:aws:cloudfront::${account.id}:distribution/E${rng.upper(13)}` } },
        },
      ];
    case 'cross-account': {
      const other = org.accounts[rng.int(0, org.accounts.length - 1)]?.id ?? account.id;
      return [{ Sid: 'AnalyticsRead', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${other}:root` }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::${bucket}`, objects] }];
    }
    case 'org-only':
      return [{ Sid: 'OrgRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: objects, Condition: { StringEquals: { 'aws:PrincipalOrgID': org.organizationId } } }];
  }
}

/** An account's buckets: list-buckets, the account's Block Public Access, and seven per-bucket calls. */
export async function writeBuckets(out: OutputTree, org: OrgPlan, account: AccountPlan, services: readonly ServicePlan[]): Promise<S3Result> {
  const rng = rngFor(org.seed, 's3', account.id);
  const dir = `aws/${account.id}/global`;
  const ownerId = awsId.canonicalUser(rng);
  const owner = { DisplayName: account.alias, ID: ownerId };
  const result: S3Result = { buckets: 0, publicBuckets: [], publicBucketDecoys: [], untagged: [], rules: {} };
  const accountBlocks = account.publicAccessBlock === 'all';
  // Hardening (TLS-only policies, versioning with MFA delete) is on by default; its own stream keeps the
  // other draws where they were. What it leaves off is planted.
  const posture = rngFor(org.seed, 's3-posture', account.id);
  const accountPab = account.publicAccessBlock === 'all' ? ALL_BLOCKED : account.publicAccessBlock === 'none' ? null : PARTIAL_BLOCKED;
  if (account.publicAccessBlock !== 'all') plantRule(result.rules, 'aws.s3.account-block-public-access-off', arn.accountRoot(account.id));

  const count = Math.max(6, rng.around(20 * (0.5 + 0.5 * account.envFactor), 0.25));
  const chosen = [...PURPOSES.slice(0, 4), ...rng.sample(PURPOSES.slice(4), count - 4)];
  // Account 0 always has a public bucket and a public-looking one that Block Public Access neutralizes.
  if (account.forcePlants) {
    for (const forced of ['public-downloads', 'marketing-site', 'customer-documents']) if (!chosen.some((p) => p.name === forced)) chosen.push(PURPOSES.find((p) => p.name === forced) as Purpose);
    chosen.push(...PLANTED);
  }
  const listed: { Name: string; CreationDate: string }[] = [];

  for (const purpose of chosen) {
    const name = bucketName(account.alias, purpose.name);
    const region = rng.chance(0.75) ? (account.regions[0] ?? 'us-east-1') : rng.pick(account.regions);
    listed.push({ Name: name, CreationDate: awsTime(daysBeforeSnapshot(rng.days(30, 2000))) });

    let statements: Statement[] = [];
    let pab: Record<string, boolean> | null = rng.weighted<Record<string, boolean> | null>([[ALL_BLOCKED, 0.75], [null, 0.2], [{ ...ALL_BLOCKED, BlockPublicPolicy: false, RestrictPublicBuckets: false }, 0.05]]);
    if (account.forcePlants && purpose.name === 'marketing-site') {
      statements = [publicRead(name)];
      pab = ALL_BLOCKED;
    } else if (purpose.name === 'partner-exports') {
      statements = [publicRead(name)];
      pab = null;
    } else if (purpose.name === 'customer-documents') {
      // The target of the planted paths: private, whatever the draw said about its public access block.
      pab = ALL_BLOCKED;
    } else if (purpose.publicCandidate && (rng.chance(0.45) || (account.forcePlants && purpose.name === 'public-downloads'))) {
      statements = [publicRead(name)];
      if (!accountBlocks) pab = rng.chance(0.6) ? null : NONE_BLOCKED;
    } else if (purpose.policy) {
      statements = servicePolicy(purpose.policy, name, account, org, rng);
      if (purpose.publicCandidate && rng.chance(0.3)) statements.push(publicRead(name)); // left over from before the CDN; PAB may catch it
    }

    const tlsOnly = posture.chance(0.9);
    if (tlsOnly) statements.push(denyInsecure(name));
    else plantRule(result.rules, 'aws.s3.bucket-secure-transport-not-enforced', arn.bucket(name));
    const pabOff = Object.keys(ALL_BLOCKED).filter((k) => pab?.[k] !== true && accountPab?.[k as keyof typeof ALL_BLOCKED] !== true);
    if (pabOff.length > 0) plantRule(result.rules, 'aws.s3.bucket-block-public-access-off', arn.bucket(name));

    const hasStarAllow = statements.some((s) => s.Effect === 'Allow' && s.Principal === '*');
    const unconditional = statements.some((s) => s.Effect === 'Allow' && s.Principal === '*' && !s.Condition);
    const restricted = accountBlocks || pab?.RestrictPublicBuckets === true;
    if (unconditional && !restricted) result.publicBuckets.push(arn.bucket(name));
    else if (hasStarAllow) result.publicBucketDecoys.push(arn.bucket(name));

    const teamOwner = rng.chance(0.8) || services.length === 0 ? account.team : rng.pick(services).team;
    // The plants' data must carry its classification, or it would not be labelled sensitive.
    const tagged = !rng.chance(0.05) || (account.forcePlants && ['customer-documents', ...PLANTED.map((p) => p.name)].includes(purpose.name));
    if (!tagged) result.untagged.push(arn.bucket(name));
    const kms = rng.chance(0.2);
    const versioned = purpose.versioned || posture.chance(0.9);
    const mfaDelete = versioned && posture.chance(0.9);
    const versioning = versioned ? { Status: 'Enabled', ...(mfaDelete ? { MFADelete: 'Enabled' } : {}) } : posture.chance(0.3) ? { Status: 'Suspended', MFADelete: 'Disabled' } : null;
    if (!versioned) plantRule(result.rules, 'aws.s3.bucket-versioning-disabled', arn.bucket(name));
    if (!mfaDelete) plantRule(result.rules, 'aws.s3.bucket-mfa-delete-off', arn.bucket(name));
    const logDelivery = purpose.name === 'logs' && rng.chance(0.5);

    await Promise.all([
      out.writeAws(`${dir}/s3api-get-bucket-policy/${name}.json`, statements.length > 0 ? { Policy: policyDoc(...statements) } : error('NoSuchBucketPolicy', 'The bucket policy does not exist')),
      out.writeAws(`${dir}/s3api-get-public-access-block/${name}.json`, pab ? { PublicAccessBlockConfiguration: pab } : NO_PAB),
      out.writeAws(`${dir}/s3api-get-bucket-encryption/${name}.json`, {
        ServerSideEncryptionConfiguration: {
          Rules: [
            kms
              ? { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: `arn:aws:kms:${region}:${account.id}:key/${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}` }, BucketKeyEnabled: true }
              : { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false },
          ],
        },
      }),
      out.writeAws(`${dir}/s3api-get-bucket-location/${name}.json`, { LocationConstraint: region === 'us-east-1' ? null : region }),
      out.writeAws(
        `${dir}/s3api-get-bucket-tagging/${name}.json`,
        tagged ? { TagSet: tagList({ team: teamOwner, 'data-classification': purpose.classification, env: account.env }) } : error('NoSuchTagSet', 'The TagSet does not exist'),
      ),
      out.writeAws(`${dir}/s3api-get-bucket-acl/${name}.json`, {
        Owner: owner,
        Grants: [
          { Grantee: { DisplayName: account.alias, ID: ownerId, Type: 'CanonicalUser' }, Permission: 'FULL_CONTROL' },
          ...(logDelivery
            ? [
                { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, Permission: 'WRITE' },
                { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, Permission: 'READ_ACP' },
              ]
            : []),
        ],
      }),
      // The CLI prints nothing for a bucket that was never versioned.
      versioning ? out.writeAws(`${dir}/s3api-get-bucket-versioning/${name}.json`, versioning) : out.writeText(`${dir}/s3api-get-bucket-versioning/${name}.json`, ''),
    ]);
  }

  listed.sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
  await out.writeAws(`${dir}/s3api-list-buckets.json`, { Buckets: listed, Owner: owner });
  await out.writeAws(
    `${dir}/s3control-get-public-access-block.json`,
    account.publicAccessBlock === 'none'
      ? NO_PAB
      : { PublicAccessBlockConfiguration: accountPab },
  );
  result.buckets = listed.length;
  return result;
}
