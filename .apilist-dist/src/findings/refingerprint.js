import { canonicalAdvisoryId } from './advisory-id.js';
import { vulnFingerprint } from './fingerprint.js';
const strings = (v) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);
/**
 * The fingerprint a stored finding has under today's rules (fingerprint.ts, advisory-id.ts), or null when
 * the stored row does not keep the parts to recompute it. Vulnerability findings keep them all (asset,
 * ecosystem, package name, advisory id with its aliases): every parser and the matcher store them in
 * `properties`. Rule findings hash a source-specific detail (a file location, a secret digest) that only
 * the report holds, so theirs is re-derived when the report is next ingested.
 */
export function currentIdentity(f) {
    if (f.kind !== 'vuln' || !f.assetUid || !f.advisoryId || typeof f.ecosystem !== 'string' || typeof f.packageName !== 'string')
        return null;
    const advisoryId = canonicalAdvisoryId(f.advisoryId, [...strings(f.aliases), ...strings(f.vendorIds)], strings(f.references));
    return { fingerprint: vulnFingerprint(f.assetUid, f.ecosystem, f.packageName, advisoryId), advisoryId };
}
//# sourceMappingURL=refingerprint.js.map