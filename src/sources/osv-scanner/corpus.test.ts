import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReportFile } from '../report-file.js';
import { assertedGroups, comparable, corpusFiles, corpusFolder, dojoEntries, DOJO_DIR, expectedCount, fieldAgrees, findingsOf, readRecords, recordProblems } from '../shared/dojo-corpus.js';
import { DEFECTDOJO } from './defectdojo.js';
import { osvScannerJson } from './parser.js';

/**
 * DefectDojo's osv-scanner samples: counts (or our listed difference) and asserted fields. DefectDojo's
 * titles (`<id>_<package>`) and its severity of a malicious package (Low; ours is critical) are its own.
 */
const entries = dojoEntries(DEFECTDOJO);
const CHECKED = ['component_name', 'unsaved_vulnerability_ids', 'cwe', 'unsaved_cwes', 'file_path'];

describe.skipIf(entries.length === 0)(entries.length ? 'osv-scanner-json on DefectDojo\'s samples (../shared/corpus/defectdojo/osv_scanner)'
  : 'osv-scanner-json DefectDojo samples: skipped, ../shared/corpus/defectdojo not found', () => {
  it('lists differences only for files of its folder', () => {
    for (const d of DEFECTDOJO.differences) expect(entries.map((e) => e.path)).toContain(d.file);
  });

  it.each(entries.map((e) => [e.path, e] as const))('%s', async (_name, entry) => {
    const path = join(DOJO_DIR, entry.path);
    const expected = expectedCount(DEFECTDOJO, entry);
    if (!osvScannerJson.accepts(await openReportFile(path))) {
      // Not a report (the empty file): listed, and refused when given anyway.
      expect(DEFECTDOJO.differences.find((d) => d.file === entry.path)?.ours).toBe(0);
      await expect(readRecords(osvScannerJson, path)).rejects.toThrow(entry.file);
      return;
    }
    const records = await readRecords(osvScannerJson, path);
    expect(recordProblems(records)).toEqual([]);
    const findings = findingsOf(records);
    if (expected !== null) expect(findings).toHaveLength(expected);
    for (const group of assertedGroups(entry.asserted_fields ?? [])) {
      const checked = comparable(group, CHECKED);
      if (checked.length === 0) continue;
      expect(findings.some((f) => checked.every((a) => fieldAgrees(f, a.field, a.value))), JSON.stringify(checked)).toBe(true);
    }
  });

  it('accepts no other tool\'s file of the corpus (OSV records and Semgrep results included)', async () => {
    const others = corpusFiles().filter((f) => !DEFECTDOJO.tools.some((t) => corpusFolder(f) === `defectdojo/${t}`));
    const accepted = [];
    for (const f of others) if (osvScannerJson.accepts(await openReportFile(f))) accepted.push(f);
    expect(accepted).toEqual([]);
    await expect(readRecords(osvScannerJson, join(DOJO_DIR, 'anchore_grype', 'no_vuln.json'))).rejects.toThrow(/no_vuln\.json: osv-scanner report field results/);
  });
});
