/**
 * Conformance with DefectDojo's Gitleaks parser tests (../shared/corpus/defectdojo/gitleaks). DefectDojo
 * dedups by secret and line; we identify a leak by rule, file and a keyed hash of the secret (the line
 * when the report is redacted), which gives the same counts on every sample.
 */
export const DEFECTDOJO: { tools: string[]; type: string; differences: { file: string; ours: number; reason: string }[] } = {
  tools: ['gitleaks'],
  type: 'gitleaks-json',
  differences: [],
};
