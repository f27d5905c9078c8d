/**
 * Conformance with DefectDojo's yarn audit parser tests (../shared/corpus/defectdojo/yarn_audit). Two of
 * its files are npm 6 audit reports (one JSON document with `advisories`): the npm-audit-json parser reads
 * those, and gives DefectDojo's count. Findings are one per package and advisory.
 */
export const DEFECTDOJO = {
    tools: ['yarn_audit'],
    type: 'yarn-audit-json',
    differences: [
        {
            file: 'yarn_audit/yarn2_audit_issue9911.json',
            ours: 1,
            reason: 'three of the four lines are deprecation notices (`(deprecation)` ids), not vulnerabilities',
        },
        {
            file: 'yarn_audit/yarn_audit_multiple_cwes2.json',
            ours: 1,
            reason: 'advisories 1064843 and 1028226 are both CVE-2021-3807 in ansi-regex: one finding',
        },
    ],
};
//# sourceMappingURL=defectdojo.js.map