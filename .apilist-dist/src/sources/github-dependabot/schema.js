import { z } from 'zod';
/**
 * GitHub Dependabot alerts in the two shapes GitHub serves them: the REST API's list
 * (`GET /repos/{owner}/{repo}/dependabot/alerts`, or the org-wide list whose alerts carry `repository`),
 * and the GraphQL API's `vulnerabilityAlerts` connection of a repository (`data.repository`, or
 * `data.search.nodes` for several). Only the fields read are checked.
 */
const optStr = z.string().nullish();
const optNum = z.number().nullish();
function list(item) {
    return z.array(item).nullish().transform((v) => v ?? []);
}
const Package = z.object({ ecosystem: optStr, name: z.string().min(1) });
export const RestAlert = z.object({
    number: z.union([z.number(), z.string()]).nullish(),
    state: optStr,
    dependency: z.object({ package: Package.nullish(), manifest_path: optStr, scope: optStr, relationship: optStr }).nullish(),
    security_advisory: z.object({
        ghsa_id: optStr,
        cve_id: optStr,
        summary: optStr,
        description: optStr,
        severity: optStr,
        identifiers: list(z.object({ type: optStr, value: z.string() })),
        references: list(z.object({ url: optStr })),
        cvss: z.object({ vector_string: optStr, score: optNum }).nullish(),
        cwes: list(z.object({ cwe_id: optStr, name: optStr })),
        epss: list(z.object({ percentage: optNum, percentile: optNum })),
        published_at: optStr,
    }),
    security_vulnerability: z.object({
        package: Package.nullish(),
        severity: optStr,
        vulnerable_version_range: optStr,
        first_patched_version: z.object({ identifier: optStr }).nullish(),
    }).nullish(),
    url: optStr,
    html_url: optStr,
    created_at: optStr,
    dismissed_reason: optStr,
    repository: z.object({ full_name: optStr, html_url: optStr }).nullish(),
});
export const GraphqlAlert = z.object({
    id: optStr,
    number: z.union([z.number(), z.string()]).nullish(),
    state: optStr,
    createdAt: optStr,
    dismissedAt: optStr,
    fixedAt: optStr,
    autoDismissedAt: optStr,
    dismissReason: optStr,
    vulnerableManifestPath: optStr,
    vulnerableManifestFilename: optStr,
    vulnerableRequirements: optStr,
    dependencyScope: optStr,
    securityVulnerability: z.object({
        severity: optStr,
        package: Package,
        vulnerableVersionRange: optStr,
        firstPatchedVersion: z.object({ identifier: optStr }).nullish(),
        advisory: z.object({
            ghsaId: optStr,
            summary: optStr,
            description: optStr,
            identifiers: list(z.object({ type: optStr, value: z.string() })),
            references: list(z.object({ url: optStr })),
            cvss: z.object({ vectorString: optStr, score: optNum }).nullish(),
            cwes: z.object({ nodes: list(z.object({ cweId: optStr })) }).nullish(),
            epss: z.object({ percentage: optNum, percentile: optNum }).nullish(),
            publishedAt: optStr,
            permalink: optStr,
        }),
    }),
});
/** A repository node with its alerts (validated one by one as they are read). */
export const GraphqlRepository = z.object({
    name: optStr,
    nameWithOwner: optStr,
    url: optStr,
    vulnerabilityAlerts: z.object({
        nodes: z.array(z.unknown()).nullish().transform((v) => v ?? []),
        pageInfo: z.object({ hasNextPage: z.boolean().nullish() }).nullish(),
    }),
});
//# sourceMappingURL=schema.js.map