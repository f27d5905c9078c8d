import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReportFile } from '../report-file.js';
import { assertedGroups, comparable, corpusFiles, corpusFolder, dojoEntries, DOJO_DIR, expectedCount, fieldAgrees, findingsOf, readRecords, recordProblems } from '../shared/dojo-corpus.js';
import { DEFECTDOJO } from './defectdojo.js';
import { snykJson } from './parser.js';

/**
 * DefectDojo's Snyk samples: counts (or our listed difference) and asserted fields; Snyk Code SARIF is not
 * ours. DefectDojo's file path is the dependency path without versions; ours keeps Snyk's, with them.
 */
const entries = dojoEntries(DEFECTDOJO);
const CHECKED = ['severity', 'component_name', 'component_version', 'vuln_id_from_tool', 'unsaved_vulnerability_ids', 'cwe', 'cvssv3'];

describe.skipIf(entries.length === 0)(entries.length ? 'snyk-json on DefectDojo\'s samples (../shared/corpus/defectdojo/snyk)'
  : 'snyk-json DefectDojo samples: skipped, ../shared/corpus/defectdojo not found', () => {
  it('lists differences only for files of its folder', () => {
    for (const d of DEFECTDOJO.differences) expect(entries.map((e) => e.path)).toContain(d.file);
  });

  it.each(entries.map((e) => [e.path, e] as const))('%s', async (_name, entry) => {
    const path = join(DOJO_DIR, entry.path);
    const expected = expectedCount(DEFECTDOJO, entry);
    if (!snykJson.accepts(await openReportFile(path))) {
      // Snyk Code's SARIF: listed, and refused when given anyway.
      expect(DEFECTDOJO.differences.find((d) => d.file === entry.path)?.ours).toBe(0);
      await expect(readRecords(snykJson, path)).rejects.toThrow(entry.file);
      return;
    }
    const records = await readRecords(snykJson, path);
    expect(recordProblems(records)).toEqual([]);
    const findings = findingsOf(records);
    if (expected !== null) expect(findings).toHaveLength(expected);
    for (const group of assertedGroups(entry.asserted_fields ?? [])) {
      const checked = comparable(group, CHECKED);
      if (checked.length === 0) continue;
      expect(findings.some((f) => checked.every((a) => fieldAgrees(f, a.field, a.value))), JSON.stringify(checked)).toBe(true);
    }
  });

  it('accepts no other tool\'s file of the corpus', async () => {
    const others = corpusFiles().filter((f) => !DEFECTDOJO.tools.some((t) => corpusFolder(f) === `defectdojo/${t}`));
    const accepted = [];
    for (const f of others) if (snykJson.accepts(await openReportFile(f))) accepted.push(f);
    expect(accepted).toEqual([]);
  });
});
