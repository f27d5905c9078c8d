import { z } from 'zod';
import { list } from '../cyclonedx/schema.js';
/**
 * The parts of an SPDX 2.2/2.3 JSON document that we read. Packages are validated one by one as they
 * are read, so an error names the package (`packages[3].versionInfo`).
 */
const optStr = z.string().nullish();
export const SpdxExternalRef = z.object({
    referenceCategory: optStr,
    referenceType: z.string(),
    referenceLocator: z.string(),
    comment: optStr,
});
export const SpdxPackage = z.object({
    SPDXID: z.string().min(1),
    name: optStr,
    versionInfo: optStr,
    licenseConcluded: optStr,
    licenseDeclared: optStr,
    primaryPackagePurpose: optStr,
    sourceInfo: optStr,
    externalRefs: list(SpdxExternalRef),
    // Trivy writes its fields as `Key: value` in attributionTexts (older) or annotation comments (newer).
    attributionTexts: list(z.string()),
    annotations: list(z.object({ annotator: optStr, comment: optStr })),
});
export const SpdxRelationship = z.object({
    spdxElementId: z.string(),
    relationshipType: z.string(),
    relatedSpdxElement: z.string(),
});
export const SpdxDocument = z.object({
    spdxVersion: z.string(),
    SPDXID: optStr,
    name: optStr,
    creationInfo: z.object({ creators: list(z.string()) }).nullish(),
    documentDescribes: list(z.string()),
    packages: z.array(z.unknown()).nullish(),
    relationships: list(SpdxRelationship),
});
//# sourceMappingURL=schema.js.map