/** What generateOrganization wrote, also saved as `<outDir>/manifest.json`: the demo's and tests' answer key. */

export interface GenerateOptions {
  /** Folder to write into; created if missing. Its aws/ and trivy/ from an earlier generation are replaced. */
  outDir: string;
  /** 1 is a small company (4 accounts, ~40 services); accounts and services grow linearly with it. */
  scale: number;
  /** Same seed and scale, byte-identical files. Default 1. */
  seed?: number;
  /** Called after each account and each image report, for progress bars. */
  onProgress?: (progress: GenerateProgress) => void;
}

export interface GenerateProgress {
  phase: 'aws' | 'trivy';
  done: number;
  total: number;
}

export interface GeneratedTeam {
  id: string;
  name: string;
  slackChannel: string;
}

export interface TrivyReportEntry {
  /** Path relative to outDir, e.g. `trivy/payments-ledger.json`. */
  file: string;
  /** Owning team id. */
  owner: string;
  /** The scanned image reference (the report's ArtifactName). */
  image: string;
  /** The service the image runs, or null for a base image. */
  service: string | null;
  /** The base image reference it was built on (`org.opencontainers.image.base.name`). */
  base: string;
  /** `<repository>@sha256:...`: what Kubernetes reports a running container's image as. */
  repoDigest: string;
}

export interface GeneratedCounts {
  accounts: number;
  /** Account × region folders. */
  regions: number;
  instances: number;
  securityGroups: number;
  buckets: number;
  users: number;
  roles: number;
  groups: number;
  /** Customer-managed policies (the only IAM policies that are assets). */
  policies: number;
  /** Trivy reports: product images plus base images. */
  images: number;
  /** Package entries across all Trivy results. */
  packages: number;
  /** Vulnerability entries across all Trivy results. */
  vulnerabilities: number;
  functions: number;
  eksClusters: number;
  /** Kubernetes objects stored as assets (ReplicaSets are read, not stored). */
  k8sObjects: number;
  /** Catalogue entities and owners.yaml teams and rules, each an asset. */
  catalogEntries: number;
  /** The sum of every count above from accounts to catalogEntries except regions, packages and vulnerabilities. */
  assetsExpected: number;
}

export interface PlantedPort {
  /** Security group ARN. */
  arn: string;
  /** The open port; -1 means every port (IpProtocol "-1"). */
  port: number;
  cidr: string;
}

export interface PlantedChain {
  /** Instance ARN: public IP, a world-open security group, HttpTokens optional, an admin role. */
  instance: string;
  role: string;
  securityGroup: string;
}

export interface PlantedDecoy {
  /** Instance ARN that has two of the three chain conditions but not the third. */
  instance: string;
  missing: 'imdsv1' | 'public-ip';
  /** Its admin role and its world-open security group. */
  role: string;
  securityGroup: string;
}

export interface Planted {
  /** Bucket ARNs readable by anyone: Allow with Principal "*" and no Block Public Access stopping it. */
  publicBuckets: string[];
  /** Bucket ARNs with a public-looking policy that Block Public Access (bucket or account) neutralizes. */
  publicBucketDecoys: string[];
  /** Risky ports (22, 3389, 5432, 9200, all) open to 0.0.0.0/0. */
  openSecurityGroups: PlantedPort[];
  /** 80/443 open to 0.0.0.0/0: normal for a load balancer. */
  webSecurityGroups: PlantedPort[];
  /** Security group ARNs exposing risky ports to private CIDRs only (decoys). */
  privateOnlySecurityGroups: string[];
  /** Instance ARNs with MetadataOptions.HttpTokens "optional". */
  imdsV1Instances: string[];
  /** Role ARNs with AdministratorAccess or an Allow of Action "*" on Resource "*" (inline or customer-managed). */
  overPrivilegedRoles: string[];
  /** User ARNs with AdministratorAccess attached directly or through a group. */
  adminUsers: string[];
  attackChains: PlantedChain[];
  attackChainDecoys: PlantedDecoy[];
  /** Instance and bucket ARNs without a `team` tag. */
  untaggedResources: string[];
  /** Image references shipping log4j-core below 2.15.0 (CVE-2021-44228). */
  log4shellImages: string[];
  /** CVE ids found in at least a quarter of all images. */
  widespreadCves: string[];
  /**
   * The answer key of the rules engine: per built-in rule id, the asset uids (sorted) the generator made
   * violate it. Everything else is compliant with every rule; the demo test compares this with the findings.
   */
  rules: RulePlants;
  /** Attack paths the paths engine should find (test/demo-paths.test.ts). */
  paths: PlantedPath[];
}

