/**
 * Conformance with DefectDojo's KICS parser tests (../shared/corpus/defectdojo/kics): one finding per
 * query, file, similarity id and expected value, which gives DefectDojo's counts.
 */
export const DEFECTDOJO = {
    tools: ['kics'],
    type: 'kics-json',
    differences: [],
};
//# sourceMappingURL=defectdojo.js.map