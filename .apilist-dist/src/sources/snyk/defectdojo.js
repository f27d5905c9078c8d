/**
 * Conformance with DefectDojo's Snyk parser tests (../shared/corpus/defectdojo/snyk). DefectDojo makes one
 * finding per issue entry, i.e. per dependency path; we make one per package and advisory with each path
 * an occurrence in evidence. A container's applications are read too.
 */
const PER_PATH = 'one finding per package and advisory with every dependency path (`from`) in evidence; DefectDojo makes one per path';
export const DEFECTDOJO = {
    tools: ['snyk'],
    type: 'snyk-json',
    differences: [
        { file: 'snyk/all_containers_target_output.json', ours: 17, reason: `${PER_PATH} (40)` },
        { file: 'snyk/all_projects_issue4277.json', ours: 49, reason: `${PER_PATH} (82): 48 vulnerabilities and 1 license issue` },
        { file: 'snyk/single_project_upgrade_libs.json', ours: 43, reason: `${PER_PATH} (254)` },
        {
            file: 'snyk/snykcode_issue_9270.json',
            ours: 0,
            reason: 'Snyk Code output is SARIF: the sarif parser reads it, this one does not accept it',
        },
        {
            file: 'snyk/snykcontainer_issue_9270.json',
            ours: 30,
            reason: 'binary packages of one source (gcc-10/libgcc-s1, gcc-10/libstdc++6) are separate findings as in Trivy (18), and the image\'s applications are read too (12)',
        },
        {
            file: 'snyk/snykcontainer_issue_epss.json',
            ours: 13,
            reason: 'the image\'s applications (juice-shop\'s npm project, 12 findings) are read too; DefectDojo reads only the image\'s OS packages',
        },
    ],
};
//# sourceMappingURL=defectdojo.js.map