/** Near misses: each is one condition short of a planted path and must produce none. */
export interface Decoys {
  paths: PlantedPath[];
}

/**
 * One attack path: the rule id of its technique (`path.<technique>`), and the asset uids from the entry
 * (`internet` for anonymous access, else the identity an attacker holds) to the target, in order.
 */
export interface PlantedPath {
  technique: string;
  entry: string;
  target: string;
  nodes: string[];
}

/** Rule id → asset uids planted to violate it. */
export type RulePlants = Record<string, string[]>;

/** Adds uids to a rule's planted list. */
export function plantRule(plants: RulePlants, ruleId: string, ...uids: string[]): void {
  if (uids.length === 0) return;
  plants[ruleId] = [...(plants[ruleId] ?? []), ...uids];
}

/** One vulnerability our matcher should report on a product image, from the generated OSV advisories. */
export interface DemoVulnerability {
  /** The image reference (the report's ArtifactName). */
  image: string;
  /** The installed package's name (the binary package for OS packages). */
  package: string;
  /** The canonical advisory id (the CVE). */
  advisory: string;
  /** Published after the scans: only the matcher reports it (otherwise it merges with Trivy's finding). */
  fresh: boolean;
  /** Who owns the finding: the platform team for packages of the base image, else the service's team. */
  owner: string;
  /** The package came with the base image's layers. */
  inherited: boolean;
  /** A build of the same base repository that fixes it, when one exists: rebuilding on it resolves it. */
  rebuildOn: string | null;
}

/** The OSV export the demo imports before analyzing. */
export interface GeneratedIntel {
  /** Folder of OSV JSON records, relative to outDir. */
  osvDir: 'osv';
  /** The CISA KEV catalog excerpt, relative to outDir. */
  kevFile: string;
  /** Record ids written. */
  advisories: string[];
  /** What the matcher should find on product images. */
  vulnerabilities: DemoVulnerability[];
}

export interface GeneratedOrg {
  seed: number;
  scale: number;
  /** 12-digit account ids, in generation order. */
  accounts: string[];
  teams: GeneratedTeam[];
  /** Folder of the AWS dump, relative to outDir (docs/aws-dump-layout.md). */
  awsDir: 'aws';
  trivyReports: TrivyReportEntry[];
  intel: GeneratedIntel;
  /** `kubectl get ... -A -o json` output per cluster, relative to outDir. */
  k8s: { cluster: string; file: string }[];
  /** Backstage catalog-info.yaml and owners.yaml, relative to outDir (`mothership import catalog`). */
  catalogDir: 'catalog';
  counts: GeneratedCounts;
  planted: Planted;
  decoys: Decoys;
}

export function emptyPlanted(): Planted {
  return {
    publicBuckets: [],
    publicBucketDecoys: [],
    openSecurityGroups: [],
    webSecurityGroups: [],
    privateOnlySecurityGroups: [],
    imdsV1Instances: [],
    overPrivilegedRoles: [],
    adminUsers: [],
    attackChains: [],
    attackChainDecoys: [],
    untaggedResources: [],
    log4shellImages: [],
    widespreadCves: [],
    rules: {},
    paths: [],
  };
}
