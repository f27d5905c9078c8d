import { ecosystemOf } from '../trivy/ecosystem.js';
import { formatVersion } from '../trivy/packages.js';
import { first, trivyProp } from './properties.js';
import { isOsPurlType, joinName, parsePurl } from './purl-parts.js';
/** OS package versions carry the epoch the way Trivy's JSON writes them (`1:1.0.2k-16.el7`). */
function withEpoch(version, parts) {
    const epoch = parts?.qualifiers.epoch;
    if (!parts || !isOsPurlType(parts.type) || !epoch || epoch === '0' || version.includes(':'))
        return version;
    return `${epoch}:${version}`;
}
/**
 * The name is the component's own (group joined the way its ecosystem writes it, as Trivy's PkgName
 * does), else the purl's; the ecosystem is read from Trivy's package type or the purl (OSV names), so a
 * vulnerability here fingerprints like the same one in a Trivy JSON report.
 */
export function identityOf(c) {
    const parts = parsePurl(c.purl);
    const name = c.name ? joinName(parts?.type, c.group, c.name) : parts ? joinName(parts.type, parts.namespace, parts.name) : '';
    const purl = parts ? c.purl.trim() : null;
    return {
        purl,
        parts,
        ecosystem: ecosystemOf(trivyProp(c.properties, 'PkgType') ?? null, purl),
        name,
        version: withEpoch(c.version || parts?.version || '', parts),
    };
}
/** A package known only by a purl (an `affects` ref to a component the document does not list). */
export function identityOfPurl(purl) {
    const parts = parsePurl(purl);
    if (!parts)
        return undefined;
    return identityOf({ group: null, name: '', version: '', purl, properties: new Map() });
}
/** The distro source package: Trivy's Src* fields, syft's metadata, or the purl's `upstream` qualifier. */
function sourceOf(c, parts) {
    const p = c.properties;
    const trivy = trivyProp(p, 'SrcName');
    if (trivy) {
        const epoch = Number(trivyProp(p, 'SrcEpoch') ?? 0) || null;
        const version = trivyProp(p, 'SrcVersion');
        return { name: trivy, version: version ? formatVersion(epoch, version, trivyProp(p, 'SrcRelease')) : null };
    }
    const syft = first(p, 'syft:metadata:source') ?? first(p, 'syft:metadata:originPackage');
    if (syft)
        return { name: syft, version: first(p, 'syft:metadata:sourceVersion') ?? null };
    const upstream = parts?.qualifiers.upstream;
    if (!upstream)
        return { name: null, version: null };
    const at = upstream.indexOf('@');
    return at > 0 ? { name: upstream.slice(0, at), version: upstream.slice(at + 1) } : { name: upstream, version: null };
}
/**
 * Where a component was found: '' for OS packages; for others the file they came from: Trivy's FilePath,
 * syft's first location, or the lockfile that lists them (`lockfile`, found by the caller from the
 * dependency graph), else ''.
 */
export function packagePath(c, id, lockfile) {
    if (isOsPurlType(id.parts?.type))
        return '';
    return trivyProp(c.properties, 'FilePath') ?? first(c.properties, 'syft:location:0:path') ?? lockfile ?? '';
}
/**
 * The package row for a component, when it has a valid purl: the purl is the identity of a package in
 * the store, and a component without one (an operating system, a lockfile, a bare file) is not a package.
 */
export function packageRow(assetUid, c, lockfile) {
    const id = identityOf(c);
    if (!id.purl || !id.name)
        return undefined;
    const p = c.properties;
    const source = sourceOf(c, id.parts);
    const path = packagePath(c, id, lockfile);
    return {
        assetUid,
        purl: id.purl,
        ecosystem: id.ecosystem,
        name: id.name,
        version: id.version,
        sourceName: source.name,
        sourceVersion: source.name ? source.version : null,
        layerDigest: trivyProp(p, 'LayerDiffID') ?? trivyProp(p, 'LayerDigest') ?? first(p, 'syft:location:0:layerID') ?? null,
        path,
        licenses: c.licenses,
    };
}
//# sourceMappingURL=sbom-component.js.map