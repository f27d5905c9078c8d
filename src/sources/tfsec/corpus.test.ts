import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FindingInput } from '../../model/index.js';
import { openReportFile } from '../report-file.js';
import {
  assertedGroups, corpusFiles, corpusFolder, dojoEntries, DOJO_DIR, expectedCount, fieldAgrees, findingsOf, occurrencesOf,
  readRecords, recordProblems, type DojoAsserted,
} from '../shared/dojo-corpus.js';
import { DEFECTDOJO } from './defectdojo.js';
import { tfsecJson } from './parser.js';

const entries = dojoEntries(DEFECTDOJO);
const COMPARED = ['severity', 'file_path', 'title', 'line', 'mitigation', 'impact', 'vuln_id_from_tool'];

function agrees(f: FindingInput, a: DojoAsserted): boolean {
  const occ = occurrencesOf(f);
  switch (a.field) {
    case 'severity': case 'file_path': case 'title': return fieldAgrees(f, a.field, a.value);
    case 'line': return occ.some((o) => o.startLine === a.value);
    case 'mitigation': return f.remediation === a.value;
    case 'impact': return f.properties?.impact === a.value;
    case 'vuln_id_from_tool': return f.ruleId === a.value;
    default: throw new Error(`not compared: ${a.field}`);
  }
}

describe.skipIf(entries.length === 0)(entries.length ? 'tfsec-json on DefectDojo\'s samples (../shared/corpus/defectdojo/tfsec)'
  : 'tfsec-json DefectDojo samples: skipped, ../shared/corpus/defectdojo not found', () => {
  it('lists differences only for files of its folder', () => {
    for (const d of DEFECTDOJO.differences) expect(entries.map((e) => e.path)).toContain(d.file);
  });

  it.each(entries.map((e) => [e.path, e] as const))('%s', async (_name, entry) => {
    const path = join(DOJO_DIR, entry.path);
    expect(tfsecJson.accepts(await openReportFile(path))).toBe(true);
    const records = await readRecords(tfsecJson, path);
    expect(recordProblems(records)).toEqual([]);
    const findings = findingsOf(records);
    const expected = expectedCount(DEFECTDOJO, entry);
    if (expected !== null) expect(findings).toHaveLength(expected);
    for (const group of assertedGroups(entry.asserted_fields ?? [])) {
      const checks = group.filter((a) => COMPARED.includes(a.field));
      if (checks.length) expect(findings.some((f) => checks.every((a) => agrees(f, a))), JSON.stringify(checks)).toBe(true);
    }
  });

  it('makes one finding per resource: six module instances of one file line are six, two lines of one resource one', async () => {
    const findings = findingsOf(await readRecords(tfsecJson, join(DOJO_DIR, 'tfsec', 'many_findings_current.json')));
    expect(findings.filter((f) => f.ruleId === 'aws-vpc-no-public-egress-sgr')).toHaveLength(6);
    const acl = findings.filter((f) => f.ruleId === 'aws-vpc-no-excessive-port-access');
    expect(acl.map((f) => occurrencesOf(f).map((o) => o.startLine))).toEqual([[155, 156], [208, 207]]);
  });

  it('accepts no other tool\'s file of the corpus', async () => {
    const others = corpusFiles().filter((f) => corpusFolder(f) !== 'defectdojo/tfsec');
    expect(others.length).toBeGreaterThan(100);
    const accepted = [];
    for (const f of others) if (tfsecJson.accepts(await openReportFile(f))) accepted.push(f);
    expect(accepted).toEqual([]);
  });
});
