/**
 * Conformance with DefectDojo's Semgrep parser tests (../shared/corpus/defectdojo/semgrep). Every file of
 * `semgrep --json` output gives DefectDojo's count (results repeated at one position are one finding, as
 * DefectDojo dedups them).
 */
export const DEFECTDOJO = {
    tools: ['semgrep'],
    type: 'semgrep-json',
    differences: [
        {
            file: 'semgrep/sca-deployments-vulns.json',
            ours: 0,
            reason: 'a Semgrep AppSec Platform API export (`vulns` of a deployment), not `semgrep --json` output: rejected as unsupported',
        },
    ],
};
//# sourceMappingURL=defectdojo.js.map