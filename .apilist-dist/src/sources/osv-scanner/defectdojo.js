/**
 * Conformance with DefectDojo's osv-scanner parser tests (../shared/corpus/defectdojo/osv_scanner).
 * DefectDojo makes one finding per OSV record; we make one per vulnerability: per group of records
 * osv-scanner says are the same (a GHSA and its PYSEC twin), per package, on the report's project.
 */
export const DEFECTDOJO = {
    tools: ['osv_scanner'],
    type: 'osv-scanner-json',
    differences: [
        {
            file: 'osv_scanner/many_findings.json',
            ours: 36,
            reason: 'one finding per group of aliased records (GHSA + PYSEC), not per record (66); requests\' CVE-2023-32681 in two lockfiles of the one project is one finding',
        },
        {
            file: 'osv_scanner/no_findings.json',
            ours: 0,
            reason: 'an empty file is no report: it is rejected with a clear error (nothing is resolved on its strength); DefectDojo reads it as no findings',
        },
    ],
};
//# sourceMappingURL=defectdojo.js.map