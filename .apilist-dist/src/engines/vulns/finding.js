import { SEVERITIES } from '../../model/index.js';
import { vulnFingerprint } from '../../findings/fingerprint.js';
import { inheritedFixPlan } from './attribution.js';
import { schemeFor } from './versions/index.js';
/**
 * Matches with one fingerprint are one finding: the same package name on the same asset (several paths or
 * purls), affected by one vulnerability (several records naming the same CVE: a GHSA and its GO- twin).
 */
export class MatchGroup {
    fingerprint;
    advisoryId;
    matches = [];
    /** The base image every occurrence came with; null once one occurrence is the product's own. */
    inheritance = undefined;
    /** Another build of the base image that does not have it: rebuilding on it is the fix. */
    fixedOn = undefined;
    constructor(fingerprint, advisoryId) {
        this.fingerprint = fingerprint;
        this.advisoryId = advisoryId;
    }
    add(match, inheritance) {
        this.matches.push(match);
        if (this.inheritance === null)
            return;
        const first = this.matches.length === 1;
        // Mixed occurrences (one from the base, one the product's own) stay with the product's owner.
        if (!inheritance || (!first && this.inheritance?.baseImage !== inheritance.baseImage))
            this.inheritance = null;
        else if (first)
            this.inheritance = inheritance;
    }
    /** The owner the finding is routed to when inherited from a base image with a known owner. */
    get inheritedOwner() {
        return this.inheritance?.baseOwner ?? null;
    }
}
/** The fingerprint a match's finding has: the same parts as every scanner parser's, so findings merge. */
export function fingerprintOf(match) {
    return vulnFingerprint(match.pkg.assetUid, match.pkg.ecosystem, match.pkg.name, match.advisory.canonicalId);
}
const rank = (s) => SEVERITIES.length - SEVERITIES.indexOf(s);
function union(lists) {
    const out = new Set();
    for (const l of lists)
        for (const x of l)
            out.add(x);
    return [...out];
}
function merged(group, scheme) {
    const ms = group.matches;
    if (ms.length === 1) {
        const m = ms[0];
        const a = m.advisory;
        return {
            advisories: [a], fixedVersions: m.fixedVersions, target: m.fixedVersions[0], ranges: m.ranges.join(' | '),
            aliases: a.aliases, exploitRefs: a.exploitRefs, occurrences: [m.pkg],
        };
    }
    const advisories = [...new Set(ms.map((m) => m.advisory))].sort((a, b) => a.id.localeCompare(b.id));
    const order = (list) => (scheme ? list.sort((a, b) => scheme.compare(a, b)) : list);
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
function remediationOf(group, packageName, target) {
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
export function vulnFinding(group) {
    const first = group.matches[0];
    const pkg = first.pkg;
    const scheme = schemeFor(first.distro ?? pkg.ecosystem);
    const x = merged(group, scheme);
    const advisories = x.advisories;
    const top = advisories.reduce((a, b) => (rank(b.severity) > rank(a.severity) ? b : a));
    const rated = advisories.length === 1 ? advisories[0].cvss?.score != null ? advisories[0] : undefined
        : advisories.filter((a) => a.cvss?.score != null).sort((a, b) => (b.cvss.score ?? 0) - (a.cvss.score ?? 0))[0];
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
        originalId: advisories[0].id,
    };
}
//# sourceMappingURL=finding.js.map