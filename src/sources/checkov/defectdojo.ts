/**
 * Conformance with DefectDojo's Checkov parser tests (../shared/corpus/defectdojo/checkov). One finding per
 * failed check, resource and file, as DefectDojo; a check without severity is medium, as in DefectDojo.
 */
export const DEFECTDOJO: { tools: string[]; type: string; differences: { file: string; ours: number; reason: string }[] } = {
  tools: ['checkov'],
  type: 'checkov-json',
  differences: [],
};
