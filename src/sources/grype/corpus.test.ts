import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReportFile } from '../report-file.js';
import { assertedGroups, comparable, corpusFiles, corpusFolder, dojoEntries, DOJO_DIR, expectedCount, fieldAgrees, findingsOf, readRecords, recordProblems } from '../shared/dojo-corpus.js';
import { DEFECTDOJO } from './defectdojo.js';
import { grypeJson } from './parser.js';

/** DefectDojo's Grype samples: counts as its tests assert them (or our listed difference), and its asserted fields. */
const entries = dojoEntries(DEFECTDOJO);
const CHECKED = ['severity', 'component_name', 'component_version', 'unsaved_vulnerability_ids', 'vuln_id_from_tool', 'cvssv3', 'fix_available', 'fix_version'];

describe.skipIf(entries.length === 0)(entries.length ? 'grype-json on DefectDojo\'s samples (../shared/corpus/defectdojo/anchore_grype)'
  : 'grype-json DefectDojo samples: skipped, ../shared/corpus/defectdojo not found', () => {
  it('lists differences only for files of its folders', () => {
    for (const d of DEFECTDOJO.differences) expect(entries.map((e) => e.path)).toContain(d.file);
  });

  it.each(entries.map((e) => [e.path, e] as const))('%s', async (_name, entry) => {
    const path = join(DOJO_DIR, entry.path);
    expect(grypeJson.accepts(await openReportFile(path))).toBe(true);
    const records = await readRecords(grypeJson, path);
    expect(recordProblems(records)).toEqual([]);
    const findings = findingsOf(records);
    const expected = expectedCount(DEFECTDOJO, entry);
    if (expected !== null) expect(findings).toHaveLength(expected);
    for (const group of assertedGroups(entry.asserted_fields ?? [])) {
      const checked = comparable(group, CHECKED);
      if (checked.length === 0) continue;
      expect(findings.some((f) => checked.every((a) => fieldAgrees(f, a.field, a.value))), JSON.stringify(checked)).toBe(true);
    }
  });

  it('accepts no other tool\'s file of the corpus, and rejects one given anyway naming the file', async () => {
    const others = corpusFiles().filter((f) => !DEFECTDOJO.tools.some((t) => corpusFolder(f) === `defectdojo/${t}`));
    expect(others.length).toBeGreaterThan(100);
    const accepted = [];
    for (const f of others) if (grypeJson.accepts(await openReportFile(f))) accepted.push(f);
    expect(accepted).toEqual([]);
    await expect(readRecords(grypeJson, join(DOJO_DIR, 'osv_scanner', 'some_findings.json')))
      .rejects.toThrow(/some_findings\.json: Grype report field matches/);
  });
});
