import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReportFile } from '../report-file.js';
import { assertedGroups, comparable, corpusFiles, corpusFolder, dojoEntries, DOJO_DIR, expectedCount, fieldAgrees, findingsOf, readRecords, recordProblems } from '../shared/dojo-corpus.js';
import { DEFECTDOJO } from './defectdojo.js';
import { githubDependabotJson } from './parser.js';

/**
 * DefectDojo's GitHub vulnerability samples (GraphQL `vulnerabilityAlerts`): counts (or our listed
 * difference) and asserted fields; its code scanning sample is not ours.
 */
const entries = dojoEntries(DEFECTDOJO);
/** Hand-made: its two alerts of one advisory differ in CVSS; our one finding keeps the first alert's advisory data. */
const CVSS_DIFFERS = ['github_vulnerability/github_search4_null_cvss_vector.json'];
const CHECKED = ['title', 'severity', 'component_name', 'component_version', 'unsaved_vulnerability_ids', 'unique_id_from_tool', 'cvssv3', 'cwe', 'unsaved_cwes', 'file_path'];

describe.skipIf(entries.length === 0)(entries.length ? 'github-dependabot-json on DefectDojo\'s samples (../shared/corpus/defectdojo/github_vulnerability)'
  : 'github-dependabot-json DefectDojo samples: skipped, ../shared/corpus/defectdojo not found', () => {
  it('lists differences only for files of its folder', () => {
    for (const d of DEFECTDOJO.differences) expect(entries.map((e) => e.path)).toContain(d.file);
  });

  it.each(entries.map((e) => [e.path, e] as const))('%s', async (_name, entry) => {
    const path = join(DOJO_DIR, entry.path);
    const expected = expectedCount(DEFECTDOJO, entry);
    if (!githubDependabotJson.accepts(await openReportFile(path))) {
      // Code scanning alerts: listed, and refused when given anyway.
      expect(DEFECTDOJO.differences.find((d) => d.file === entry.path)?.ours).toBe(0);
      await expect(readRecords(githubDependabotJson, path)).rejects.toThrow(entry.file);
      return;
    }
    const records = await readRecords(githubDependabotJson, path);
    expect(recordProblems(records)).toEqual([]);
    const findings = findingsOf(records);
    if (expected !== null) expect(findings).toHaveLength(expected);
    if (expected === 0) return; // alerts that are not open: DefectDojo's fields describe what we do not keep
    for (const group of assertedGroups(entry.asserted_fields ?? [])) {
      const checked = comparable(group, CVSS_DIFFERS.includes(entry.path) ? CHECKED.filter((f) => f !== 'cvssv3') : CHECKED);
      if (checked.length === 0) continue;
      expect(findings.some((f) => checked.every((a) => fieldAgrees(f, a.field, a.value))), JSON.stringify(checked)).toBe(true);
    }
  });

  it('accepts no other tool\'s file of the corpus', async () => {
    const others = corpusFiles().filter((f) => !DEFECTDOJO.tools.some((t) => corpusFolder(f) === `defectdojo/${t}`));
    const accepted = [];
    for (const f of others) if (githubDependabotJson.accepts(await openReportFile(f))) accepted.push(f);
    expect(accepted).toEqual([]);
  });
});
