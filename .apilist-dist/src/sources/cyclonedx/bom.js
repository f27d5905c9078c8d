import { MothershipError } from '../../model/errors.js';
import { finalizePackageVuln } from '../shared/package-vuln.js';
import { FindingSet } from '../trivy/finding-set.js';
import { packagesScope } from '../trivy/parser.js';
import { componentAt, flattenComponents, lockfilesByRef, toSbomComponent } from './components.js';
import { identityOf, identityOfPurl, packagePath, packageRow } from './sbom-component.js';
import { CdxEnvelope, CdxVulnerability, toolNames } from './schema.js';
import { subjectAsset } from './subject.js';
import { withSubject } from '../shared/subject.js';
import { validateAt } from '../shared/validate.js';
import { vulnSightings } from './vulnerabilities.js';
/** Spec versions read: JSON exists from 1.2, XML from 1.0; 1.x minor versions only add fields. */
const SPEC = /^1\.([0-7])$/;
/** Findings of a BOM that lists its inventory are a scan of it; without one, the document is a VEX. */
export function findingsScope(scope, hasInventory) {
    return `${scope}#${hasInventory ? 'vulnerabilities' : 'vex'}`;
}
/** `urn:cdx:<serial>/<version>#<bom-ref>` (a BOM-Link into another BOM) → the bom-ref. */
function bomLinkRef(ref) {
    if (!ref.startsWith('urn:cdx:'))
        return undefined;
    const hash = ref.indexOf('#');
    if (hash < 0)
        return undefined;
    try {
        return decodeURIComponent(ref.slice(hash + 1));
    }
    catch {
        return ref.slice(hash + 1);
    }
}
function resolver(byRef, lockfiles) {
    const affected = (c) => {
        const id = identityOf(c);
        return { ...id, path: packagePath(c, id, c.ref ? lockfiles.get(c.ref) : undefined) };
    };
    return (ref) => {
        const local = byRef.get(ref);
        if (local)
            return affected(local);
        const linked = bomLinkRef(ref);
        const target = linked !== undefined ? byRef.get(linked) : undefined;
        if (target)
            return affected(target);
        const purl = linked ?? ref;
        const id = purl.startsWith('pkg:') ? identityOfPurl(purl) : undefined;
        return id && { ...id, path: '' };
    };
}
/**
 * The records of one BOM (JSON shape). Scopes, all under `<type>:<subject uid>`:
 * - the scope itself holds the subject asset, always complete;
 * - `#packages`: the components, complete whenever the BOM has a `components` list (even empty), so a
 *   re-import of the same subject's SBOM removes packages that are gone; a document without one (VEX)
 *   says nothing about packages;
 * - `#vulnerabilities` (or `#vex` for a document without inventory): complete only when the document
 *   lists at least one vulnerability, suppressed ones included. A BOM with none is an SBOM and claims
 *   nothing about vulnerabilities: Trivy writes `"vulnerabilities": []` also when it did not scan for
 *   them, so an empty list cannot tell "clean" from "not scanned", and must not resolve earlier findings.
 */
export function* bomRecords(raw, src) {
    const { where } = src;
    const bom = validateAt(CdxEnvelope, raw, where, 'CycloneDX');
    if (!SPEC.test(bom.specVersion)) {
        throw new MothershipError('UNSUPPORTED', `${where}: CycloneDX specVersion ${bom.specVersion} is not supported (1.0 to 1.7)`);
    }
    const components = [...flattenComponents(bom.components ?? [], where)];
    const rawSubject = bom.metadata?.component;
    const subject = rawSubject == null ? undefined : toSbomComponent(componentAt(rawSubject, where, 'metadata.component'));
    const osComponent = components.find((c) => c.type === 'operating-system' && c.name);
    // A vulnerability may affect the subject itself (a VDR about the application), not only its components.
    const byRef = new Map();
    for (const c of [...components, ...(subject ? [subject] : [])])
        if (c.ref && !byRef.has(c.ref))
            byRef.set(c.ref, c);
    const vulns = (bom.vulnerabilities ?? []).map((v, i) => validateAt(CdxVulnerability, v, where, 'CycloneDX', `vulnerabilities[${i}]`));
    const subjectOnly = withSubject(subjectAsset(subject, {
        fileName: src.fileName,
        os: osComponent ? { family: osComponent.name, name: osComponent.version } : null,
    }), src.subject);
    const scope = `${src.type}:${subjectOnly.uid}`;
    const lockfiles = lockfilesByRef(components, new Map(bom.dependencies.map((d) => [d.ref, d.dependsOn])));
    const findings = new FindingSet(finalizePackageVuln);
    const suppressed = [];
    const resolve = resolver(byRef, lockfiles);
    for (const v of vulns) {
        const r = vulnSightings(subjectOnly.uid, v, resolve);
        for (const s of r.sightings)
            findings.add(s);
        suppressed.push(...r.suppressed);
    }
    // Suppressed vulnerabilities are kept with the subject until triage has a store of its own.
    const sbom = { format: 'CycloneDX', specVersion: bom.specVersion, tools: toolNames(bom.metadata?.tools), suppressed };
    const asset = { ...subjectOnly, properties: { ...subjectOnly.properties, sbom } };
    yield { type: 'coverage', scope, coverage: 'complete' };
    yield { type: 'asset', scope, asset };
    if (bom.components != null) {
        const pkgScope = packagesScope(scope);
        yield { type: 'coverage', scope: pkgScope, coverage: 'complete' };
        const seen = new Set();
        for (const c of components) {
            const row = packageRow(asset.uid, c, c.ref ? lockfiles.get(c.ref) : undefined);
            if (!row)
                continue;
            const key = `${row.purl}\u0000${row.path ?? ''}`;
            if (seen.has(key))
                continue; // one row per (asset, purl, path) in the store
            seen.add(key);
            yield { type: 'package', scope: pkgScope, package: row };
        }
    }
    if (vulns.length > 0) {
        const fScope = findingsScope(scope, bom.components != null);
        yield { type: 'coverage', scope: fScope, coverage: 'complete' };
        for (const finding of findings.drain())
            yield { type: 'finding', scope: fScope, finding };
    }
}
//# sourceMappingURL=bom.js.map