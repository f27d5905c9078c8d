import { z } from 'zod';
/**
 * Snyk CLI's JSON (`snyk test --json`, `snyk container test --json`, `--all-projects`): one project object,
 * or an array of them. Each lists its issues in `vulnerabilities` (license issues too, with `type:
 * "license"`); a container project nests its applications' projects in `applications`. Snyk Code's output
 * is SARIF and is not read here. Only the fields read are checked.
 */
const optStr = z.string().nullish();
const optNum = z.number().nullish();
const numOrStr = z.union([z.number(), z.string()]).nullish();
function list(item) {
    return z.array(item).nullish().transform((v) => v ?? []);
}
export const SnykIssue = z.object({
    id: z.string().min(1),
    type: optStr,
    title: optStr,
    severity: optStr,
    packageName: z.string().min(1),
    name: optStr,
    version: optStr,
    packageManager: optStr,
    language: optStr,
    from: list(z.string()),
    upgradePath: list(z.union([z.string(), z.boolean()])),
    fixedIn: list(z.string()),
    isUpgradable: z.boolean().nullish(),
    isPatchable: z.boolean().nullish(),
    // NSP ids are numbers.
    identifiers: z.record(z.string(), list(z.union([z.string(), z.number().transform(String)]))).nullish().transform((v) => v ?? {}),
    CVSSv3: optStr,
    cvssScore: optNum,
    description: optStr,
    references: list(z.object({ url: optStr, title: optStr })),
    epssDetails: z.object({ probability: numOrStr, percentile: numOrStr, modelVersion: optStr }).nullish(),
    exploit: optStr,
    malicious: z.boolean().nullish(),
    publicationTime: optStr,
    disclosureTime: optStr,
    license: optStr,
});
/** What Snyk writes instead of a project when the test could not run. */
export const SnykFailure = z.object({ ok: z.literal(false), error: z.string() });
/** A project without its issues (validated one by one) and applications (projects themselves). */
export const SnykProject = z.object({
    ok: z.boolean().nullish(),
    error: optStr,
    projectName: optStr,
    displayTargetFile: optStr,
    targetFile: optStr,
    path: optStr,
    packageManager: optStr,
    platform: optStr,
    docker: z.record(z.string(), z.unknown()).nullish(),
    vulnerabilities: z.array(z.unknown()),
    applications: z.array(z.unknown()).nullish().transform((v) => v ?? []),
});
//# sourceMappingURL=schema.js.map