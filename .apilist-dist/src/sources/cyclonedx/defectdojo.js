/**
 * Conformance with DefectDojo's CycloneDX parser tests (../shared/corpus/defectdojo/cyclonedx). The folder
 * holds JSON and XML BOMs: JSON files are read by `cyclonedx-json`, XML files by `cyclonedx-xml` (both
 * sniffed). Every file not listed here gives DefectDojo's count of findings.
 */
export const DEFECTDOJO = {
    tools: ['cyclonedx'],
    type: 'cyclonedx-json',
    differences: [
        {
            file: 'cyclonedx/issue_8022.json',
            ours: 0,
            reason: 'VEX analysis.state not_affected: not an open finding (DefectDojo imports it inactive); kept as a suppression on the asset',
        },
        {
            file: 'cyclonedx/valid-vulnerability-1.4.json',
            ours: 0,
            reason: 'VEX analysis.state not_affected: not an open finding (DefectDojo imports it inactive); kept as a suppression on the asset',
        },
        {
            file: 'cyclonedx/valid-vulnerability-1.4.xml',
            ours: 0,
            reason: 'VEX analysis.state not_affected: not an open finding (DefectDojo imports it inactive); kept as a suppression on the asset',
        },
    ],
};
//# sourceMappingURL=defectdojo.js.map