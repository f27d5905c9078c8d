import { z } from 'zod';
import { badInput } from '../../model/errors.js';
/**
 * The parts of Trivy's JSON report (SchemaVersion 2) that we read, validated at the edge. Trivy is Go:
 * empty fields are usually omitted but some versions write `null`, so optional fields accept both.
 * Unknown fields are dropped (zod strips them); a wrong type is an error naming the field.
 */
const optStr = z.string().nullish();
const optNum = z.number().nullish();
const optBool = z.boolean().nullish();
/** An array that Go may omit or write as null; always an array after parsing. */
function list(item) {
    return z.array(item).nullish().transform((v) => v ?? []);
}
export const TrivyLayer = z.object({ Digest: optStr, DiffID: optStr }).nullish();
const PkgIdentifier = z.object({ PURL: optStr, UID: optStr, BOMRef: optStr }).nullish();
export const TrivyPackage = z.object({
    ID: optStr,
    Name: z.string().min(1),
    Identifier: PkgIdentifier,
    Version: optStr,
    Release: optStr,
    Epoch: z.number().int().nullish(),
    Arch: optStr,
    SrcName: optStr,
    SrcVersion: optStr,
    SrcRelease: optStr,
    SrcEpoch: z.number().int().nullish(),
    Licenses: list(z.string()),
    Layer: TrivyLayer,
    FilePath: optStr,
    Relationship: optStr,
    Indirect: optBool,
    Dev: optBool,
});
const Cvss = z.object({
    V2Vector: optStr, V3Vector: optStr, V40Vector: optStr,
    V2Score: optNum, V3Score: optNum, V40Score: optNum,
});
export const TrivyVulnerability = z.object({
    VulnerabilityID: z.string().min(1),
    VendorIDs: list(z.string()),
    PkgID: optStr,
    PkgName: z.string().min(1),
    PkgPath: optStr,
    PkgIdentifier: PkgIdentifier,
    InstalledVersion: optStr,
    FixedVersion: optStr,
    Status: optStr,
    Layer: TrivyLayer,
    SeveritySource: optStr,
    PrimaryURL: optStr,
    DataSource: z.object({ ID: optStr, Name: optStr, URL: optStr }).nullish(),
    Title: optStr,
    Description: optStr,
    Severity: optStr,
    CweIDs: list(z.string()),
    VendorSeverity: z.record(z.string(), z.number()).nullish(),
    CVSS: z.record(z.string(), Cvss).nullish(),
    References: list(z.string()),
    PublishedDate: optStr,
    LastModifiedDate: optStr,
});
/** The fields a vulnerability's fingerprint is made from: all the streaming parser's first pass reads. */
export const TrivyVulnerabilityKey = TrivyVulnerability.pick({
    VulnerabilityID: true, VendorIDs: true, PkgName: true, PkgIdentifier: true, InstalledVersion: true, Status: true, References: true,
});
export const TrivyMisconfiguration = z.object({
    Type: optStr,
    ID: optStr,
    AVDID: optStr,
    Title: optStr,
    Description: optStr,
    Message: optStr,
    Namespace: optStr,
    Query: optStr,
    Resolution: optStr,
    Severity: optStr,
    PrimaryURL: optStr,
    References: list(z.string()),
    Status: optStr,
    Layer: TrivyLayer,
    // CauseMetadata.Code is deliberately not read: the quoted source may hold credentials.
    CauseMetadata: z.object({
        Resource: optStr, Provider: optStr, Service: optStr, StartLine: optNum, EndLine: optNum,
    }).nullish(),
});
export const TrivySecret = z.object({
    RuleID: z.string().min(1),
    Category: optStr,
    Severity: optStr,
    Title: optStr,
    StartLine: optNum,
    EndLine: optNum,
    // Read only to be redacted; `Code` (the surrounding lines, unmasked) is never read.
    Match: optStr,
    Layer: TrivyLayer,
});
export const TrivyResult = z.object({
    Target: optStr.transform((v) => v ?? ''),
    Class: optStr,
    Type: optStr,
    Packages: list(TrivyPackage),
    Vulnerabilities: list(TrivyVulnerability),
    Misconfigurations: list(TrivyMisconfiguration),
    Secrets: list(TrivySecret),
});
export const TrivyOS = z.object({ Family: optStr, Name: optStr, EOSL: optBool }).nullish();
export const TrivyMetadata = z.object({
    Size: optNum,
    OS: TrivyOS,
    ImageID: optStr,
    DiffIDs: list(z.string()),
    RepoTags: list(z.string()),
    RepoDigests: list(z.string()),
    Reference: optStr,
    ImageConfig: z.object({
        architecture: optStr,
        os: optStr,
        created: optStr,
        // Env and Cmd are not read: they often carry credentials.
        config: z.object({
            Labels: z.record(z.string(), z.string()).nullish(),
            User: optStr,
            ExposedPorts: z.record(z.string(), z.unknown()).nullish(),
        }).nullish(),
    }).nullish(),
    Layers: list(z.object({ Size: optNum, Digest: optStr, DiffID: optStr })),
    RepoURL: optStr,
    Branch: optStr,
    Commit: optStr,
});
/** The report without its results: those are validated one by one as they are read. */
export const TrivyEnvelope = z.object({
    SchemaVersion: z.number(),
    // Empty in some real reports (images scanned from an archive by id); images are keyed by digest anyway.
    ArtifactName: optStr.transform((v) => v ?? ''),
    ArtifactType: optStr,
    Metadata: TrivyMetadata.nullish().transform((m) => m ?? TrivyMetadata.parse({})),
    Results: z.array(z.unknown()).nullish().transform((v) => v ?? []),
});
/** `Results[0].Vulnerabilities[3].Severity` from a zod issue path. */
export function fieldPath(path, prefix = '') {
    let out = prefix;
    for (const p of path) {
        if (typeof p === 'number')
            out += `[${p}]`;
        else
            out += out ? `.${String(p)}` : String(p);
    }
    return out;
}
/** Validates one part of the report; a failure names the file and the field. */
export function validate(schema, value, where, prefix = '') {
    const r = schema.safeParse(value);
    if (r.success)
        return r.data;
    const issue = r.error.issues[0];
    const field = fieldPath(issue?.path ?? [], prefix) || '(document)';
    throw badInput(where, `Trivy report field ${field}: ${issue?.message ?? 'invalid'}`);
}
//# sourceMappingURL=schema.js.map