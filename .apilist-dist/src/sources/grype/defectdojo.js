/**
 * Conformance with DefectDojo's Grype parser tests (../shared/corpus/defectdojo/anchore_grype). DefectDojo
 * merges matches by vulnerability, package name and version; we merge by asset, ecosystem, package name and
 * canonical advisory (the version is no part of a finding's identity). Files not listed give its count.
 */
export const DEFECTDOJO = {
    tools: ['anchore_grype'],
    type: 'grype-json',
    differences: [
        {
            file: 'anchore_grype/issue_9618.json',
            ours: 34,
            reason: 'avro 1.9.2 and 1.11.1 (two jars) both have CVE-2023-39410: one finding per package and advisory, both jars in evidence; DefectDojo keys on the version too',
        },
    ],
};
//# sourceMappingURL=defectdojo.js.map