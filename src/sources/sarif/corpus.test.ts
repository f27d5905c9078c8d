import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FindingInput } from '../../model/index.js';
import { openReportFile } from '../report-file.js';
import {
  assertedGroups, corpusFiles, corpusFolder, dojoEntries, DOJO_DIR, expectedCount, fieldAgrees, findingsOf, occurrencesOf,
  readRecords, recordProblems, type DojoAsserted,
} from '../shared/dojo-corpus.js';
import { trivyJson } from '../trivy/parser.js';
import { DEFECTDOJO } from './defectdojo.js';
import { sarif } from './parser.js';

const entries = dojoEntries(DEFECTDOJO);
const GOLDEN = join(DOJO_DIR, '..', 'trivy-golden');

/**
 * The DefectDojo fields we compare. DefectDojo keeps URIs as written (`file:///home/x/repo/a.sh`) where we
 * make them relative to the checkout (`a.sh`); it rates `note` results Info where we say low (Info is not
 * compared); it shortens titles to 150 characters (`...[...]`, not compared); dates and its own ids have
 * no counterpart.
 */
function comparable(a: DojoAsserted): boolean {
  if (a.field === 'severity') return a.value !== 'Info';
  if (a.field === 'title') return !String(a.value).endsWith('[...]');
  return ['file_path', 'line', 'vuln_id_from_tool', 'mitigation', 'cwe', 'unsaved_cwes', 'unsaved_vulnerability_ids'].includes(a.field);
}

function agrees(f: FindingInput, a: DojoAsserted): boolean {
  const occ = occurrencesOf(f);
  switch (a.field) {
    case 'file_path': {
      const want = String(a.value).replace(/^file:\/+/, '/');
      return occ.some((o) => typeof o.path === 'string' && want.endsWith(o.path));
    }
    case 'line': return occ.some((o) => o.startLine === a.value);
    case 'title': return f.title === a.value;
    case 'vuln_id_from_tool': return f.ruleId === a.value;
    case 'mitigation': return f.remediation === a.value;
    default: return fieldAgrees(f, a.field, a.value);
  }
}

/** Messages of the results a SARIF file suppresses: a non-empty `suppressions` with no entry under review or rejected. */
function suppressedMessages(path: string): Set<string> {
  type Raw = { runs?: { results?: { message?: { text?: string }; suppressions?: { status?: string }[] | null }[] }[] };
  const doc = JSON.parse(readFileSync(path, 'utf8')) as Raw;
  const out = new Set<string>();
  for (const r of (doc.runs ?? []).flatMap((run) => run.results ?? [])) {
    const s = r.suppressions ?? [];
    if (s.length && !s.some((x) => x.status === 'underReview' || x.status === 'rejected') && r.message?.text) out.add(r.message.text);
  }
  return out;
}

