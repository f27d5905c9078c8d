import { SEVERITIES, type FindingInput, type Severity } from '../../model/index.js';
import { vulnFingerprint } from '../../findings/fingerprint.js';
import type { Advisory } from './advisories.js';
import { inheritedFixPlan, type Inheritance } from './attribution.js';
import type { InstalledPackage, PackageMatch } from './match.js';
import { schemeFor, type VersionScheme } from './versions/index.js';

/**
 * Matches with one fingerprint are one finding: the same package name on the same asset (several paths or
 * purls), affected by one vulnerability (several records naming the same CVE: a GHSA and its GO- twin).
 */
export class MatchGroup {
  readonly matches: PackageMatch[] = [];
  /** The base image every occurrence came with; null once one occurrence is the product's own. */
  inheritance: Inheritance | null | undefined = undefined;
  /** Another build of the base image that does not have it: rebuilding on it is the fix. */
  fixedOn: string | undefined = undefined;

  constructor(
    readonly fingerprint: string,
    readonly advisoryId: string,
  ) {}

  add(match: PackageMatch, inheritance: Inheritance | undefined): void {
    this.matches.push(match);
    if (this.inheritance === null) return;
    const first = this.matches.length === 1;
    // Mixed occurrences (one from the base, one the product's own) stay with the product's owner.
    if (!inheritance || (!first && this.inheritance?.baseImage !== inheritance.baseImage)) this.inheritance = null;
    else if (first) this.inheritance = inheritance;
  }

  /** The owner the finding is routed to when inherited from a base image with a known owner. */
  get inheritedOwner(): string | null {
    return this.inheritance?.baseOwner ?? null;
  }
}

/** The fingerprint a match's finding has: the same parts as every scanner parser's, so findings merge. */
export function fingerprintOf(match: PackageMatch): string {
  return vulnFingerprint(match.pkg.assetUid, match.pkg.ecosystem, match.pkg.name, match.advisory.canonicalId);
}

const rank = (s: Severity): number => SEVERITIES.length - SEVERITIES.indexOf(s);

function union<T>(lists: Iterable<readonly T[]>): T[] {
  const out = new Set<T>();
  for (const l of lists) for (const x of l) out.add(x);
  return [...out];
}

/** What the group's matches say together; most groups are one package and one record, the fast path. */
interface Merged {
  /** In id order (stable content across runs). */
  advisories: readonly Advisory[];
  fixedVersions: readonly string[];
  /** The version to upgrade to: each record's nearest fix, the highest of them (twin records may disagree). */
  target: string | undefined;
  ranges: string;
  aliases: readonly string[];
  exploitRefs: readonly string[];
  occurrences: readonly InstalledPackage[];
}

function merged(group: MatchGroup, scheme: VersionScheme | undefined): Merged {
  const ms = group.matches;
  if (ms.length === 1) {
    const m = ms[0]!;
    const a = m.advisory;
    return {
      advisories: [a], fixedVersions: m.fixedVersions, target: m.fixedVersions[0], ranges: m.ranges.join(' | '),
      aliases: a.aliases, exploitRefs: a.exploitRefs, occurrences: [m.pkg],
    };
  }
  const advisories = [...new Set(ms.map((m) => m.advisory))].sort((a, b) => a.id.localeCompare(b.id));
  const order = (list: string[]) => (scheme ? list.sort((a, b) => scheme.compare(a, b)) : list);
  const nearest = order([...new Set(ms.flatMap((m) => m.fixedVersions.slice(0, 1)))]);
  return {
    advisories,
    fixedVersions: order(union(ms.map((m) => m.fixedVersions))),
    target: nearest[nearest.length - 1],
    ranges: union(ms.map((m) => m.ranges)).join(' | '),
    aliases: union(advisories.map((a) => [a.id, ...a.aliases])).filter((a) => a.toUpperCase() !== group.advisoryId.toUpperCase()).sort(),
    exploitRefs: union(advisories.map((a) => a.exploitRefs)),
    occurrences: [...new Set(ms.map((m) => m.pkg))],
  };
}

function remediationOf(group: MatchGroup, packageName: string, target: string | undefined): { text: string | null; plan: string[] | null } {
  if (group.inheritance) {
    const plan = inheritedFixPlan(group.inheritance, packageName, group.advisoryId, target ? [target] : [], group.fixedOn);
    const text = plan.join('; then ');
    return { text: text.charAt(0).toUpperCase() + text.slice(1), plan };
  }
  return { text: target ? `Upgrade ${packageName} to ${target}` : null, plan: null };
}

/**
 * The finding of one group. What changes without the advisory or the package changing (EPSS, KEV, spread)
 * stays out of it, so a daily feed import does not rewrite every finding: see v_finding_exploitability.
 */
export function vulnFinding(group: MatchGroup): FindingInput {
  const first = group.matches[0]!;
  const pkg = first.pkg;
  const scheme = schemeFor(first.distro ?? pkg.ecosystem);
  const x = merged(group, scheme);
  const advisories = x.advisories;
  const top = advisories.reduce((a, b) => (rank(b.severity) > rank(a.severity) ? b : a));
  const rated = advisories.length === 1 ? advisories[0]!.cvss?.score != null ? advisories[0] : undefined
    : advisories.filter((a) => a.cvss?.score != null).sort((a, b) => (b.cvss!.score ?? 0) - (a.cvss!.score ?? 0))[0];
  const fixedVersions = x.fixedVersions;
  const occurrences = x.occurrences;
  const { text, plan } = remediationOf(group, pkg.name, x.target);
  const inh = group.inheritance;
  const withSummary = advisories.find((a) => a.summary);
  const withDetails = advisories.find((a) => a.details);
  return {
    fingerprint: group.fingerprint,
    kind: 'vuln',
    advisoryId: group.advisoryId,
    title: withSummary?.summary ?? `${group.advisoryId} in ${pkg.name}`,
    description: withDetails?.details ?? null,
    severity: top.severity,
    assetUid: pkg.assetUid,
    packagePurl: pkg.purl,
    owner: inh?.baseOwner ?? null,
    evidence: {
      installedVersion: pkg.version,
      ...(first.comparedVersion !== pkg.version ? { comparedVersion: first.comparedVersion } : {}),
      fixedVersions,
      range: x.ranges,
      matchedOn: first.matchedOn,
      ...(first.matchedOn === 'source name' ? { sourcePackage: first.matchedName } : {}),
      distro: first.distro,
      advisories: advisories.map((a) => a.id),
      layer: pkg.layerDigest,
      ...(occurrences.length > 1
        ? { occurrences: occurrences.map((o) => ({ purl: o.purl, path: o.path, installedVersion: o.version, layer: o.layerDigest })) }
        : { path: pkg.path || null }),
    },
    remediation: text,
    properties: {
      ecosystem: pkg.ecosystem,
      packageName: pkg.name,
      aliases: x.aliases,
      fixedVersions,
      cvss: rated?.cvss ?? top.cvss,
      severitySource: top.severitySource,
      exploitRefs: x.exploitRefs,
      fixAvailable: fixedVersions.length > 0,
      ...(inh
        ? {
            inherited: { baseImage: inh.baseImage, baseOwner: inh.baseOwner },
            // FindingDraft carries no owner reason (the merge records 'source'): the reason rides in properties.
            ...(inh.baseOwner ? { ownerReason: `inherited from base image ${inh.baseImage}` } : {}),
            fixPlan: plan,
          }
        : {}),
    },
    originalId: advisories[0]!.id,
  };
}
