import { vulnFingerprint } from '../../findings/fingerprint.js';
import { cweIds } from '../shared/cwe.js';
import { packageVulnSighting } from '../shared/package-vuln.js';
import { canonicalId } from './advisory-id.js';
import { highestSeverity } from './severity.js';
/**
 * VEX analysis states that say the vulnerability is not a problem here. `exploitable`, `in_triage` and
 * no analysis at all leave it open.
 */
const CLOSED_STATES = new Set(['not_affected', 'false_positive', 'resolved', 'resolved_with_pedigree']);
/** A target whose listed versions are all `unaffected` is not affected (VDR: the fixed versions). */
function unaffected(t) {
    return t.versions.length > 0 && t.versions.every((v) => v.status === 'unaffected');
}
/**
 * One vulnerability as sightings of `vuln` findings, one per affected package, fingerprinted like every
 * package scanner (shared/package-vuln.ts): asset, ecosystem, package name, canonical advisory id; never
 * the version or the bom-ref, which producers make up on each run. Targets the document cannot resolve
 * become one finding without a package. Closed VEX states yield suppressions instead.
 */
export function vulnSightings(assetUid, v, resolve) {
    const urls = v.advisories.flatMap((a) => (a.url ? [a.url] : []));
    const advisory = canonicalId(v.id, v.references.map((r) => r.id), urls);
    const severity = highestSeverity(v.ratings);
    const state = v.analysis?.state ?? null;
    const properties = {
        ratings: v.ratings.map((r) => ({
            source: r.source?.name ?? null, score: r.score ?? null, severity: r.severity ?? null, method: r.method ?? null, vector: r.vector ?? null,
        })),
        cweIds: cweIds(v.cwes),
        references: urls,
        source: v.source ? { name: v.source.name ?? null, url: v.source.url ?? null } : null,
        publishedDate: v.published ?? null,
        lastModifiedDate: v.updated ?? null,
        analysis: v.analysis ? { state, justification: v.analysis.justification ?? null, response: v.analysis.response, detail: v.analysis.detail ?? null } : null,
    };
    const out = { sightings: [], suppressed: [] };
    const seen = new Set();
    for (const t of v.affects.length ? v.affects : [undefined]) {
        if (t && seen.has(t.ref))
            continue;
        if (t)
            seen.add(t.ref);
        const pkg = t ? resolve(t.ref) : undefined;
        const ecosystem = pkg?.ecosystem ?? 'unknown';
        const name = pkg?.name ?? '';
        const closed = state && CLOSED_STATES.has(state) ? state : t && unaffected(t) ? 'unaffected' : null;
        if (closed) {
            out.suppressed.push({
                id: v.id, advisoryId: advisory.id, package: name || null, purl: pkg?.purl ?? null,
                fingerprint: vulnFingerprint(assetUid, ecosystem, name, advisory.id), state: closed,
                justification: v.analysis?.justification ?? null, response: v.analysis?.response ?? [], detail: v.analysis?.detail ?? null,
            });
            continue;
        }
        out.sightings.push(packageVulnSighting({
            assetUid, ecosystem, packageName: name, packagePurl: pkg?.purl ?? null, advisory, originalId: v.id,
            // A finding without a package is titled by its id alone.
            title: name ? null : v.id,
            description: v.description || v.detail || null,
            severity,
            remediation: v.recommendation || null,
            properties,
            occurrence: { path: pkg?.path || null, installedVersion: pkg?.version || null, fixedVersions: [], purl: pkg?.purl ?? null },
        }));
    }
    return out;
}
//# sourceMappingURL=vulnerabilities.js.map