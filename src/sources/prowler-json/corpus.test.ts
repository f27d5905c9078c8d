import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { FindingInput } from '../../model/index.js';
import {
  assertionGroups, checkGroups, corpusReports, DOJO_DIR, dojoEntries, findingsOf, isEmptyReport, parseWith, recordProblems, severityCheck,
} from '../prowler/dojo-corpus.js';
import { openReportFile } from '../report-file.js';
import { DEFECTDOJO } from './defectdojo.js';
import { prowlerJson } from './parser.js';

/** The corpus files that are Prowler 2/3 JSON: the `.json` files of DefectDojo's aws_prowler folders, OCSF excluded. */
const isProwlerJson = (path: string) => path.endsWith('.json') && !path.endsWith('.ocsf.json')
  && DEFECTDOJO.tools.some((t) => path.includes(`/defectdojo/${t}/`));
const entries = dojoEntries(DEFECTDOJO.tools).filter((e) => isProwlerJson(join(DOJO_DIR, e.path)));

const checks = {
  // DefectDojo titles Prowler 2 results with their message: our description.
  title: (f: FindingInput, v: unknown) => f.title === v || f.description === v,
  severity: severityCheck,
  mitigation: (f: FindingInput, v: unknown) => f.remediation === v,
  references: (f: FindingInput, v: unknown) => Array.isArray(f.properties?.references) && f.properties.references.includes(v),
  unique_id_from_tool: (f: FindingInput, v: unknown) => f.originalId === v,
  component_name: (f: FindingInput, v: unknown) => f.assetUid === v,
};

describe.skipIf(entries.length === 0)(entries.length ? 'prowler-json on DefectDojo\'s Prowler samples'
  : 'prowler-json DefectDojo samples: skipped, ../shared/corpus/defectdojo not found', () => {
  it('lists only differences for files it has', () => {
    for (const d of DEFECTDOJO.differences) expect(entries.map((e) => e.path)).toContain(d.file);
  });

  it.each(entries.map((e) => [e.path, e] as const))('%s', async (_path, entry) => {
    const path = join(DOJO_DIR, entry.path);
    if (entry.expected_error) {
      await expect(parseWith(prowlerJson, path)).rejects.toThrow(MothershipError);
      return;
    }
    expect(prowlerJson.accepts(await openReportFile(path))).toBe(!isEmptyReport(path));
    const records = await parseWith(prowlerJson, path);
    expect(recordProblems(records)).toEqual([]);
    const findings = findingsOf(records);
    const diff = DEFECTDOJO.differences.find((d) => d.file === entry.path);
    if (diff) expect(findings).toHaveLength(diff.ours);
    else if (entry.expected_findings !== null) expect(findings).toHaveLength(entry.expected_findings);
    const result = checkGroups(findings, assertionGroups(entry), ['unique_id_from_tool', 'title'], checks);
    expect(result.failures).toEqual([]);
    if (!diff) expect(result.unmatched).toEqual([]);
  });

  it('finds Prowler 3 resources by their ARN and account-wide checks on the account', async () => {
    const findings = findingsOf(await parseWith(prowlerJson, join(DOJO_DIR, 'aws_prowler_v3plus/many_vuln.json')));
    expect(findings.map((f) => [f.ruleId, f.assetUid]).sort()).toEqual([
      ['prowler:accessanalyzer_enabled', 'arn:aws:iam::999999999999:root'],
      ['prowler:account_maintain_current_contact_details', 'arn:aws:iam::999999999999:root'],
      ['prowler:acm_certificates_expiration_check', 'arn:aws:acm:us-east-1:999999999999:certificate/ffffffff-0000-0000-0000-000000000000'],
    ]);
  });

  it('claims exactly the Prowler JSON reports of the corpus', async () => {
    for (const path of corpusReports()) {
      expect(prowlerJson.accepts(await openReportFile(path)), path).toBe(isProwlerJson(path) && !isEmptyReport(path));
    }
  });
});
