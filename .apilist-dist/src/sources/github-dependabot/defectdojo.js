/**
 * Conformance with DefectDojo's GitHub vulnerability parser tests (../shared/corpus/defectdojo/
 * github_vulnerability): GraphQL answers with `vulnerabilityAlerts`. Only open alerts are findings, and
 * alerts for one package and advisory in one repository are one finding (each manifest in evidence).
 */
const SAME = 'two alerts on log4j:log4j for GHSA-2qrg-x229-3v8q (CVE-2019-17571) in one repository are one finding';
export const DEFECTDOJO = {
    tools: ['github_vulnerability'],
    type: 'github-dependabot-json',
    differences: [
        { file: 'github_vulnerability/github_issue2984.json', ours: 0, reason: 'all four alerts are dismissed (dismissedAt): not open findings; DefectDojo imports them' },
        { file: 'github_vulnerability/github_search.json', ours: 1, reason: SAME },
        { file: 'github_vulnerability/github_search2.json', ours: 1, reason: SAME },
        { file: 'github_vulnerability/github_search3.json', ours: 1, reason: `${SAME}, both manifests in evidence` },
        { file: 'github_vulnerability/github_search4_null_cvss_vector.json', ours: 1, reason: `${SAME}, both manifests in evidence` },
        { file: 'github_vulnerability/github_shiro.json', ours: 0, reason: 'the alert is FIXED: not an open finding; DefectDojo imports it inactive' },
        { file: 'github_vulnerability/issue_9582.json', ours: 0, reason: 'code scanning alerts (REST), not Dependabot alerts: not accepted by this parser' },
    ],
};
//# sourceMappingURL=defectdojo.js.map