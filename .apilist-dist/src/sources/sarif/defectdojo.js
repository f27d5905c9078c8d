/**
 * Conformance with DefectDojo's SARIF parser tests (../shared/corpus/defectdojo/sarif). DefectDojo makes
 * one finding per result location and keeps suppressed results (inactive); we make one finding per open
 * result with all its locations in evidence, and leave out results that are suppressed, `absent` from the
 * baseline or not failures. Every file not listed here gives DefectDojo's count.
 */
const PER_RESULT = 'DefectDojo makes one finding per SARIF result location; we make one per result with all its locations in evidence';
const SUPPRESSED = 'suppressed results (a suppression without status, or accepted) are not open findings; DefectDojo imports them inactive';
export const DEFECTDOJO = {
    tools: ['sarif'],
    type: 'sarif',
    differences: [
        { file: 'sarif/mobsfscan.json', ours: 9, reason: `${PER_RESULT} (9 results, 18 locations)` },
        { file: 'sarif/njsscan.sarif', ours: 2, reason: `${PER_RESULT} (2 results, 3 locations)` },
        { file: 'sarif/SuppressionTestCurrent.sarif', ours: 1, reason: `${SUPPRESSED} (3 of 4)` },
        { file: 'sarif/suppression_test.sarif', ours: 2, reason: `${SUPPRESSED} (3 of 5)` },
        { file: 'sarif/appendix_k.sarif', ours: 0, reason: `${SUPPRESSED}: its one result has an accepted external suppression` },
        { file: 'sarif/appendix_k4.sarif', ours: 0, reason: `${SUPPRESSED}: its one result has an accepted suppression` },
        {
            file: 'sarif/bash-report.sarif',
            ours: 12,
            reason: 'ShiftLeft scan repeats identical results (same rule, file, line and fingerprint) up to six times; duplicates are one finding',
        },
        {
            file: 'sarif/bash-report-subset-same-hash-code-same-unique-id.sarif',
            ours: 2,
            reason: 'fabricated file: three of its four results are one result repeated (same rule, file, line, fingerprint)',
        },
        {
            file: 'sarif/gitleaks_7.5.0.sarif',
            ours: 4,
            reason: 'secrets: the same secret in the same file is one finding whatever the commit (each commit an occurrence); 4 secrets in 8 results',
        },
    ],
};
//# sourceMappingURL=defectdojo.js.map