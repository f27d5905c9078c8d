import type { PackageInput } from '../../model/index.js';
import { ecosystemOf } from '../trivy/ecosystem.js';
import { formatVersion } from '../trivy/packages.js';
import { first, trivyProp, type Properties } from './properties.js';
import { isOsPurlType, joinName, parsePurl, type PurlParts } from './purl-parts.js';

/** One component of an SBOM (a CycloneDX component, an SPDX package), format-neutral. */
export interface SbomComponent {
  /** The document's own reference to it (bom-ref, SPDXID): vulnerabilities and relationships point at it. */
  ref: string | null;
  /** CycloneDX component type, or SPDX primary package purpose, lowercased. */
  type: string | null;
  group: string | null;
  name: string;
  version: string;
  purl: string | null;
  licenses: string[];
  properties: Properties;
}

/** What a component is known by in package rows and vulnerability fingerprints. */
export interface PackageIdentity {
  /** The purl as the document gives it; null when there is none or it is not a valid purl. */
  purl: string | null;
  parts: PurlParts | undefined;
  ecosystem: string;
  name: string;
  version: string;
}

/** OS package versions carry the epoch the way Trivy's JSON writes them (`1:1.0.2k-16.el7`). */
function withEpoch(version: string, parts: PurlParts | undefined): string {
  const epoch = parts?.qualifiers.epoch;
  if (!parts || !isOsPurlType(parts.type) || !epoch || epoch === '0' || version.includes(':')) return version;
  return `${epoch}:${version}`;
}

/**
 * The name is the component's own (group joined the way its ecosystem writes it, as Trivy's PkgName
 * does), else the purl's; the ecosystem is read from Trivy's package type or the purl (OSV names), so a
 * vulnerability here fingerprints like the same one in a Trivy JSON report.
 */
export function identityOf(c: Pick<SbomComponent, 'group' | 'name' | 'version' | 'purl' | 'properties'>): PackageIdentity {
  const parts = parsePurl(c.purl);
  const name = c.name ? joinName(parts?.type, c.group, c.name) : parts ? joinName(parts.type, parts.namespace, parts.name) : '';
  const purl = parts ? c.purl!.trim() : null;
  return {
    purl,
    parts,
    ecosystem: ecosystemOf(trivyProp(c.properties, 'PkgType') ?? null, purl),
    name,
    version: withEpoch(c.version || parts?.version || '', parts),
  };
}

/** A package known only by a purl (an `affects` ref to a component the document does not list). */
export function identityOfPurl(purl: string): PackageIdentity | undefined {
  const parts = parsePurl(purl);
  if (!parts) return undefined;
  return identityOf({ group: null, name: '', version: '', purl, properties: new Map() });
}

/** The distro source package: Trivy's Src* fields, syft's metadata, or the purl's `upstream` qualifier. */
function sourceOf(c: SbomComponent, parts: PurlParts | undefined): { name: string | null; version: string | null } {
  const p = c.properties;
  const trivy = trivyProp(p, 'SrcName');
  if (trivy) {
    const epoch = Number(trivyProp(p, 'SrcEpoch') ?? 0) || null;
    const version = trivyProp(p, 'SrcVersion');
    return { name: trivy, version: version ? formatVersion(epoch, version, trivyProp(p, 'SrcRelease')) : null };
  }
  const syft = first(p, 'syft:metadata:source') ?? first(p, 'syft:metadata:originPackage');
  if (syft) return { name: syft, version: first(p, 'syft:metadata:sourceVersion') ?? null };
  const upstream = parts?.qualifiers.upstream;
  if (!upstream) return { name: null, version: null };
  const at = upstream.indexOf('@');
  return at > 0 ? { name: upstream.slice(0, at), version: upstream.slice(at + 1) } : { name: upstream, version: null };
}

/**
 * Where a component was found: '' for OS packages; for others the file they came from: Trivy's FilePath,
 * syft's first location, or the lockfile that lists them (`lockfile`, found by the caller from the
 * dependency graph), else ''.
 */
export function packagePath(c: SbomComponent, id: PackageIdentity, lockfile: string | undefined): string {
  if (isOsPurlType(id.parts?.type)) return '';
  return trivyProp(c.properties, 'FilePath') ?? first(c.properties, 'syft:location:0:path') ?? lockfile ?? '';
}

/**
 * The package row for a component, when it has a valid purl: the purl is the identity of a package in
 * the store, and a component without one (an operating system, a lockfile, a bare file) is not a package.
 */
export function packageRow(assetUid: string, c: SbomComponent, lockfile: string | undefined): PackageInput | undefined {
  const id = identityOf(c);
  if (!id.purl || !id.name) return undefined;
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
