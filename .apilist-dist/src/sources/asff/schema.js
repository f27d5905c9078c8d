import { z } from 'zod';
/**
 * The parts of the AWS Security Finding Format (ASFF, SchemaVersion 2018-10-08) that we read: Security Hub
 * exports (`aws securityhub get-findings`), and the ASFF that GuardDuty, Inspector, Config, Macie, IAM Access
 * Analyzer, Prowler (`-M json-asff`) and Trivy (`--format template asff.tpl`) write. Unknown fields are
 * dropped; a wrong type is an error naming the field.
 */
const str = z.string().nullish();
/** Scores are numbers in the spec and strings in some exports. */
const numOrStr = z.union([z.number(), z.string()]).nullish();
function list(item) {
    return z.array(item).nullish().transform((v) => v ?? []);
}
export const AsffPackage = z.object({
    Name: z.string().min(1),
    Version: str,
    Epoch: str,
    Release: str,
    Architecture: str,
    PackageManager: str,
    FilePath: str,
    FixedInVersion: str,
    Remediation: str,
    SourceLayerHash: str,
});
export const AsffVulnerability = z.object({
    Id: z.string().min(1),
    VulnerablePackages: list(AsffPackage),
    Cvss: list(z.object({ Version: str, BaseScore: numOrStr, BaseVector: str, Source: str })),
    RelatedVulnerabilities: list(z.string()),
    Vendor: z.object({ Name: str, Url: str, VendorSeverity: str }).nullish(),
    ReferenceUrls: list(z.string()),
    FixAvailable: str,
    ExploitAvailable: str,
    EpssScore: numOrStr,
});
export const AsffResource = z.object({
    Type: z.string(),
    Id: z.string().min(1),
    Partition: str,
    Region: str,
    Details: z.record(z.string(), z.unknown()).nullish(),
});
export const AsffFinding = z.object({
    Id: z.string().min(1),
    ProductArn: z.string().min(1),
    ProductName: str,
    GeneratorId: z.string(),
    // Required by the spec, missing in some exports: the account is then read from the finding's ARN.
    AwsAccountId: str,
    Region: str,
    Types: list(z.string()),
    Title: z.string(),
    Description: str,
    SourceUrl: str,
    FirstObservedAt: str,
    Severity: z.object({ Label: str, Normalized: z.number().nullish(), Original: str }).nullish(),
    FindingProviderFields: z.object({ Severity: z.object({ Label: str }).nullish() }).nullish(),
    Remediation: z.object({ Recommendation: z.object({ Text: str, Url: str }).nullish() }).nullish(),
    ProductFields: z.record(z.string(), z.unknown()).nullish(),
    Resources: z.array(AsffResource).min(1),
    Compliance: z.object({
        Status: str,
        SecurityControlId: str,
        RelatedRequirements: list(z.string()),
        AssociatedStandards: list(z.object({ StandardsId: str })),
    }).nullish(),
    Workflow: z.object({ Status: str }).nullish(),
    WorkflowState: str,
    RecordState: str,
    Vulnerabilities: list(AsffVulnerability),
});
//# sourceMappingURL=schema.js.map