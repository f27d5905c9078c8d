import { vulnFingerprint } from '../../findings/fingerprint.js';
import type { Severity } from '../../model/index.js';
import type { Finalize, Occurrence, Sighting } from '../trivy/finding-set.js';
import type { CanonicalAdvisory } from './advisory-id.js';

/** Where one tool saw one vulnerable package: shown as evidence; fixedVersions feed the remediation. */
export interface VulnOccurrence extends Occurrence {
  /** The lockfile, manifest or file the package was found in; null for OS packages. */
  path: string | null;
  installedVersion: string | null;
  fixedVersions: string[];
}

/** One vulnerable package as a dependency scanner reports it, already normalized. */
export interface PackageVuln {
  assetUid: string;
  /** OSV ecosystem name (`npm`, `PyPI`, `Maven`, `Debian`...), the same spelling Trivy's parser uses. */
  ecosystem: string;
  /** The package name as Trivy spells it (Maven `group:artifact`, the binary package for OS packages). */
  packageName: string;
  packagePurl: string | null;
  advisory: CanonicalAdvisory;
  /** The id the tool gave the record (`SNYK-JS-LODASH-1040724`, `GHSA-...`, npm advisory number). */
  originalId: string;
  title?: string | null;
  description?: string | null;
  severity: Severity;
  /** The tool's own advice, used when no fixed version is known (`Upgrade nodemon to 3.1.4`). */
  remediation?: string | null;
  /** Tool detail kept whole for users and engines: cvss, cwes, epss, references... */
  properties?: Record<string, unknown>;
  occurrence: VulnOccurrence;
}

/**
 * A vulnerable package as a sighting of a `vuln` finding. The fingerprint names asset, ecosystem, package
 * and canonical advisory, never the version or the file: an upgrade that leaves the vulnerability, or the
 * same package in two lockfiles, keeps one finding (its occurrences list each place).
 */
export function packageVulnSighting(v: PackageVuln): Sighting {
  return {
    occurrence: v.occurrence,
    finding: {
      fingerprint: vulnFingerprint(v.assetUid, v.ecosystem, v.packageName, v.advisory.id),
      kind: 'vuln',
      advisoryId: v.advisory.id,
      title: v.title?.trim() || `${v.advisory.id} in ${v.packageName}`,
      description: v.description?.trim() || null,
      severity: v.severity,
      assetUid: v.assetUid,
      packagePurl: v.packagePurl,
      evidence: v.occurrence,
      remediation: v.remediation?.trim() || null,
      properties: {
        ...v.properties,
        ecosystem: v.ecosystem,
        packageName: v.packageName,
        aliases: v.advisory.aliases,
        fixedVersions: [],
      },
      originalId: v.originalId,
    },
  };
}

function fixedOf(o: Occurrence): string[] {
  return Array.isArray(o.fixedVersions) ? o.fixedVersions.filter((x): x is string => typeof x === 'string' && x !== '') : [];
}

/**
 * Every sighting's fixed versions, and the upgrade advice they give (else the tool's own advice); several
 * places go to evidence.occurrences.
 */
export const finalizePackageVuln: Finalize = (first, occurrences) => {
  const fixed = [...new Set(occurrences.flatMap(fixedOf))];
  const name = typeof first.properties?.packageName === 'string' ? first.properties.packageName : 'the package';
  return {
    ...first,
    evidence: occurrences.length < 2 ? first.evidence : { ...first.evidence, occurrences },
    remediation: fixed.length ? `Upgrade ${name} to ${fixed.join(', ')}` : first.remediation ?? null,
    properties: { ...first.properties, fixedVersions: fixed },
  };
};

/** `Prototype Pollution` → `Prototype Pollution in lodash`; a title naming the package already is kept. */
export function titleFor(title: string | null | undefined, packageName: string): string | null {
  const t = title?.trim();
  if (!t) return null;
  return t.toLowerCase().includes(packageName.toLowerCase()) ? t : `${t} in ${packageName}`;
}
