import { z } from 'zod';
/**
 * The parts of Grype's JSON report (`grype -o json`) that we read, validated at the edge. Grype is Go:
 * empty fields are omitted or written as null, so optional fields accept both. Grype before 0.13 wrote a
 * different vulnerability shape (`links`, `cvssV2`, `fixedInVersion`) and one matchDetails object; both
 * are read. Unknown fields are dropped (zod strips them); a wrong type is an error naming the field.
 */
const optStr = z.string().nullish();
const optNum = z.number().nullish();
function list(item) {
    return z.array(item).nullish().transform((v) => v ?? []);
}
const Cvss = z.object({
    source: optStr,
    type: optStr,
    version: optStr,
    vector: optStr,
    metrics: z.object({ baseScore: optNum, exploitabilityScore: optNum, impactScore: optNum }).nullish(),
});
/** Grype < 0.13: `{ "baseScore": 7.2, "vector": "AV:L/..." }`. */
const LegacyCvss = z.object({ baseScore: optNum, vector: optStr }).nullish();
const Epss = z.object({ cve: optStr, epss: optNum, percentile: optNum, date: optStr });
export const GrypeVulnerability = z.object({
    id: z.string().min(1),
    dataSource: optStr,
    namespace: optStr,
    severity: optStr,
    urls: list(z.string()),
    description: optStr,
    cvss: list(Cvss),
    fix: z.object({ versions: list(z.string()), state: optStr }).nullish(),
    advisories: list(z.object({ id: optStr, link: optStr })),
    epss: list(Epss),
    /** Grype's own risk score (EPSS x severity x KEV), 0–100. */
    risk: optNum,
    knownExploited: list(z.object({ cve: optStr, vendorProject: optStr, product: optStr, dateAdded: optStr, dueDate: optStr, knownRansomwareCampaignUse: optStr })),
    cwes: list(z.object({ cve: optStr, cwe: optStr, source: optStr, type: optStr })),
    links: list(z.string()),
    cvssV2: LegacyCvss,
    cvssV3: LegacyCvss,
    fixedInVersion: optStr,
});
export const GrypeRelated = z.object({
    id: z.string().min(1),
    dataSource: optStr,
    namespace: optStr,
    severity: optStr,
    urls: list(z.string()),
    description: optStr,
    cvss: list(Cvss),
});
const MatchDetail = z.object({ type: optStr, matcher: optStr });
const License = z.union([z.string(), z.object({ value: optStr, spdxExpression: optStr }).transform((l) => l.spdxExpression || l.value || '')]);
export const GrypeArtifact = z.object({
    id: optStr,
    name: z.string().min(1),
    version: optStr.transform((v) => v ?? ''),
    type: optStr,
    locations: list(z.object({ path: optStr, layerID: optStr })),
    language: optStr,
    licenses: list(License).transform((ls) => ls.filter((l) => l !== '')),
    purl: optStr,
    upstreams: list(z.object({ name: z.string(), version: optStr })),
    /** Older Grype put the source package of a deb here; other metadata is not read. */
    metadata: z.object({ Source: optStr, SourceVersion: optStr }).nullish().catch(null),
});
export const GrypeMatch = z.object({
    vulnerability: GrypeVulnerability,
    relatedVulnerabilities: list(GrypeRelated),
    matchDetails: z.union([z.array(MatchDetail), MatchDetail.transform((d) => [d])]).nullish().transform((v) => v ?? []),
    artifact: GrypeArtifact,
});
/**
 * An image target. `config` and `manifest` (base64 documents whose environment often carries credentials)
 * are deliberately not read.
 */
export const GrypeImageTarget = z.object({
    userInput: optStr,
    imageID: optStr,
    manifestDigest: optStr,
    mediaType: optStr,
    tags: list(z.string()),
    imageSize: optNum,
    layers: list(z.object({ mediaType: optStr, digest: optStr, size: optNum })),
    repoDigests: list(z.string()),
    architecture: optStr,
    os: optStr,
    labels: z.record(z.string(), z.string()).nullish(),
});
export const GrypeSource = z.object({
    type: optStr,
    /** An image object, a path string (directory, file), or `{ path }` in newer releases. */
    target: z.unknown(),
}).nullish();
export const GrypeDistro = z.object({ name: optStr, version: optStr }).nullish();
/** The report without its matches: those are validated one by one as they are read. */
export const GrypeEnvelope = z.object({
    matches: z.array(z.unknown()),
    source: GrypeSource,
    distro: GrypeDistro,
    descriptor: z.object({ name: optStr, version: optStr }).nullish(),
});
//# sourceMappingURL=schema.js.map