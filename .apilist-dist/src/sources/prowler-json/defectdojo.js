/** How `prowler-json` compares with DefectDojo's Prowler parsers on their test files (../shared/corpus/defectdojo). */
export const DEFECTDOJO = {
    tools: ['aws_prowler', 'aws_prowler_v3plus'],
    type: 'prowler-json',
    // Prowler 2 JSON lines and Prowler 3 JSON: DefectDojo drops non-FAIL results too, and every file agrees.
    differences: [],
};
//# sourceMappingURL=defectdojo.js.map