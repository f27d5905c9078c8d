import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FindingInput } from '../../model/index.js';
import { openReportFile } from '../report-file.js';
import {
  assertedGroups, corpusFiles, corpusFolder, dojoEntries, DOJO_DIR, expectedCount, fieldAgrees, findingsOf, occurrencesOf,
  readRecords, recordProblems, type DojoAsserted,
} from '../shared/dojo-corpus.js';
import { DEFECTDOJO } from './defectdojo.js';
import { kicsJson } from './parser.js';

const entries = dojoEntries(DEFECTDOJO);
const COMPARED = ['severity', 'file_path', 'title', 'line', 'mitigation', 'component_name'];

/** DefectDojo titles a KICS finding `<category>: <query>`; ours is the query. Its mitigation is the expected value. */
function agrees(f: FindingInput, a: DojoAsserted): boolean {
  const occ = occurrencesOf(f);
  switch (a.field) {
    case 'severity': case 'file_path': return fieldAgrees(f, a.field, a.value);
    case 'title': return String(a.value).endsWith(`: ${f.title}`);
    case 'line': return occ.some((o) => o.startLine === a.value);
    case 'mitigation': return f.remediation === a.value;
    case 'component_name': return f.properties?.platform === a.value;
    default: throw new Error(`not compared: ${a.field}`);
  }
}

describe.skipIf(entries.length === 0)(entries.length ? 'kics-json on DefectDojo\'s samples (../shared/corpus/defectdojo/kics)'
  : 'kics-json DefectDojo samples: skipped, ../shared/corpus/defectdojo not found', () => {
  it('lists differences only for files of its folder', () => {
    for (const d of DEFECTDOJO.differences) expect(entries.map((e) => e.path)).toContain(d.file);
  });

  it.each(entries.map((e) => [e.path, e] as const))('%s', async (_name, entry) => {
    const path = join(DOJO_DIR, entry.path);
    expect(kicsJson.accepts(await openReportFile(path))).toBe(true);
    const records = await readRecords(kicsJson, path);
    expect(recordProblems(records)).toEqual([]);
    const findings = findingsOf(records);
    const expected = expectedCount(DEFECTDOJO, entry);
    if (expected !== null) expect(findings).toHaveLength(expected);
    for (const group of assertedGroups(entry.asserted_fields ?? [])) {
      const checks = group.filter((a) => COMPARED.includes(a.field));
      if (checks.length) expect(findings.some((f) => checks.every((a) => agrees(f, a))), JSON.stringify(checks)).toBe(true);
    }
  });

  it('says the scan was partial when KICS could not parse every file', async () => {
    const records = await readRecords(kicsJson, join(DOJO_DIR, 'kics', 'many_findings.json'));
    expect(records.filter((r) => r.type === 'coverage')).toMatchObject([{ coverage: 'partial', error: 'KICS: 1 of 15 file(s) were not parsed' }]);
  });

  it('accepts no other tool\'s file of the corpus', async () => {
    const others = corpusFiles().filter((f) => corpusFolder(f) !== 'defectdojo/kics');
    expect(others.length).toBeGreaterThan(100);
    const accepted = [];
    for (const f of others) if (kicsJson.accepts(await openReportFile(f))) accepted.push(f);
    expect(accepted).toEqual([]);
  });
});
