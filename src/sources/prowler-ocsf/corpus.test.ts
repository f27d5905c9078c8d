import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { FindingInput } from '../../model/index.js';
import {
  assertionGroups, checkGroups, corpusReports, DOJO_DIR, dojoEntries, findingsOf, isEmptyReport, parseWith, recordProblems, severityCheck,
} from '../prowler/dojo-corpus.js';
import { openReportFile } from '../report-file.js';
import { DEFECTDOJO } from './defectdojo.js';
import { prowlerOcsfJson } from './parser.js';

/**
 * The corpus files that are Prowler OCSF: the `.ocsf.json` files of DefectDojo's Prowler folders, and the `.json`
 * files of its `prowler` folder (DefectDojo's parser for Prowler 4+, whose JSON output is OCSF).
 */
const isProwlerOcsf = (path: string) => (path.endsWith('.ocsf.json') && DEFECTDOJO.tools.some((t) => path.includes(`/defectdojo/${t}/`)))
  || (path.endsWith('.json') && path.includes('/defectdojo/prowler/'));
const entries = dojoEntries(DEFECTDOJO.tools).filter((e) => isProwlerOcsf(join(DOJO_DIR, e.path)));

const checks = {
  // DefectDojo titles OCSF results with their status detail: our description.
  title: (f: FindingInput, v: unknown) => f.description === v,
  severity: severityCheck,
  impact: (f: FindingInput, v: unknown) => f.properties?.risk === v,
  unique_id_from_tool: (f: FindingInput, v: unknown) => f.originalId === v,
  component_name: (f: FindingInput, v: unknown) => f.assetUid === v,
};

describe.skipIf(entries.length === 0)(entries.length ? 'prowler-ocsf-json on DefectDojo\'s Prowler samples'
  : 'prowler-ocsf-json DefectDojo samples: skipped, ../shared/corpus/defectdojo not found', () => {
  it('lists only differences for files it has', () => {
    for (const d of DEFECTDOJO.differences) expect(entries.map((e) => e.path)).toContain(d.file);
  });

  it.each(entries.map((e) => [e.path, e] as const))('%s', async (_path, entry) => {
    const path = join(DOJO_DIR, entry.path);
    if (entry.expected_error) {
      await expect(parseWith(prowlerOcsfJson, path)).rejects.toThrow(MothershipError);
      return;
    }
    expect(prowlerOcsfJson.accepts(await openReportFile(path))).toBe(!isEmptyReport(path));
    const records = await parseWith(prowlerOcsfJson, path);
    expect(recordProblems(records)).toEqual([]);
    const findings = findingsOf(records);
    const diff = DEFECTDOJO.differences.find((d) => d.file === entry.path);
    if (diff) expect(findings).toHaveLength(diff.ours);
    else if (entry.expected_findings !== null) expect(findings).toHaveLength(entry.expected_findings);
    const result = checkGroups(findings, assertionGroups(entry), ['unique_id_from_tool', 'title'], checks);
    expect(result.failures).toEqual([]);
    if (!diff) expect(result.unmatched).toEqual([]);
  });

  it('finds roles by their ARN, keeps other providers\' resources apart, and cannot vouch for an unnamed cluster', async () => {
    const aws = await parseWith(prowlerOcsfJson, join(DOJO_DIR, 'aws_prowler_v3plus/many_vuln.ocsf.json'));
    expect(findingsOf(aws).map((f) => f.assetUid).sort()).toEqual([
      'arn:aws:iam::123456789012:role/AuditRole', 'arn:aws:iam::123456789012:role/myAdministratorExecutionRole',
    ]);
    expect(aws.filter((r) => r.type === 'asset').map((r) => r.type === 'asset' && [r.asset.kind, r.asset.reference])).toEqual([['aws.iam.role', true], ['aws.iam.role', true]]);
    const k8s = await parseWith(prowlerOcsfJson, join(DOJO_DIR, 'prowler/example_output_kubernetes.ocsf.json'));
    const coverage = k8s.filter((r) => r.type === 'coverage');
    expect(coverage).toHaveLength(1);
    expect(coverage[0]).toMatchObject({ coverage: 'partial' });
    expect(findingsOf(k8s).every((f) => f.assetUid?.startsWith('kubernetes:'))).toBe(true);
  });

  it('claims exactly the Prowler OCSF reports of the corpus', async () => {
    for (const path of corpusReports()) {
      expect(prowlerOcsfJson.accepts(await openReportFile(path)), path).toBe(isProwlerOcsf(path) && !isEmptyReport(path));
    }
  });
});
