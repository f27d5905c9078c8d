import type { Rng } from '../random.js';

/** AWS resource ids in their real shapes: a prefix and 17 lower-case hex digits, or IAM's 21-character ids. */
export const awsId = {
  instance: (rng: Rng) => `i-0${rng.hex(16)}`,
  reservation: (rng: Rng) => `r-0${rng.hex(16)}`,
  securityGroup: (rng: Rng) => `sg-0${rng.hex(16)}`,
  vpc: (rng: Rng) => `vpc-0${rng.hex(16)}`,
  subnet: (rng: Rng) => `subnet-0${rng.hex(16)}`,
  image: (rng: Rng) => `ami-0${rng.hex(16)}`,
  volume: (rng: Rng) => `vol-0${rng.hex(16)}`,
  networkInterface: (rng: Rng) => `eni-0${rng.hex(16)}`,
  user: (rng: Rng) => `AIDA${rng.upper(17)}`,
  role: (rng: Rng) => `AROA${rng.upper(17)}`,
  group: (rng: Rng) => `AGPA${rng.upper(17)}`,
  policy: (rng: Rng) => `ANPA${rng.upper(17)}`,
  instanceProfile: (rng: Rng) => `AIPA${rng.upper(17)}`,
  canonicalUser: (rng: Rng) => rng.hex(64),
};

export const arn = {
  instance: (region: string, account: string, id: string) => `arn:aws:ec2:${region}:${account}:instance/${id}`,
  securityGroup: (region: string, account: string, id: string) => `arn:aws:ec2:${region}:${account}:security-group/${id}`,
  bucket: (name: string) => `arn:aws:s3:::${name}`,
  accountRoot: (account: string) => `arn:aws:iam::${account}:root`,
  role: (account: string, name: string, path = '/') => `arn:aws:iam::${account}:role${path}${name}`,
  user: (account: string, name: string) => `arn:aws:iam::${account}:user/${name}`,
  group: (account: string, name: string) => `arn:aws:iam::${account}:group/${name}`,
  policy: (account: string, name: string) => `arn:aws:iam::${account}:policy/${name}`,
  instanceProfile: (account: string, name: string) => `arn:aws:iam::${account}:instance-profile/${name}`,
  awsManaged: (name: string) => `arn:aws:iam::aws:policy/${name}`,
};

export const ADMIN_POLICY_ARN = arn.awsManaged('AdministratorAccess');

/** A tag list in the API's shape from a map; undefined values are left out. */
export function tagList(tags: Record<string, string | undefined>): { Key: string; Value: string }[] {
  return Object.entries(tags)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([Key, Value]) => ({ Key, Value }));
}
