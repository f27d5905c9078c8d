/** How `prowler-ocsf-json` compares with DefectDojo's Prowler parsers on their test files (../shared/corpus/defectdojo). */
export const DEFECTDOJO = {
    tools: ['aws_prowler_v3plus', 'prowler'],
    type: 'prowler-ocsf-json',
    differences: [
        {
            file: 'prowler/example_output_aws.ocsf.json',
            ours: 2,
            reason: 'DefectDojo keeps MANUAL results; only FAIL results are findings here (2 FAIL, 1 MANUAL)',
        },
    ],
};
//# sourceMappingURL=defectdojo.js.map