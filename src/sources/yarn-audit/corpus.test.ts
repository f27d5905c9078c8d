import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReportFile } from '../report-file.js';
import { npmAuditJson } from '../npm-audit/parser.js';
import { assertedGroups, comparable, corpusFiles, corpusFolder, dojoEntries, DOJO_DIR, expectedCount, fieldAgrees, findingsOf, readRecords, recordProblems } from '../shared/dojo-corpus.js';
import { DEFECTDOJO } from './defectdojo.js';
import { yarnAuditJson } from './parser.js';

/**
 * DefectDojo's yarn audit samples: yarn 1 and yarn 2+ NDJSON read by this parser, npm 6 documents by
 * npm-audit-json (sniffing picks exactly one); counts (or our listed difference), errors, asserted fields.
 */
const entries = dojoEntries(DEFECTDOJO);
/** DefectDojo's asserted findings there are deprecation notices, which are no findings of ours. */
const DEPRECATIONS_ASSERTED = ['yarn_audit/yarn2_audit_issue9911.json'];
const CHECKED = ['severity', 'component_name', 'component_version', 'unsaved_vulnerability_ids', 'cwe', 'unsaved_cwes'];

describe.skipIf(entries.length === 0)(entries.length ? 'yarn-audit-json on DefectDojo\'s samples (../shared/corpus/defectdojo/yarn_audit)'
  : 'yarn-audit-json DefectDojo samples: skipped, ../shared/corpus/defectdojo not found', () => {
  it('lists differences only for files of its folder', () => {
    for (const d of DEFECTDOJO.differences) expect(entries.map((e) => e.path)).toContain(d.file);
  });

  it.each(entries.map((e) => [e.path, e] as const))('%s', async (_name, entry) => {
    const path = join(DOJO_DIR, entry.path);
    const file = await openReportFile(path);
    const parsers = [yarnAuditJson, npmAuditJson].filter((p) => p.accepts(file));
    expect(parsers).toHaveLength(1);
    const parser = parsers[0]!;
    if (entry.expected_error) {
      const error = await readRecords(parser, path).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain(entry.file);
      for (const part of entry.expected_error.message_contains) expect((error as Error).message).toContain(part);
      return;
    }
    const records = await readRecords(parser, path);
    expect(recordProblems(records)).toEqual([]);
    const findings = findingsOf(records);
    const expected = expectedCount(DEFECTDOJO, entry);
    if (expected !== null) expect(findings).toHaveLength(expected);
    if (DEPRECATIONS_ASSERTED.includes(entry.path)) return;
    for (const group of assertedGroups(entry.asserted_fields ?? [])) {
      const checked = comparable(group, CHECKED);
      if (checked.length === 0) continue;
      expect(findings.some((f) => checked.every((a) => fieldAgrees(f, a.field, a.value))), JSON.stringify(checked)).toBe(true);
    }
  });

  it('accepts no other tool\'s file of the corpus', async () => {
    const others = corpusFiles().filter((f) => !DEFECTDOJO.tools.some((t) => corpusFolder(f) === `defectdojo/${t}`));
    const accepted = [];
    for (const f of others) if (yarnAuditJson.accepts(await openReportFile(f))) accepted.push(f);
    expect(accepted).toEqual([]);
  });
});
