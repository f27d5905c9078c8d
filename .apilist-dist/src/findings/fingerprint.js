import { createHash } from 'node:crypto';
/**
 * Fingerprints identify one problem across re-scans, tools and package upgrades. They hash the parts
 * that name the problem (never versions, tool names or report paths), so Trivy and Grype reporting the
 * same CVE in the same package on the same image produce the same fingerprint.
 */
export function fingerprintOf(parts) {
    const h = createHash('sha256');
    for (const p of parts) {
        h.update(p ?? '');
        h.update('\u0000');
    }
    return h.digest('hex').slice(0, 32);
}
/** A vulnerability in a package (by name, not version) on an asset. */
export function vulnFingerprint(assetUid, ecosystem, packageName, advisoryId) {
    return fingerprintOf(['vuln', assetUid, ecosystem.toLowerCase(), packageName, advisoryId.toUpperCase()]);
}
/** A rule violated by an asset. */
export function ruleFingerprint(kind, ruleId, assetUid, detail) {
    return fingerprintOf([kind, ruleId, assetUid, detail]);
}
//# sourceMappingURL=fingerprint.js.map