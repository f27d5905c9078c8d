/** How `asff-json` compares with DefectDojo's ASFF and Security Hub parsers on their test files (../shared/corpus/defectdojo). */
export const DEFECTDOJO = {
    tools: ['asff', 'awssecurityhub'],
    type: 'asff-json',
    differences: [
        {
            file: 'asff/many_vulns.json',
            ours: 7,
            reason: 'one finding per vulnerable package (2 of the 5 Inspector findings name two packages each), so each merges with the per-package finding Trivy or Grype gives',
        },
        {
            file: 'asff/one_vuln.json',
            ours: 2,
            reason: 'the Inspector finding names two vulnerable packages: one finding per package, as Trivy and Grype report them',
        },
        {
            file: 'awssecurityhub/config_many_findings.json',
            ours: 0,
            reason: 'all 3 are PASSED compliance results: not problems (DefectDojo imports them as inactive findings)',
        },
        {
            file: 'awssecurityhub/config_one_finding.json',
            ours: 0,
            reason: 'a PASSED compliance result is not a problem (DefectDojo imports it as an inactive finding)',
        },
        {
            file: 'awssecurityhub/config_repeated_findings.json',
            ours: 0,
            reason: 'two copies of one PASSED compliance result: not a problem (DefectDojo imports it as an inactive finding)',
        },
        {
            file: 'awssecurityhub/inspector_ec2_cve.json',
            ours: 2,
            reason: 'four records are the same CVE in the same package on the same instance under different finding ids (one finding, four occurrences); the fifth is in another account',
        },
    ],
};
//# sourceMappingURL=defectdojo.js.map