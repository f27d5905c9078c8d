import { PackageURL } from 'packageurl-js';
import { purlTypeOf } from './ecosystem.js';
import type { TrivyOS } from './schema.js';

export interface PurlInput {
  /** Trivy Result.Type: an OS family or a language analyzer. */
  resultType: string | null | undefined;
  os: TrivyOS;
  name: string;
  /** Version with the release, without the epoch (that goes in a qualifier, as Trivy does). */
  version: string;
  epoch?: number | null;
  arch?: string | null;
}

/** Splits a Trivy package name into purl namespace and name, per the purl type's rules. */
function splitName(type: string, name: string): { namespace: string | undefined; name: string } {
  if (type === 'maven') {
    const i = name.lastIndexOf(':');
    return i > 0 ? { namespace: name.slice(0, i), name: name.slice(i + 1) } : { namespace: undefined, name };
  }
  if (type === 'pypi') return { namespace: undefined, name: name.toLowerCase().replace(/_/g, '-') };
  if (['apk', 'deb', 'rpm', 'generic'].includes(type)) return { namespace: undefined, name };
  const i = name.lastIndexOf('/');
  return i > 0 ? { namespace: name.slice(0, i), name: name.slice(i + 1) } : { namespace: undefined, name };
}

function distroFamily(os: TrivyOS): string | undefined {
  const family = os?.Family?.toLowerCase();
  if (!family) return undefined;
  // Trivy's SLES family name has spaces; its purls say `sles`.
  return family.startsWith('suse linux enterprise') ? 'sles' : family;
}

/**
 * A purl for a package Trivy listed without one (older reports, some SBOM inputs), built the way Trivy
 * builds its own: OS packages carry the distro family as namespace and `distro`/`arch`/`epoch` qualifiers.
 */
export function buildPurl(input: PurlInput): string {
  const type = purlTypeOf(input.resultType);
  const split = splitName(type, input.name);
  const qualifiers: Record<string, string> = {};
  let namespace = split.namespace;
  if (type === 'apk' || type === 'deb' || type === 'rpm') {
    const family = distroFamily(input.os);
    namespace = family;
    if (input.arch) qualifiers.arch = input.arch;
    if (family && input.os?.Name) qualifiers.distro = type === 'apk' ? input.os.Name : `${family}-${input.os.Name}`;
    if (input.epoch) qualifiers.epoch = String(input.epoch);
  }
  try {
    return new PackageURL(type, namespace, split.name, input.version || undefined, qualifiers, undefined).toString();
  } catch {
    // A name the purl type rejects still needs a stable identity.
    return new PackageURL('generic', undefined, input.name, input.version || undefined, undefined, undefined).toString();
  }
}

/** Trivy's own purl when it is one, otherwise one built from the parts. */
export function purlOf(given: string | null | undefined, input: PurlInput): string {
  return given && given.startsWith('pkg:') ? given : buildPurl(input);
}
