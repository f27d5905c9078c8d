import { awsDump } from './aws/dump-reader.js';
import { k8sDump } from './k8s/dump-reader.js';
import { trivyJson } from './trivy/parser.js';
import { asffJson } from './asff/parser.js';
import { prowlerCsv } from './prowler-csv/parser.js';
import { prowlerJson } from './prowler-json/parser.js';
import { prowlerOcsfJson } from './prowler-ocsf/parser.js';
import { githubDependabotJson } from './github-dependabot/parser.js';
import { grypeJson } from './grype/parser.js';
import { npmAuditJson } from './npm-audit/parser.js';
import { osvScannerJson } from './osv-scanner/parser.js';
import { snykJson } from './snyk/parser.js';
import { yarnAuditJson } from './yarn-audit/parser.js';
import { sarif } from './sarif/parser.js';
import { semgrepJson } from './semgrep/parser.js';
import { gitleaksJson } from './gitleaks/parser.js';
import { checkovJson } from './checkov/parser.js';
import { tfsecJson } from './tfsec/parser.js';
import { kicsJson } from './kics/parser.js';
import { backstageYaml, ownersYaml } from './catalog/parser.js';
import { cyclonedxJson, cyclonedxXml } from './cyclonedx/parser.js';
import { spdxJson, spdxTagValue } from './spdx/parser.js';
/**
 * Every parser and dump reader, listed explicitly: no registration by import side effect. Adding a
 * format is one new module plus one line here. Order does not matter: sniffing must be unambiguous.
 */
export const PARSERS = [
    trivyJson, grypeJson, osvScannerJson, npmAuditJson, yarnAuditJson, snykJson, githubDependabotJson,
    cyclonedxJson, cyclonedxXml, spdxJson, spdxTagValue,
    sarif, semgrepJson, gitleaksJson, checkovJson, tfsecJson, kicsJson,
    prowlerOcsfJson, prowlerJson, prowlerCsv, asffJson,
    backstageYaml, ownersYaml,
];
export const DUMP_READERS = [awsDump, k8sDump];
//# sourceMappingURL=registry.js.map