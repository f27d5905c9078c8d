/**
 * Conformance with DefectDojo's npm audit parser tests (../shared/corpus/defectdojo/npm_audit, npm 6, and
 * npm_audit_7_plus). One parser reads both report versions. Findings are one per package and advisory
 * (the CVE when there is exactly one, else the GHSA), whatever the number of versions or paths.
 */
export const DEFECTDOJO = {
    tools: ['npm_audit', 'npm_audit_7_plus'],
    type: 'npm-audit-json',
    differences: [
        {
            file: 'npm_audit/multiple_cwes.json',
            ours: 40,
            reason: 'advisories 1061404 and 1061405 are the same GHSA-vh95-rmgr-6w4m / CVE-2020-7598 in minimist: one finding',
        },
        {
            file: 'npm_audit/many_vuln_npm7.json',
            ours: 8,
            reason: 'an npm 7 report, which DefectDojo\'s npm 6 parser rejects; ours reads both: 8 advisories (entries vulnerable only through a dependency carry none)',
        },
        {
            file: 'npm_audit_7_plus/many_vulns.json',
            ours: 3,
            reason: '@vercel/fun, @vercel/node and vercel are vulnerable only through dependencies (via names a package): the findings are on debug, semver and undici',
        },
        {
            file: 'npm_audit_7_plus/one_vuln.json',
            ours: 2,
            reason: 'debug has two advisories (GHSA-gxpj-cx7g-858c, GHSA-9vvw-cc9w-f27h): one finding each; DefectDojo makes one per package',
        },
    ],
};
//# sourceMappingURL=defectdojo.js.map