import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FindingInput } from '../../model/index.js';
import { openReportFile } from '../report-file.js';
import {
  assertedGroups, corpusFiles, corpusFolder, dojoEntries, DOJO_DIR, expectedCount, findingsOf, occurrencesOf, readRecords,
  recordProblems, type DojoAsserted,
} from '../shared/dojo-corpus.js';
import { DEFECTDOJO } from './defectdojo.js';
import { gitleaksJson } from './parser.js';

const entries = dojoEntries(DEFECTDOJO);

/** DefectDojo titles a leak `Hard Coded <rule>` (v7) or `Hard coded <description> found in <file>` (v8): ours is the rule part. */
function agrees(f: FindingInput, a: DojoAsserted): boolean {
  const occ = occurrencesOf(f);
  if (a.field === 'file_path') return occ.some((o) => o.path === a.value);
  if (a.field === 'line') return occ.some((o) => o.startLine === a.value);
  return String(a.value).toLowerCase().includes(f.title.toLowerCase()); // title
}

describe.skipIf(entries.length === 0)(entries.length ? 'gitleaks-json on DefectDojo\'s samples (../shared/corpus/defectdojo/gitleaks)'
  : 'gitleaks-json DefectDojo samples: skipped, ../shared/corpus/defectdojo not found', () => {
  it('lists differences only for files of its folder', () => {
    for (const d of DEFECTDOJO.differences) expect(entries.map((e) => e.path)).toContain(d.file);
  });

  it.each(entries.map((e) => [e.path, e] as const))('%s', async (_name, entry) => {
    const path = join(DOJO_DIR, entry.path);
    const text = readFileSync(path, 'utf8').trim();
    // `null` (v7 with no leaks) names no tool: it is read when asked for, not claimed by the sniff.
    expect(gitleaksJson.accepts(await openReportFile(path))).toBe(text !== 'null' && text !== '[]');
    const records = await readRecords(gitleaksJson, path);
    expect(recordProblems(records)).toEqual([]);
    const findings = findingsOf(records);
    const expected = expectedCount(DEFECTDOJO, entry);
    if (expected !== null) expect(findings).toHaveLength(expected);
    for (const group of assertedGroups(entry.asserted_fields ?? [])) {
      const checks = group.filter((a) => ['file_path', 'line', 'title'].includes(a.field));
      if (checks.length) expect(findings.some((f) => checks.every((a) => agrees(f, a))), JSON.stringify(checks)).toBe(true);
    }
    // The secret, the match and the matched line never leave the parser.
    const raw = (JSON.parse(text) as Record<string, unknown>[] | null) ?? [];
    const secrets = raw.flatMap((l) => [l.Secret, l.Match, l.offender, l.line]).filter((s): s is string => typeof s === 'string' && s.length >= 8 && s !== 'REDACTED');
    const out = JSON.stringify(records);
    for (const s of secrets) expect(out).not.toContain(s);
  });

  it('makes one finding of a secret found in several commits, each commit an occurrence', async () => {
    const findings = findingsOf(await readRecords(gitleaksJson, join(DOJO_DIR, 'gitleaks', 'gitleaks8_many.json')));
    const aws = findings.find((f) => f.ruleId === 'aws-access-token');
    expect(occurrencesOf(aws!).map((o) => o.commit)).toHaveLength(2);
  });

  it('accepts no other tool\'s file of the corpus', async () => {
    const others = corpusFiles().filter((f) => corpusFolder(f) !== 'defectdojo/gitleaks');
    expect(others.length).toBeGreaterThan(100);
    const accepted = [];
    for (const f of others) if (gitleaksJson.accepts(await openReportFile(f))) accepted.push(f);
    expect(accepted).toEqual([]);
  });
});
