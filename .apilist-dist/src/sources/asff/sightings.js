import { ruleFingerprint } from '../../findings/fingerprint.js';
import { checkSighting, isOpenFailure } from '../prowler/sighting.js';
import { canonicalAdvisory } from '../shared/advisory-id.js';
import { severityFromWord } from '../shared/vuln-severity.js';
import { platformOf } from './ecosystem.js';
import { identifiedByRule, isOpen, isProwler, kindOf, productKey, ruleIdOf } from './product.js';
import { prowlerResultOf } from './prowler.js';
import { placementOf, resourceRef } from './resources.js';
import { vulnSightings } from './vulnerabilities.js';
/** ASFF's normalized severity (0–100) in its documented bands. */
function fromNormalized(n) {
    if (n >= 90)
        return 'critical';
    if (n >= 70)
        return 'high';
    if (n >= 40)
        return 'medium';
    if (n >= 1)
        return 'low';
    return 'info';
}
/** Severity.Label (INFORMATIONAL..CRITICAL), else Severity.Normalized, else the provider's label. */
export function severityOf(f) {
    return severityFromWord(f.Severity?.Label)
        ?? (typeof f.Severity?.Normalized === 'number' ? fromNormalized(f.Severity.Normalized) : undefined)
        ?? severityFromWord(f.FindingProviderFields?.Severity?.Label)
        ?? severityFromWord(f.Severity?.Original)
        ?? 'info';
}
/** `asff:<account>:<region>:<product>`: one product's findings in one account and region, complete. */
export function asffScope(place, product) {
    return `asff:${place.account}:${place.region}:${product}`;
}
/**
 * The advisory of a vulnerability finding that lists no vulnerable packages: its one vulnerability, else the
 * one CVE its title or generator names.
 */
function advisoryOf(f) {
    const listed = new Set(f.Vulnerabilities.map((v) => canonicalAdvisory(v.Id, v.RelatedVulnerabilities).id));
    if (listed.size === 1)
        return [...listed][0];
    if (listed.size > 1)
        return null;
    const cves = new Set([...`${f.Title} ${f.GeneratorId}`.matchAll(/CVE-\d{4}-\d{4,}/gi)].map((m) => m[0].toUpperCase()));
    return cves.size === 1 ? [...cves][0] : null;
}
function genericSighting(f, key, ref, refs, place, severity) {
    const kind = kindOf(f, key);
    const ruleId = ruleIdOf(f, key);
    const advisoryId = kind === 'vuln' || f.Vulnerabilities.length > 0 ? advisoryOf(f) : null;
    // Rule × resource × region for per-resource checks; the product's finding id for everything else.
    const detail = identifiedByRule(key) && ref.exact ? place.region : `${place.region}#${f.Id}`;
    const occurrence = { findingId: f.Id, region: place.region, resources: refs.map((r) => r.uid), types: f.Types };
    const rec = f.Remediation?.Recommendation;
    const remediation = [rec?.Text?.trim(), rec?.Url?.trim()].filter(Boolean).join('\n') || null;
    return {
        occurrence,
        finding: {
            fingerprint: ruleFingerprint(kind, ruleId, ref.uid, detail),
            kind,
            ruleId,
            advisoryId,
            title: f.Title.trim() || ruleId,
            description: f.Description ?? null,
            severity,
            assetUid: ref.uid,
            evidence: occurrence,
            remediation,
            properties: {
                tool: 'asff',
                product: key,
                productArn: f.ProductArn,
                generatorId: f.GeneratorId,
                types: f.Types,
                compliance: f.Compliance
                    ? { status: f.Compliance.Status ?? null, securityControlId: f.Compliance.SecurityControlId ?? null,
                        relatedRequirements: f.Compliance.RelatedRequirements, standards: f.Compliance.AssociatedStandards.map((s) => s.StandardsId ?? null) }
                    : null,
                productFields: f.ProductFields ?? {},
                sourceUrl: f.SourceUrl ?? null,
                firstObservedAt: f.FirstObservedAt ?? null,
            },
            originalId: f.Id,
        },
    };
}
/**
 * One ASFF finding. Prowler's go through the Prowler mapping (same fingerprints as Prowler's own reports);
 * Inspector's vulnerable packages become package `vuln` findings; the rest one finding on the first resource.
 * Findings that are not open (passed, suppressed, resolved, archived) yield no sighting but still name
 * their scope: a complete scope is what resolves them.
 */
export function asffSightings(f) {
    const key = productKey(f);
    const place = placementOf(f);
    const scope = asffScope(place, key);
    const open = isOpen(f);
    if (isProwler(f)) {
        const result = prowlerResultOf(f, place, open);
        if (!isOpenFailure(result))
            return { scope, refs: [], vulns: [], others: [] };
        const { ref, sighting } = checkSighting(result);
        return { scope, refs: [ref], vulns: [], others: [sighting] };
    }
    if (!open)
        return { scope, refs: [], vulns: [], others: [] };
    const refs = f.Resources.map((r) => resourceRef(r, place));
    const ref = refs[0];
    const severity = severityOf(f);
    const vulns = vulnSightings({ finding: f, assetUid: ref.uid, severity, platform: platformOf(f) });
    if (vulns.length > 0)
        return { scope, refs, vulns, others: [] };
    return { scope, refs, vulns: [], others: [genericSighting(f, key, ref, refs, place, severity)] };
}
//# sourceMappingURL=sightings.js.map