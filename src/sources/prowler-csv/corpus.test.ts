import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { FindingInput } from '../../model/index.js';
import {
  assertionGroups, checkGroups, corpusReports, DOJO_DIR, dojoEntries, findingsOf, isEmptyReport, parseWith, recordProblems, severityCheck,
} from '../prowler/dojo-corpus.js';
import { openReportFile } from '../report-file.js';
import { DEFECTDOJO } from './defectdojo.js';
import { prowlerCsv } from './parser.js';

/** The corpus files that are Prowler CSV: the `.csv` files of DefectDojo's Prowler folders. */
const isProwlerCsv = (path: string) => path.endsWith('.csv') && DEFECTDOJO.tools.some((t) => path.includes(`/defectdojo/${t}/`));
const entries = dojoEntries(DEFECTDOJO.tools).filter((e) => isProwlerCsv(join(DOJO_DIR, e.path)));

describe.skipIf(entries.length === 0)(entries.length ? 'prowler-csv on DefectDojo\'s Prowler samples'
  : 'prowler-csv DefectDojo samples: skipped, ../shared/corpus/defectdojo not found', () => {
  it('lists only differences for files it has', () => {
    for (const d of DEFECTDOJO.differences) expect(entries.map((e) => e.path)).toContain(d.file);
  });

  it.each(entries.map((e) => [e.path, e] as const))('%s', async (_path, entry) => {
    const path = join(DOJO_DIR, entry.path);
    if (entry.expected_error) {
      await expect(parseWith(prowlerCsv, path)).rejects.toThrow(MothershipError);
      return;
    }
    expect(prowlerCsv.accepts(await openReportFile(path))).toBe(!isEmptyReport(path));
    const records = await parseWith(prowlerCsv, path);
    expect(recordProblems(records)).toEqual([]);
    const findings = findingsOf(records);
    const diff = DEFECTDOJO.differences.find((d) => d.file === entry.path);
    if (diff) expect(findings).toHaveLength(diff.ours);
    else if (entry.expected_findings !== null) expect(findings).toHaveLength(entry.expected_findings);

    // DefectDojo titles Prowler 2 rows with their message (our description) and Prowler 4 rows with the check title.
    const checks = {
      title: (f: FindingInput, v: unknown) => f.title === v || f.description === v,
      // DefectDojo turns Prowler 2's `Informational` into Low; it stays info here.
      severity: (f: FindingInput, v: unknown) => severityCheck(f, v) || (v === 'Low' && f.severity === 'info'),
      impact: (f: FindingInput, v: unknown) => f.properties?.risk === v,
    };
    const result = checkGroups(findings, assertionGroups(entry), ['title'], checks);
    expect(result.failures).toEqual([]);
    if (!diff) expect(result.unmatched).toEqual([]);
    else if (diff.ours > 0 && result.unmatched.length + result.matched > 0) expect(result.matched).toBeGreaterThan(0);
  });

  it('claims exactly the Prowler CSV reports of the corpus', async () => {
    for (const path of corpusReports()) {
      expect(prowlerCsv.accepts(await openReportFile(path)), path).toBe(isProwlerCsv(path) && !isEmptyReport(path));
    }
  });
});