describe.skipIf(entries.length === 0)(entries.length ? 'sarif on DefectDojo\'s SARIF samples (../shared/corpus/defectdojo/sarif)'
  : 'sarif DefectDojo samples: skipped, ../shared/corpus/defectdojo not found', () => {
  it('lists differences only for files of its folder', () => {
    for (const d of DEFECTDOJO.differences) expect(entries.map((e) => e.path)).toContain(d.file);
  });

  it.each(entries.map((e) => [e.path, e] as const))('%s', async (_name, entry) => {
    const path = join(DOJO_DIR, entry.path);
    expect(sarif.accepts(await openReportFile(path))).toBe(true);
    const records = await readRecords(sarif, path);
    expect(recordProblems(records)).toEqual([]);
    const findings = findingsOf(records);
    const expected = expectedCount(DEFECTDOJO, entry);
    if (expected !== null) expect(findings).toHaveLength(expected);
    const suppressed = suppressedMessages(path);
    for (const group of assertedGroups(entry.asserted_fields ?? [])) {
      const checks = group.filter(comparable);
      if (checks.length === 0 || findings.length === 0) continue; // a file whose only result is suppressed
      const title = checks.find((a) => a.field === 'title')?.value;
      // A result DefectDojo imports inactive because it is suppressed is no finding of ours.
      if (typeof title === 'string' && suppressed.has(title)) expect(findings.map((f) => f.title)).not.toContain(title);
      else expect(findings.some((f) => checks.every((a) => agrees(f, a))), JSON.stringify(checks)).toBe(true);
    }
  });

  it('leaves suppressed results out and keeps the others', async () => {
    const findings = findingsOf(await readRecords(sarif, join(DOJO_DIR, 'sarif', 'suppression_test.sarif')));
    expect(findings.map((f) => f.title)).not.toContain('Suppressed');
    expect(findings.length).toBeGreaterThan(0);
  });

  it('keeps every location of a multi-location result in evidence', async () => {
    const findings = findingsOf(await readRecords(sarif, join(DOJO_DIR, 'sarif', 'mobsfscan.json')));
    const most = Math.max(...findings.map((f) => (Array.isArray(f.evidence?.locations) ? f.evidence.locations.length : 1)));
    expect(most).toBe(8);
  });

  it('never stores a secret a gitleaks SARIF log quotes', async () => {
    const path = join(DOJO_DIR, 'sarif', 'gitleaks_7.5.0.sarif');
    const raw = JSON.parse(readFileSync(path, 'utf8')) as { runs: { results: { properties?: { offender?: string } }[] }[] };
    const secrets = raw.runs.flatMap((r) => r.results).map((r) => r.properties?.offender ?? '').filter((s) => s.length > 8);
    expect(secrets.length).toBeGreaterThan(0);
    const out = JSON.stringify(await readRecords(sarif, path));
    for (const s of secrets) expect(out).not.toContain(s);
  });

  it('accepts SARIF logs wherever they are in the corpus, and no other file', async () => {
    const others = corpusFiles().filter((f) => corpusFolder(f) !== 'defectdojo/sarif');
    expect(others.length).toBeGreaterThan(100);
    const isSarif = (f: string) => {
      try {
        const doc = JSON.parse(readFileSync(f, 'utf8')) as { runs?: { tool?: unknown }[] };
        return Array.isArray(doc.runs) && doc.runs.every((r) => r.tool);
      } catch {
        return false;
      }
    };
    for (const f of others) {
      const accepted = sarif.accepts(await openReportFile(f));
      expect(accepted, f).toBe(accepted && isSarif(f));
      if (accepted) expect(recordProblems(await readRecords(sarif, f)), f).toEqual([]);
    }
  });
});

describe.skipIf(!existsSync(join(GOLDEN, 'alpine-310.sarif.golden')))('sarif from Trivy (../shared/corpus/trivy-golden)', () => {
  it('puts the vulnerabilities on the image Trivy\'s JSON names, with the same advisories', async () => {
    const fromSarif = await readRecords(sarif, join(GOLDEN, 'alpine-310.sarif.golden'));
    const fromJson = await readRecords(trivyJson, join(GOLDEN, 'alpine-310.json.golden'));
    const image = (rs: typeof fromSarif) => rs.flatMap((r) => (r.type === 'asset' && r.asset.kind === 'container.image' ? [r.asset] : []));
    // The same asset; the SARIF log only names it (a reference), Trivy's JSON defines it.
    expect(image(fromSarif).map((a) => [a.uid, a.reference])).toEqual(image(fromJson).map((a) => [a.uid, true]));
    const ids = (rs: typeof fromSarif) => [...new Set(findingsOf(rs).filter((f) => f.kind === 'vuln').map((f) => f.advisoryId))].sort();
    expect(ids(fromSarif)).toEqual(ids(fromJson));
    for (const f of findingsOf(fromSarif)) expect(f.properties?.packageName).toMatch(/^lib(crypto|ssl)1\.1$/);
  });
});
