import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One real report per supported format, from the shared corpus (../shared/corpus, never copied into the
 * repository): small files with findings, picked to cover each parser's main paths. Tests that use them
 * skip a format whose file is absent.
 */
export const CORPUS_DIR = join(process.cwd(), '..', 'shared', 'corpus');

const DOJO = 'defectdojo';

export const CORPUS_REPORTS: Readonly<Record<string, string>> = {
  'trivy-json': 'trivy-golden/alpine-310.json.golden',
  'grype-json': `${DOJO}/anchore_grype/many_vulns4.json`,
  'osv-scanner-json': `${DOJO}/osv_scanner/some_findings.json`,
  'npm-audit-json': `${DOJO}/npm_audit/many_vuln.json`,
  'yarn-audit-json': `${DOJO}/yarn_audit/yarn_audit_many_vul.json`,
  'snyk-json': `${DOJO}/snyk/all-projects_many_vulns.json`,
  'github-dependabot-json': `${DOJO}/github_vulnerability/github-5-vuln.json`,
  'cyclonedx-json': `${DOJO}/cyclonedx/log4j.json`,
  'cyclonedx-xml': `${DOJO}/cyclonedx/log4j.xml`,
  'spdx-json': `${DOJO}/spdx/spdx_many_vuln.json`,
  'spdx-tag-value': `${DOJO}/spdx/spdx_one_vuln.spdx`,
  sarif: `${DOJO}/sarif/gitleaks_7.5.0.sarif`,
  'semgrep-json': `${DOJO}/semgrep/many_findings.json`,
  'gitleaks-json': `${DOJO}/gitleaks/gitleaks8_many.json`,
  'checkov-json': `${DOJO}/checkov/checkov-report-severity.json`,
  'tfsec-json': `${DOJO}/tfsec/many_findings_current.json`,
  'kics-json': `${DOJO}/kics/many_findings.json`,
  'prowler-ocsf-json': `${DOJO}/aws_prowler_v3plus/many_vuln.ocsf.json`,
  'prowler-json': `${DOJO}/aws_prowler_v3plus/many_vuln.json`,
  'prowler-csv': `${DOJO}/aws_prowler/many_vuln.csv`,
  'asff-json': `${DOJO}/asff/one_vuln.json`,
};

/**
 * Registered parsers that read no scanner report, so the corpus has none of their files: ownership
 * catalogues (Backstage, owners.yaml) name teams and entities, not findings. Their own tests cover them.
 */
export const NOT_SCANNER_REPORTS: Readonly<Record<string, string>> = {
  'backstage-yaml': 'a Backstage catalogue: entities and owners, no findings',
  'owners-yaml': 'an owners file: ownership rules, no findings',
};

/** Report types whose findings are each on the cloud resource they name: `--asset` does not apply. */
export const CLOUD_TYPES: ReadonlySet<string> = new Set(['prowler-ocsf-json', 'prowler-json', 'prowler-csv', 'asff-json']);

/** The absolute path of a type's corpus report, or undefined when the corpus does not hold it. */
export function corpusReport(type: string): string | undefined {
  const rel = CORPUS_REPORTS[type];
  if (!rel) return undefined;
  const path = join(CORPUS_DIR, rel);
  return existsSync(path) ? path : undefined;
}
