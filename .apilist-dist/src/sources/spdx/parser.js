import { MothershipError } from '../../model/errors.js';
import { findingsScope } from '../cyclonedx/bom.js';
import { lockfilesByRef } from '../cyclonedx/components.js';
import { identityOf, packagePath, packageRow } from '../cyclonedx/sbom-component.js';
import { subjectAsset } from '../cyclonedx/subject.js';
import { withSubject } from '../shared/subject.js';
import { validateAt } from '../shared/validate.js';
import { parseUntrustedJson } from '../json.js';
import { finalizePackageVuln } from '../shared/package-vuln.js';
import { FindingSet } from '../trivy/finding-set.js';
import { packagesScope } from '../trivy/parser.js';
import { advisorySightings } from './advisories.js';
import { toSbomComponent } from './components.js';
import { SpdxDocument, SpdxPackage } from './schema.js';
import { looksLikeSpdxJson, looksLikeSpdxTagValue } from './sniff.js';
import { parseSpdxTagValue } from './tag-value.js';
const SUPPORTED = /^SPDX-2\.\d$/;
/** SPDX 3 is JSON-LD (an @graph of typed elements), a different format: refused, never misread. */
function refuseUnsupported(raw, where) {
    const doc = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {};
    const version = typeof doc.spdxVersion === 'string' ? doc.spdxVersion : '';
    const advice = 'export the SBOM as SPDX 2.2 or 2.3 JSON';
    if (version.startsWith('SPDX-3') || (!version && ('@graph' in doc || '@context' in doc))) {
        throw new MothershipError('UNSUPPORTED', `${where}: ${version || 'SPDX 3 JSON-LD'} document: Mothership does not support SPDX 3 yet; ${advice}`);
    }
    if (version && !SUPPORTED.test(version)) {
        throw new MothershipError('UNSUPPORTED', `${where}: ${version} is not supported (SPDX-2.2, SPDX-2.3); ${advice}`);
    }
}
/** The ids the document describes: documentDescribes, `DOCUMENT DESCRIBES x` and `x DESCRIBED_BY DOCUMENT`. */
function describedIds(doc) {
    const self = doc.SPDXID ?? 'SPDXRef-DOCUMENT';
    return [
        ...doc.documentDescribes,
        ...doc.relationships.filter((r) => r.relationshipType === 'DESCRIBES' && r.spdxElementId === self).map((r) => r.relatedSpdxElement),
        ...doc.relationships.filter((r) => r.relationshipType === 'DESCRIBED_BY' && r.relatedSpdxElement === self).map((r) => r.spdxElementId),
    ];
}
/**
 * The records of one SPDX 2 document (JSON shape). Scopes under `<type>:<subject uid>`: the subject asset
 * (complete), `#packages` (complete when the document has a package list) and `#vulnerabilities`
 * (complete only when some advisory reference names a vulnerability, as for a CycloneDX BOM).
 */
function* spdxRecords(raw, type, where, subjectUid) {
    refuseUnsupported(raw, where);
    const doc = validateAt(SpdxDocument, raw, where, 'SPDX');
    const creators = doc.creationInfo?.creators ?? [];
    const byTrivy = creators.some((c) => /^Tool:\s*trivy/i.test(c));
    const packages = (doc.packages ?? []).map((p, i) => validateAt(SpdxPackage, p, where, 'SPDX', `packages[${i}]`));
    const components = packages.map((p) => toSbomComponent(p, byTrivy));
    const byId = new Map(components.map((c) => [c.ref, c]));
    // The first described package is the subject (a document may also describe files).
    const subjectId = describedIds(doc).find((id) => byId.has(id));
    const subject = subjectId !== undefined ? byId.get(subjectId) : undefined;
    const os = components.find((c) => c.type === 'operating-system' && c.name);
    const base = withSubject(subjectAsset(subject, { fileName: where, documentName: doc.name, os: os ? { family: os.name, name: os.version } : null }), subjectUid);
    const sbom = { format: 'SPDX', specVersion: doc.spdxVersion, tools: creators.filter((c) => c.startsWith('Tool:')).map((c) => c.slice(5).trim()) };
    const asset = { ...base, properties: { ...base.properties, sbom } };
    const scope = `${type}:${asset.uid}`;
    yield { type: 'coverage', scope, coverage: 'complete' };
    yield { type: 'asset', scope, asset };
    const edges = new Map();
    for (const r of doc.relationships) {
        if (r.relationshipType !== 'CONTAINS' && r.relationshipType !== 'DEPENDS_ON')
            continue;
        edges.set(r.spdxElementId, [...(edges.get(r.spdxElementId) ?? []), r.relatedSpdxElement]);
    }
    const lockfiles = lockfilesByRef(components, edges);
    const pkgScope = packagesScope(scope);
    // A document without a package list (files only) says nothing about packages.
    if (doc.packages != null)
        yield { type: 'coverage', scope: pkgScope, coverage: 'complete' };
    const seen = new Set();
    const findings = new FindingSet(finalizePackageVuln);
    for (const [i, c] of components.entries()) {
        // An advisory on the subject itself is a finding on it; the subject is not one of its own packages.
        const id = identityOf(c);
        const lockfile = c.ref ? lockfiles.get(c.ref) : undefined;
        for (const s of advisorySightings(asset.uid, packages[i], id, packagePath(c, id, lockfile)))
            findings.add(s);
        if (c.ref === subjectId)
            continue;
        const row = packageRow(asset.uid, c, lockfile);
        if (!row)
            continue;
        const key = `${row.purl}\u0000${row.path ?? ''}`;
        if (seen.has(key))
            continue; // one row per (asset, purl, path) in the store
        seen.add(key);
        yield { type: 'package', scope: pkgScope, package: row };
    }
    // Like a CycloneDX BOM: only a document that names vulnerabilities claims its list of them complete.
    if (findings.size > 0) {
        const fScope = findingsScope(scope, true);
        yield { type: 'coverage', scope: fScope, coverage: 'complete' };
        for (const finding of findings.drain())
            yield { type: 'finding', scope: fScope, finding };
    }
}
async function* parseJson(file, options = {}) {
    yield* spdxRecords(parseUntrustedJson(await file.text(), file.name), spdxJson.type, file.name, options.subject);
}
async function* parseTagValue(file, options = {}) {
    yield* spdxRecords(parseSpdxTagValue(await file.text(), file.name), spdxTagValue.type, file.name, options.subject);
}
/**
 * SPDX 2.2/2.3 JSON: the described package is the subject asset, the other packages with a purl are its
 * packages, and SECURITY advisory references naming a CVE/GHSA are `vuln` findings. SPDX 3 is refused.
 */
export const spdxJson = {
    id: 'spdx-json',
    type: 'spdx-json',
    version: 1,
    accepts: (file) => looksLikeSpdxJson(file.head),
    parse: (file, options) => parseJson(file, options),
};
/** The same SPDX 2 documents in the tag-value format (`SPDXVersion: SPDX-2.3` ...). */
export const spdxTagValue = {
    id: 'spdx-tag-value',
    type: 'spdx-tag-value',
    version: 1,
    accepts: (file) => looksLikeSpdxTagValue(file.head),
    parse: (file, options) => parseTagValue(file, options),
};
//# sourceMappingURL=parser.js.map