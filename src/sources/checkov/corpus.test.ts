import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FindingInput } from '../../model/index.js';
import { openReportFile } from '../report-file.js';
import {
  assertedGroups, corpusFiles, corpusFolder, dojoEntries, DOJO_DIR, expectedCount, fieldAgrees, findingsOf, occurrencesOf,
  readRecords, recordProblems, type DojoAsserted,
} from '../shared/dojo-corpus.js';
import { DEFECTDOJO } from './defectdojo.js';
import { checkovJson } from './parser.js';

const entries = dojoEntries(DEFECTDOJO);
const COMPARED = ['severity', 'file_path', 'line', 'component_name'];

/** DefectDojo's `component_name` is Checkov's resource; its `line` the first line of the range (0 when none). */
function agrees(f: FindingInput, a: DojoAsserted): boolean {
  const occ = occurrencesOf(f);
  switch (a.field) {
    case 'severity': case 'file_path': return fieldAgrees(f, a.field, a.value);
    case 'line': return occ.some((o) => (o.startLine ?? 0) === a.value);
    case 'component_name': return occ.some((o) => o.resource === a.value);
    default: throw new Error(`not compared: ${a.field}`);
  }
}

describe.skipIf(entries.length === 0)(entries.length ? 'checkov-json on DefectDojo\'s samples (../shared/corpus/defectdojo/checkov)'
  : 'checkov-json DefectDojo samples: skipped, ../shared/corpus/defectdojo not found', () => {
  it('lists differences only for files of its folder', () => {
    for (const d of DEFECTDOJO.differences) expect(entries.map((e) => e.path)).toContain(d.file);
  });

  it.each(entries.map((e) => [e.path, e] as const))('%s', async (_name, entry) => {
    const path = join(DOJO_DIR, entry.path);
    expect(checkovJson.accepts(await openReportFile(path))).toBe(true);
    const records = await readRecords(checkovJson, path);
    expect(recordProblems(records)).toEqual([]);
    const findings = findingsOf(records);
    const expected = expectedCount(DEFECTDOJO, entry);
    if (expected !== null) expect(findings).toHaveLength(expected);
    else expect(findings.length).toBeGreaterThan(2); // DefectDojo's test asserts a bound only
    for (const group of assertedGroups(entry.asserted_fields ?? [])) {
      const checks = group.filter((a) => COMPARED.includes(a.field));
      if (checks.length) expect(findings.some((f) => checks.every((a) => agrees(f, a))), JSON.stringify(checks)).toBe(true);
    }
    expect(findings.every((f) => f.kind === 'config')).toBe(true);
  });

  it('rates a check without severity medium, and keeps Checkov\'s severity when it has one', async () => {
    const one = findingsOf(await readRecords(checkovJson, join(DOJO_DIR, 'checkov', 'checkov-report-1-vuln.json')));
    expect(one.map((f) => f.severity)).toEqual(['medium']);
    const rated = findingsOf(await readRecords(checkovJson, join(DOJO_DIR, 'checkov', 'checkov-report-severity.json')));
    expect(rated.map((f) => `${f.ruleId}:${f.severity}`).sort()).toEqual(['CKV_GCP_28:high', 'CKV_GCP_29:medium', 'CKV_GCP_62:medium', 'CKV_GCP_78:low']);
  });

  it('accepts no other tool\'s file of the corpus', async () => {
    const others = corpusFiles().filter((f) => corpusFolder(f) !== 'defectdojo/checkov');
    expect(others.length).toBeGreaterThan(100);
    const accepted = [];
    for (const f of others) if (checkovJson.accepts(await openReportFile(f))) accepted.push(f);
    expect(accepted).toEqual([]);
  });
});
