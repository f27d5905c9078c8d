import { canonicalAdvisory } from '../shared/advisory-id.js';
import { osvEcosystem } from '../shared/ecosystem-names.js';
import { purlFor } from '../shared/package-purl.js';
import { packageVulnSighting } from '../shared/package-vuln.js';
import { severityFromWord } from '../shared/vuln-severity.js';
/** Manifest file names per ecosystem, for old GraphQL queries that did not ask for `ecosystem`. */
const MANIFESTS = [
    [/(?:^|\/)(?:package(?:-lock)?\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml)$/i, 'npm'],
    [/(?:^|\/)(?:pom\.xml|build\.gradle(?:\.kts)?|gradle\.lockfile)$/i, 'Maven'],
    [/(?:^|\/)(?:requirements[^/]*\.txt|Pipfile(?:\.lock)?|poetry\.lock|pyproject\.toml|setup\.py|uv\.lock)$/i, 'PyPI'],
    [/(?:^|\/)(?:Gemfile(?:\.lock)?|[^/]+\.gemspec)$/i, 'RubyGems'],
    [/(?:^|\/)composer\.(?:json|lock)$/i, 'Packagist'],
    [/(?:^|\/)go\.(?:mod|sum)$/i, 'Go'],
    [/(?:^|\/)Cargo\.(?:toml|lock)$/i, 'crates.io'],
    [/(?:^|\/)(?:[^/]+\.(?:cs|vb|fs)proj|packages\.config|packages\.lock\.json|Directory\.Packages\.props)$/i, 'NuGet'],
    [/(?:^|\/)mix\.(?:exs|lock)$/i, 'Hex'],
    [/(?:^|\/)pubspec\.(?:yaml|lock)$/i, 'Pub'],
    [/(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i, 'GitHub Actions'],
];
function ecosystemOf(given, manifest) {
    if (given)
        return osvEcosystem(given);
    const hit = manifest ? MANIFESTS.find(([re]) => re.test(manifest)) : undefined;
    return hit ? hit[1] : 'unknown';
}
function exactVersion(requirement) {
    const m = /^\s*=\s*v?([^\s,<>=~^|]+)\s*$/.exec(requirement ?? '');
    return m ? m[1] : null;
}
const nonEmpty = (xs) => xs.filter((x) => !!x && x.trim() !== '');
export function fromRest(a, index) {
    const adv = a.security_advisory;
    const vuln = a.security_vulnerability;
    const pkg = a.dependency?.package ?? vuln?.package;
    const manifest = a.dependency?.manifest_path || null;
    return {
        open: (a.state ?? 'open').toLowerCase() === 'open',
        originalId: a.number != null ? String(a.number) : adv.ghsa_id ?? `alert-${index}`,
        ecosystem: ecosystemOf(pkg?.ecosystem, manifest),
        packageName: pkg?.name ?? '',
        manifestPath: manifest,
        installedVersion: null,
        requirement: null,
        vulnerableRange: vuln?.vulnerable_version_range ?? null,
        firstPatched: vuln?.first_patched_version?.identifier ?? null,
        severity: vuln?.severity ?? adv.severity ?? null,
        ids: nonEmpty([adv.ghsa_id, adv.cve_id, ...adv.identifiers.map((i) => i.value)]),
        ghsa: adv.ghsa_id ?? null,
        summary: adv.summary ?? null,
        description: adv.description ?? null,
        references: nonEmpty(adv.references.map((r) => r.url)),
        cvss: adv.cvss?.vector_string || adv.cvss?.score ? { vector: adv.cvss.vector_string ?? null, baseScore: adv.cvss.score ?? null } : null,
        cweIds: nonEmpty(adv.cwes.map((c) => c.cwe_id)),
        epss: adv.epss[0] ? { percentage: adv.epss[0].percentage ?? null, percentile: adv.epss[0].percentile ?? null } : null,
        htmlUrl: a.html_url ?? null,
        number: a.number != null ? String(a.number) : null,
        dependencyScope: a.dependency?.scope ?? null,
        createdAt: a.created_at ?? null,
    };
}
/** GraphQL alerts without `state` (older queries) are open unless dismissed or fixed. */
function graphqlOpen(a) {
    if (a.state)
        return a.state.toUpperCase() === 'OPEN';
    return !a.dismissedAt && !a.fixedAt && !a.autoDismissedAt;
}
export function fromGraphql(a, index) {
    const v = a.securityVulnerability;
    const adv = v.advisory;
    const manifest = a.vulnerableManifestPath || a.vulnerableManifestFilename || null;
    const ghsa = adv.ghsaId ?? adv.identifiers.find((i) => (i.type ?? '').toUpperCase() === 'GHSA')?.value ?? null;
    return {
        open: graphqlOpen(a),
        originalId: a.id ?? (a.number != null ? String(a.number) : `alert-${index}`),
        ecosystem: ecosystemOf(v.package.ecosystem, manifest),
        packageName: v.package.name,
        manifestPath: manifest,
        installedVersion: exactVersion(a.vulnerableRequirements),
        requirement: a.vulnerableRequirements ?? null,
        vulnerableRange: v.vulnerableVersionRange ?? null,
        firstPatched: v.firstPatchedVersion?.identifier ?? null,
        severity: v.severity ?? null,
        ids: nonEmpty([ghsa, ...adv.identifiers.map((i) => i.value)]),
        ghsa,
        summary: adv.summary ?? null,
        description: adv.description ?? null,
        references: nonEmpty([adv.permalink, ...adv.references.map((r) => r.url)]),
        cvss: adv.cvss?.vectorString || adv.cvss?.score ? { vector: adv.cvss.vectorString ?? null, baseScore: adv.cvss.score ?? null } : null,
        cweIds: nonEmpty(adv.cwes?.nodes.map((c) => c.cweId) ?? []),
        epss: adv.epss ? { percentage: adv.epss.percentage ?? null, percentile: adv.epss.percentile ?? null } : null,
        htmlUrl: null,
        number: a.number != null ? String(a.number) : null,
        dependencyScope: a.dependencyScope ?? null,
        createdAt: a.createdAt ?? null,
    };
}
/** An open alert as a sighting of a `vuln` finding; the CVE is the id when the advisory names exactly one. */
export function alertSighting(assetUid, a) {
    const primary = a.ghsa ?? a.ids[0] ?? a.originalId;
    return packageVulnSighting({
        assetUid,
        ecosystem: a.ecosystem,
        packageName: a.packageName,
        packagePurl: purlFor(a.ecosystem, a.packageName, a.installedVersion),
        advisory: canonicalAdvisory(primary, a.ids),
        originalId: a.originalId,
        title: a.summary,
        description: a.description,
        severity: severityFromWord(a.severity) ?? 'info',
        properties: {
            cweIds: a.cweIds,
            cvss: a.cvss ? [a.cvss] : [],
            epss: a.epss,
            references: a.references,
        },
        occurrence: {
            path: a.manifestPath,
            installedVersion: a.installedVersion,
            fixedVersions: a.firstPatched ? [a.firstPatched] : [],
            originalId: a.originalId,
            requirement: a.requirement,
            vulnerableRange: a.vulnerableRange,
            alert: a.number,
            url: a.htmlUrl,
            dependencyScope: a.dependencyScope,
            createdAt: a.createdAt,
        },
    });
}
//# sourceMappingURL=alert.js.map