import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Reads a generated tree back with plain JSON.parse, knowing only the file formats (not the generator's
 * internals), so tests can check the manifest against what is really on disk. Holds everything in
 * memory: meant for small scales.
 */

export interface Tag {
  Key: string;
  Value: string;
}
export interface IpPermission {
  IpProtocol: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges: { CidrIp: string }[];
}
export interface SecurityGroupJson {
  GroupId: string;
  GroupName: string;
  SecurityGroupArn: string;
  IpPermissions: IpPermission[];
}
export interface InstanceJson {
  InstanceId: string;
  PublicIpAddress?: string;
  SecurityGroups: { GroupId: string }[];
  IamInstanceProfile?: { Arn: string; Id: string };
  MetadataOptions: { HttpTokens: string };
  State: { Name: string };
  Tags?: Tag[];
}
export interface PolicyDoc {
  Statement: { Effect: string; Action: string | string[]; Resource: string | string[]; Principal?: unknown; Condition?: unknown }[];
}
export interface RoleJson {
  RoleName: string;
  Arn: string;
  InstanceProfileList: { Arn: string; InstanceProfileId: string }[];
  RolePolicyList: { PolicyDocument: PolicyDoc }[];
  AttachedManagedPolicies: { PolicyArn: string }[];
}
export interface IamJson {
  UserDetailList: { Arn: string; GroupList: string[]; AttachedManagedPolicies: { PolicyArn: string }[] }[];
  GroupDetailList: { GroupName: string; AttachedManagedPolicies: { PolicyArn: string }[] }[];
  RoleDetailList: RoleJson[];
  Policies: { Arn: string; DefaultVersionId: string; AttachmentCount: number; PolicyVersionList: { VersionId: string; Document: PolicyDoc }[] }[];
}
export interface ErrorJson {
  Error?: { Code: string };
}
export interface BucketJson {
  name: string;
  policy: ({ Policy: string } & ErrorJson) | null;
  publicAccessBlock: { PublicAccessBlockConfiguration?: Record<string, boolean> } & ErrorJson;
  tagging: { TagSet?: Tag[] } & ErrorJson;
  files: string[];
}
export interface RegionJson {
  name: string;
  instances: InstanceJson[];
  groups: SecurityGroupJson[];
}
export interface AccountJson {
  id: string;
  meta: { Alias: string; OrganizationId: string; Name: string };
  regions: RegionJson[];
  iam: IamJson;
  buckets: BucketJson[];
  accountPublicAccessBlock: { PublicAccessBlockConfiguration?: Record<string, boolean> } & ErrorJson;
}
export interface TrivyPackage {
  Name: string;
  Layer: { DiffID: string };
}
export interface TrivyResult {
  Class: string;
  Type: string;
  Target: string;
  Packages: TrivyPackage[];
  Vulnerabilities?: { VulnerabilityID: string; Severity: string; FixedVersion?: string; Status: string; PkgName: string }[];
}
export interface TrivyJson {
  SchemaVersion: number;
  ArtifactName: string;
  ArtifactType: string;
  Metadata: { DiffIDs: string[]; RepoDigests: string[]; ImageConfig: { config: { Labels: Record<string, string> } } };
  Results: TrivyResult[];
}

const json = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;

export async function readAccounts(outDir: string): Promise<AccountJson[]> {
  const root = join(outDir, 'aws');
  const accounts: AccountJson[] = [];
  for (const id of (await readdir(root)).sort()) {
    const dir = join(root, id);
    const regions: RegionJson[] = [];
    for (const name of (await readdir(dir)).sort()) {
      if (name === 'global' || name === 'meta.json') continue;
      const reservations = (await json<{ Reservations: { Instances: InstanceJson[] }[] }>(join(dir, name, 'ec2-describe-instances.json'))).Reservations;
      const groups = (await json<{ SecurityGroups: SecurityGroupJson[] }>(join(dir, name, 'ec2-describe-security-groups.json'))).SecurityGroups;
      regions.push({ name, instances: reservations.flatMap((r) => r.Instances), groups });
    }
    const global = join(dir, 'global');
    const listed = (await json<{ Buckets: { Name: string }[] }>(join(global, 's3api-list-buckets.json'))).Buckets;
    const buckets: BucketJson[] = [];
    for (const { Name } of listed) {
      const perBucket = (op: string) => join(global, `s3api-${op}`, `${Name}.json`);
      const ops = ['get-bucket-policy', 'get-public-access-block', 'get-bucket-encryption', 'get-bucket-location', 'get-bucket-tagging', 'get-bucket-acl', 'get-bucket-versioning'];
      const files = (await Promise.all(ops.map((op) => readFile(perBucket(op), 'utf8').then(() => op, () => null)))).filter((op): op is string => op !== null);
      buckets.push({
        name: Name,
        policy: await json<{ Policy: string } & ErrorJson>(perBucket('get-bucket-policy')),
        publicAccessBlock: await json(perBucket('get-public-access-block')),
        tagging: await json(perBucket('get-bucket-tagging')),
        files,
      });
    }
    accounts.push({
      id,
      meta: await json(join(dir, 'meta.json')),
      regions,
      iam: await json(join(global, 'iam-get-account-authorization-details.json')),
      buckets,
      accountPublicAccessBlock: await json(join(global, 's3control-get-public-access-block.json')),
    });
  }
  return accounts;
}

export async function readReports(outDir: string): Promise<Map<string, TrivyJson>> {
  const dir = join(outDir, 'trivy');
  const reports = new Map<string, TrivyJson>();
  for (const name of (await readdir(dir)).sort()) reports.set(`trivy/${name}`, await json<TrivyJson>(join(dir, name)));
  return reports;
}
