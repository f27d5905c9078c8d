import { z } from 'zod';
/**
 * The parts of a CycloneDX BOM (JSON shape, spec 1.2 to 1.7) that we read. The XML reader converts to
 * this same shape, so both formats are validated here. Unknown fields are dropped; a wrong type is an
 * error naming the field. Components and vulnerabilities are validated one by one as they are read.
 */
/** An array a producer may omit or write as null; always an array after parsing. */
export function list(item) {
    return z.array(item).nullish().transform((v) => v ?? []);
}
const optStr = z.string().nullish();
const Property = z.object({ name: z.string(), value: optStr });
const LicenseChoice = z.object({
    license: z.object({ id: optStr, name: optStr }).nullish(),
    expression: optStr,
});
export const CdxComponent = z.object({
    type: optStr,
    'bom-ref': optStr,
    group: optStr,
    name: optStr,
    version: optStr,
    purl: optStr,
    licenses: list(LicenseChoice),
    properties: list(Property),
    components: list(z.unknown()),
});
const Source = z.object({ name: optStr, url: optStr }).nullish();
export const CdxRating = z.object({
    source: Source,
    score: z.number().nullish(),
    severity: optStr,
    method: optStr,
    vector: optStr,
});
export const CdxAnalysis = z.object({
    state: optStr,
    justification: optStr,
    response: list(z.string()),
    detail: optStr,
}).nullish();
export const CdxVulnerability = z.object({
    'bom-ref': optStr,
    id: z.string().min(1),
    source: Source,
    references: list(z.object({ id: z.string(), source: Source })),
    ratings: list(CdxRating),
    cwes: list(z.number().int()),
    description: optStr,
    detail: optStr,
    recommendation: optStr,
    advisories: list(z.object({ title: optStr, url: optStr })),
    published: optStr,
    updated: optStr,
    analysis: CdxAnalysis,
    affects: list(z.object({
        ref: z.string().min(1),
        versions: list(z.object({ version: optStr, range: optStr, status: optStr })),
    })),
});
/** Tools: a list of `{vendor, name, version}` up to 1.4, `{components: [...]}` from 1.5. */
const Tool = z.object({ vendor: optStr, group: optStr, name: optStr, version: optStr });
const Tools = z.union([z.array(Tool), z.object({ components: list(Tool) })]).nullish();
/** The BOM without its components and vulnerabilities: those are validated one by one. */
export const CdxEnvelope = z.object({
    bomFormat: z.literal('CycloneDX'),
    specVersion: z.string(),
    serialNumber: optStr,
    metadata: z.object({ component: z.unknown().optional(), tools: Tools }).nullish(),
    // Absent and empty differ: absent means the document lists no inventory at all (a VEX document).
    components: z.array(z.unknown()).nullish(),
    vulnerabilities: z.array(z.unknown()).nullish(),
    dependencies: list(z.object({ ref: z.string(), dependsOn: list(z.string()) })),
});
export function toolNames(tools) {
    const all = Array.isArray(tools) ? tools : tools?.components ?? [];
    return all.filter((t) => t.name).map((t) => (t.version ? `${t.name}@${t.version}` : t.name));
}
//# sourceMappingURL=schema.js.map