import { digestFor } from '../random.js';
import { DAY_MS, SNAPSHOT_MS, isoZ } from '../time.js';
import { AFFECTS } from './affects.js';
import { CVES } from './cves.js';
/** Matches installed versions against the advisory pool and prints Trivy's vulnerability entries. */
const DATA_SOURCES = {
    debian: { ID: 'debian', Name: 'Debian Security Tracker', URL: 'https://salsa.debian.org/security-tracker-team/security-tracker' },
    alpine: { ID: 'alpine', Name: 'Alpine Secdb', URL: 'https://secdb.alpinelinux.org/' },
    npm: { ID: 'ghsa', Name: 'GitHub Security Advisory npm', URL: 'https://github.com/advisories?query=type%3Areviewed+ecosystem%3Anpm' },
    pip: { ID: 'ghsa', Name: 'GitHub Security Advisory pip', URL: 'https://github.com/advisories?query=type%3Areviewed+ecosystem%3Apip' },
    jar: { ID: 'ghsa', Name: 'GitHub Security Advisory Maven', URL: 'https://github.com/advisories?query=type%3Areviewed+ecosystem%3Amaven' },
    gobinary: { ID: 'govulndb', Name: 'The Go Vulnerability Database', URL: 'https://pkg.go.dev/vuln/' },
};
const LEVEL = { LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };
const scoreLevel = (score) => (score >= 9 ? 4 : score >= 7 ? 3 : score >= 4 ? 2 : 1);
/** Advisories affecting `installed` of a package whose catalog versions are `versions` (oldest first). */
export function affecting(ecosystem, pkg, versions, installed) {
    const at = versions.indexOf(installed);
    return (AFFECTS.get(`${ecosystem}:${pkg}`) ?? []).filter((a) => a.firstFixed === null || at < versions.indexOf(a.firstFixed));
}
export function vulnerabilityJson(seed, ecosystem, affect, pkg, layer) {
    const meta = CVES.get(affect.cve);
    if (!meta)
        throw new Error(`advisory ${affect.cve} has no metadata`);
    const source = ecosystem === 'debian' ? (LEVEL[meta.severity] <= 2 ? 'debian' : 'nvd') : ecosystem === 'alpine' ? 'nvd' : 'ghsa';
    const publishedMs = Date.parse(`${meta.published}T00:00:00Z`) + (parseInt(digestFor(seed, 'pub', meta.id).slice(0, 4), 16) % 1440) * 60_000;
    const modifiedMs = Math.min(SNAPSHOT_MS - 20 * DAY_MS, publishedMs + (30 + (parseInt(digestFor(seed, 'mod', meta.id).slice(0, 4), 16) % 400)) * DAY_MS);
    const tracker = {
        debian: `https://security-tracker.debian.org/tracker/${meta.id}`,
        alpine: `https://security.alpinelinux.org/vuln/${meta.id}`,
        npm: `https://osv.dev/vulnerability/${meta.id}`,
        pip: `https://osv.dev/vulnerability/${meta.id}`,
        jar: `https://osv.dev/vulnerability/${meta.id}`,
        gobinary: `https://pkg.go.dev/vuln/${meta.id}`,
    };
    const cvss = { V3Vector: meta.vector, V3Score: meta.score };
    return {
        VulnerabilityID: meta.id,
        ...(pkg.id ? { PkgID: pkg.id } : {}),
        PkgName: pkg.name,
        ...(pkg.path ? { PkgPath: pkg.path } : {}),
        PkgIdentifier: { PURL: pkg.purl, UID: pkg.uid },
        InstalledVersion: pkg.installed,
        ...(affect.shown ? { FixedVersion: affect.shown } : {}),
        Status: affect.firstFixed ? 'fixed' : affect.status,
        Layer: { Digest: layer.digest, DiffID: layer.diffId },
        SeveritySource: source,
        PrimaryURL: `https://avd.aquasec.com/nvd/${meta.id.toLowerCase()}`,
        DataSource: DATA_SOURCES[ecosystem],
        Title: meta.title,
        Description: meta.description,
        Severity: meta.severity,
        CweIDs: [meta.cwe],
        VendorSeverity: source === 'nvd' ? { nvd: scoreLevel(meta.score) } : { [source]: LEVEL[meta.severity], nvd: scoreLevel(meta.score) },
        CVSS: source === 'ghsa' ? { ghsa: cvss, nvd: cvss } : { nvd: cvss },
        References: [tracker[ecosystem], `https://nvd.nist.gov/vuln/detail/${meta.id}`, `https://www.cve.org/CVERecord?id=${meta.id}`],
        PublishedDate: isoZ(publishedMs),
        LastModifiedDate: isoZ(modifiedMs),
    };
}
//# sourceMappingURL=vulnerabilities.js.map