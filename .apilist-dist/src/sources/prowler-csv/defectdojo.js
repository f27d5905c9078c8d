/** How `prowler-csv` compares with DefectDojo's Prowler parsers on their test files (../shared/corpus/defectdojo). */
export const DEFECTDOJO = {
    tools: ['aws_prowler', 'prowler'],
    type: 'prowler-csv',
    differences: [
        {
            file: 'aws_prowler/issue4450.csv',
            ours: 3,
            reason: 'DefectDojo imports Prowler 2 PASS rows as inactive findings; only FAIL results are findings here (3 FAIL, 1 PASS)',
        },
        {
            file: 'aws_prowler/many_vuln2.csv',
            ours: 35,
            reason: 'DefectDojo keeps the 84 PASS and 88 INFO rows (inactive) and merges rows by severity+region+message; we keep the 42 FAIL rows, one finding per check × region × message (7 rows are exact repeats)',
        },
        {
            file: 'prowler/example_output_aws.csv',
            ours: 2,
            reason: 'DefectDojo keeps MANUAL results; only FAIL results are findings here (2 FAIL, 2 MANUAL)',
        },
    ],
};
//# sourceMappingURL=defectdojo.js.map