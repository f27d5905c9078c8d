/**
 * Conformance with DefectDojo's Gitleaks parser tests (../shared/corpus/defectdojo/gitleaks). DefectDojo
 * dedups by secret and line; we identify a leak by rule, file and a keyed hash of the secret (the line
 * when the report is redacted), which gives the same counts on every sample.
 */
export const DEFECTDOJO = {
    tools: ['gitleaks'],
    type: 'gitleaks-json',
    differences: [],
};
//# sourceMappingURL=defectdojo.js.map