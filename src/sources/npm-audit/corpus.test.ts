import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReportFile } from '../report-file.js';
import { assertedGroups, comparable, corpusFiles, corpusFolder, dojoEntries, DOJO_DIR, expectedCount, fieldAgrees, findingsOf, readRecords, recordProblems } from '../shared/dojo-corpus.js';
import { DEFECTDOJO } from './defectdojo.js';
import { npmAuditJson } from './parser.js';

/** DefectDojo's npm audit samples (npm 6 and 7+): counts (or our listed difference), errors, asserted fields. */
const entries = dojoEntries(DEFECTDOJO);
const CHECKED = ['severity', 'component_name', 'component_version', 'unsaved_vulnerability_ids', 'cwe', 'unsaved_cwes', 'cvssv3'];
/** yarn's folder holds npm 6 reports too (`yarn audit` output converted by hand): ours to read. */
const YARN_NPM_SHAPED = ['defectdojo/yarn_audit/issue_6495.json', 'defectdojo/yarn_audit/issue_6495_multi_cwe_fabricated.json'];

describe.skipIf(entries.length === 0)(entries.length ? 'npm-audit-json on DefectDojo\'s samples (../shared/corpus/defectdojo/npm_audit*)'
  : 'npm-audit-json DefectDojo samples: skipped, ../shared/corpus/defectdojo not found', () => {
  it('lists differences only for files of its folders', () => {
    for (const d of DEFECTDOJO.differences) expect(entries.map((e) => e.path)).toContain(d.file);
  });

  it.each(entries.map((e) => [e.path, e] as const))('%s', async (_name, entry) => {
    const path = join(DOJO_DIR, entry.path);
    expect(npmAuditJson.accepts(await openReportFile(path))).toBe(true);
    const listed = DEFECTDOJO.differences.some((d) => d.file === entry.path);
    if (entry.expected_error && !listed) {
      const error = await readRecords(npmAuditJson, path).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toContain(entry.file);
      for (const part of entry.expected_error.message_contains) expect(message).toContain(part);
      return;
    }
    const records = await readRecords(npmAuditJson, path);
    expect(recordProblems(records)).toEqual([]);
    const findings = findingsOf(records);
    const expected = expectedCount(DEFECTDOJO, entry);
    if (expected !== null) expect(findings).toHaveLength(expected);
    for (const group of assertedGroups(entry.asserted_fields ?? [])) {
      // DefectDojo rates an npm 7 package by its entry's severity; we rate each of its advisories.
      const checked = comparable(group, entry.tool === 'npm_audit_7_plus' ? CHECKED.filter((f) => f !== 'severity') : CHECKED);
      if (checked.length === 0) continue;
      expect(findings.some((f) => checked.every((a) => fieldAgrees(f, a.field, a.value))), JSON.stringify(checked)).toBe(true);
    }
  });

  it('accepts no other tool\'s file of the corpus, npm 6 reports in yarn\'s folder aside', async () => {
    const others = corpusFiles().filter((f) => !DEFECTDOJO.tools.some((t) => corpusFolder(f) === `defectdojo/${t}`));
    const accepted = [];
    for (const f of others) if (npmAuditJson.accepts(await openReportFile(f))) accepted.push(f.slice(f.indexOf('defectdojo/')));
    expect(accepted.sort()).toEqual(YARN_NPM_SHAPED);
    await expect(readRecords(npmAuditJson, join(DOJO_DIR, 'snyk', 'single_project_one_vuln.json')))
      .rejects.toThrow(/single_project_one_vuln\.json: npm audit report field advisories/);
  });
});
