/**
 * Conformance with DefectDojo's Checkov parser tests (../shared/corpus/defectdojo/checkov). One finding per
 * failed check, resource and file, as DefectDojo; a check without severity is medium, as in DefectDojo.
 */
export const DEFECTDOJO = {
    tools: ['checkov'],
    type: 'checkov-json',
    differences: [],
};
//# sourceMappingURL=defectdojo.js.map