/**
 * One Prowler check result, whatever output format it came from (v2 JSON lines or CSV, v3 JSON or CSV,
 * v4+ OCSF JSON or CSV, or Prowler's ASFF): each format module maps its records onto this, and one module
 * (sighting.ts) turns it into records, so the same check on the same resource has one identity in every format.
 */
export interface CheckResult {
  /** Prowler's check id: `s3_bucket_public_access` (v3+), `check12` / `extra75` (v2). */
  checkId: string;
  /** Upper-cased: FAIL, PASS, MANUAL, INFO, WARNING, ... Only FAIL is a finding. */
  status: string;
  /** Muted by a Prowler mutelist: an accepted risk, not an open finding. */
  muted: boolean;
  /** aws, azure, gcp, kubernetes, m365, github, ... (lower case). */
  provider: string;
  /** AWS account, Azure subscription, GCP project, Kubernetes cluster; '' when the format does not say. */
  account: string;
  /** '' when the format does not say (then `global`). */
  region: string;
  partition: string | null;
  severity: string | null;
  checkTitle: string | null;
  /** The result's own message: "Bucket logs has public access" (v2 Message, v3 StatusExtended, OCSF status_detail). */
  statusExtended: string | null;
  /** What the check verifies, shared by every result of the check. */
  checkDescription: string | null;
  risk: string | null;
  remediation: string | null;
  references: string[];
  /** Framework → requirement ids (`CIS-1.5` → [`1.20`]). */
  compliance: Record<string, string[]>;
  resource: {
    /** The tool's resource uid: an ARN for AWS (v3+), an Azure resource id, ... */
    uid: string | null;
    /** A bare id or name (v3 ResourceId, OCSF resources[].name). */
    name: string | null;
    /** ASFF resource type for AWS (`AwsS3Bucket`), the provider's type elsewhere. */
    type: string | null;
    namespace: string | null;
  };
  /** Prowler's own id for the result (`prowler-aws-<check>-<account>-<region>-<resource>`), when given. */
  findingUid: string | null;
  service: string | null;
  categories: string[];
  checkType: string[];
  /** Prowler version that produced the result, when the format says. */
  version: string | null;
}

/** Blank strings as null, so that every format's "not given" reads the same. */
export function text(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}

/** A list field that some formats write as one string joined by `|` or `,`. */
export function listOf(value: readonly string[] | string | null | undefined, separator = /\s*\|\s*/): string[] {
  if (value == null) return [];
  const items = typeof value === 'string' ? value.split(separator) : value;
  return items.map((s) => s.trim()).filter((s) => s !== '');
}
