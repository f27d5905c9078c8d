/**
 * Conformance with DefectDojo's SPDX parser tests (../shared/corpus/defectdojo/spdx). JSON files are read
 * by `spdx-json`, the tag-value file (.spdx) by `spdx-tag-value` (both sniffed). Every file gives
 * DefectDojo's count of findings (SECURITY advisory references naming a CVE or GHSA); the SPDX 3 file is
 * refused with a message naming SPDX-3.0, as DefectDojo's test expects.
 */
export const DEFECTDOJO = {
    tools: ['spdx'],
    type: 'spdx-json',
    differences: [],
};
//# sourceMappingURL=defectdojo.js.map