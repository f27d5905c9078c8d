/**
 * Conformance with DefectDojo's tfsec parser tests (../shared/corpus/defectdojo/tfsec). DefectDojo merges
 * results by rule, file and line range; we identify a result by rule, file and resource.
 */
export const DEFECTDOJO = {
    tools: ['tfsec'],
    type: 'tfsec-json',
    differences: [
        {
            file: 'tfsec/many_findings_current.json',
            ours: 17,
            reason: 'one finding per rule, file and resource: a module file used by six module instances is six misconfigured resources (DefectDojo merges them by line), and one resource reported at two lines is one finding',
        },
    ],
};
//# sourceMappingURL=defectdojo.js.map