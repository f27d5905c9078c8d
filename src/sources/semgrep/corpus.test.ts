import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { FindingInput } from '../../model/index.js';
import { memoryReportFile, openReportFile } from '../report-file.js';
import {
  assertedGroups, corpusFiles, corpusFolder, dojoEntries, DOJO_DIR, expectedCount, fieldAgrees, findingsOf, occurrencesOf,
  readRecords, recordProblems, type DojoAsserted,
} from '../shared/dojo-corpus.js';
import { DEFECTDOJO } from './defectdojo.js';
import { semgrepJson } from './parser.js';

const entries = dojoEntries(DEFECTDOJO);
const COMPARED = ['severity', 'file_path', 'line', 'cwe', 'unsaved_cwes', 'vuln_id_from_tool', 'mitigation'];

function agrees(f: FindingInput, a: DojoAsserted): boolean {
  const occ = occurrencesOf(f);
  if (a.field === 'line') return occ.some((o) => o.startLine === a.value);
  if (a.field === 'mitigation') return f.remediation === a.value;
  return fieldAgrees(f, a.field, a.value);
}

const unsupported = new Set(DEFECTDOJO.differences.filter((d) => d.reason.includes('rejected')).map((d) => d.file));

describe.skipIf(entries.length === 0)(entries.length ? 'semgrep-json on DefectDojo\'s samples (../shared/corpus/defectdojo/semgrep)'
  : 'semgrep-json DefectDojo samples: skipped, ../shared/corpus/defectdojo not found', () => {
  it('lists differences only for files of its folder', () => {
    for (const d of DEFECTDOJO.differences) expect(entries.map((e) => e.path)).toContain(d.file);
  });

  it.each(entries.map((e) => [e.path, e] as const))('%s', async (_name, entry) => {
    const path = join(DOJO_DIR, entry.path);
    if (unsupported.has(entry.path)) {
      expect(semgrepJson.accepts(await openReportFile(path))).toBe(false);
      const e = await readRecords(semgrepJson, path).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(MothershipError);
      expect((e as MothershipError).code).toBe('UNSUPPORTED');
      expect((e as MothershipError).message).toContain(entry.file);
      return;
    }
    expect(semgrepJson.accepts(await openReportFile(path))).toBe(true);
    const records = await readRecords(semgrepJson, path);
    expect(recordProblems(records)).toEqual([]);
    const findings = findingsOf(records);
    const expected = expectedCount(DEFECTDOJO, entry);
    if (expected !== null) expect(findings).toHaveLength(expected);
    for (const group of assertedGroups(entry.asserted_fields ?? [])) {
      const checks = group.filter((a) => COMPARED.includes(a.field));
      if (checks.length) expect(findings.some((f) => checks.every((a) => agrees(f, a))), JSON.stringify(checks)).toBe(true);
    }
  });

  it('keeps a finding when its code moves to another line (Semgrep\'s fingerprint)', async () => {
    // One repository scanned twice: the same report name, so the same asset.
    const fps = async (file: string) => {
      const text = readFileSync(join(DOJO_DIR, 'semgrep', file), 'utf8');
      const out = [];
      for await (const r of semgrepJson.parse(memoryReportFile('semgrep.json', text))) if (r.type === 'finding') out.push(r.finding.fingerprint);
      return out.sort();
    };
    expect(await fps('semgrep_version_1_30_0_line_27.json')).toEqual(await fps('semgrep_version_1_30_0_line_26.json'));
    expect(await fps('close_old_findings_report_second_run_line24.json')).toEqual(await fps('close_old_findings_report_line31.json'));
    expect(await fps('close_old_findings_report_third_run_different_unique_id.json')).not.toEqual(await fps('close_old_findings_report_line31.json'));
  });

  it('accepts no other tool\'s file of the corpus', async () => {
    const others = corpusFiles().filter((f) => corpusFolder(f) !== 'defectdojo/semgrep');
    expect(others.length).toBeGreaterThan(100);
    const accepted = [];
    for (const f of others) if (semgrepJson.accepts(await openReportFile(f))) accepted.push(f);
    expect(accepted).toEqual([]);
  });
});
