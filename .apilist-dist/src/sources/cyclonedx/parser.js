import { parseUntrustedJson } from '../json.js';
import { bomRecords } from './bom.js';
import { looksLikeCycloneDxJson, looksLikeCycloneDxXml } from './sniff.js';
import { parseCycloneDxXml } from './xml.js';
async function* parseJson(file, options = {}) {
    const raw = parseUntrustedJson(await file.text(), file.name);
    yield* bomRecords(raw, { type: cyclonedxJson.type, where: file.name, fileName: file.name, subject: options.subject });
}
async function* parseXml(file, options = {}) {
    const raw = parseCycloneDxXml(await file.text(), file.name);
    yield* bomRecords(raw, { type: cyclonedxXml.type, where: file.name, fileName: file.name, subject: options.subject });
}
/**
 * CycloneDX JSON, spec 1.2 to 1.7: an SBOM (components → packages), a BOM with vulnerabilities
 * (Trivy, Grype, Jake, Snyk: vuln findings) or a VEX document (analysis states). See bom.ts for scopes.
 */
export const cyclonedxJson = {
    id: 'cyclonedx-json',
    type: 'cyclonedx-json',
    version: 1,
    accepts: (file) => looksLikeCycloneDxJson(file.head),
    parse: (file, options) => parseJson(file, options),
};
/** CycloneDX XML, spec 1.0 to 1.7, with the vulnerability extension 1.0 of older Grype and Jake. */
export const cyclonedxXml = {
    id: 'cyclonedx-xml',
    type: 'cyclonedx-xml',
    version: 1,
    accepts: (file) => looksLikeCycloneDxXml(file.head),
    parse: (file, options) => parseXml(file, options),
};
//# sourceMappingURL=parser.js.map