import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { FindingInput } from '../../model/index.js';
import {
  assertionGroups, checkGroups, corpusReports, DOJO_DIR, dojoEntries, findingsOf, isEmptyReport, parseWith, recordProblems, severityCheck,
} from '../prowler/dojo-corpus.js';
import { openReportFile } from '../report-file.js';
import { DEFECTDOJO } from './defectdojo.js';
import { asffJson } from './parser.js';

/** The corpus files that are ASFF: DefectDojo's ASFF and Security Hub samples, and Trivy's ASFF goldens. */
const isAsff = (path: string) => (path.endsWith('.json') && DEFECTDOJO.tools.some((t) => path.includes(`/defectdojo/${t}/`)))
  || (path.includes('/trivy-golden/') && path.endsWith('.asff.golden'));
const entries = dojoEntries(DEFECTDOJO.tools).filter((e) => isAsff(join(DOJO_DIR, e.path)));

const vectors = (f: FindingInput) => (Array.isArray(f.properties?.cvss) ? (f.properties.cvss as { vector?: unknown }[]).map((c) => c.vector) : []);
const checks = {
  // DefectDojo appends the resource to the title: `CVE-2022-3643 - kernel - Resource: i-111...`.
  title: (f: FindingInput, v: unknown) => typeof v === 'string' && (v === f.title || v.startsWith(`${f.title} - `)),
  severity: severityCheck,
  'unsaved_vulnerability_ids[0]': (f: FindingInput, v: unknown) => f.advisoryId === v,
  cvssv3: (f: FindingInput, v: unknown) => vectors(f).includes(v),
  epss_score: (f: FindingInput, v: unknown) => f.properties?.epss === Number(v),
  references: (f: FindingInput, v: unknown) => JSON.stringify(f.properties ?? {}).includes(JSON.stringify(v)),
};

describe.skipIf(entries.length === 0)(entries.length ? 'asff-json on DefectDojo\'s ASFF and Security Hub samples'
  : 'asff-json DefectDojo samples: skipped, ../shared/corpus/defectdojo not found', () => {
  it('lists only differences for files it has', () => {
    for (const d of DEFECTDOJO.differences) expect(entries.map((e) => e.path)).toContain(d.file);
  });

  it.each(entries.map((e) => [e.path, e] as const))('%s', async (_path, entry) => {
    const path = join(DOJO_DIR, entry.path);
    if (entry.expected_error) {
      await expect(parseWith(asffJson, path)).rejects.toThrow(MothershipError);
      return;
    }
    expect(asffJson.accepts(await openReportFile(path))).toBe(!isEmptyReport(path));
    const records = await parseWith(asffJson, path);
    expect(recordProblems(records)).toEqual([]);
    const findings = findingsOf(records);
    const diff = DEFECTDOJO.differences.find((d) => d.file === entry.path);
    if (diff) expect(findings).toHaveLength(diff.ours);
    else if (entry.expected_findings !== null) expect(findings).toHaveLength(entry.expected_findings);
    const result = checkGroups(findings, assertionGroups(entry), ['title', 'unsaved_vulnerability_ids[0]'], checks);
    expect(result.failures).toEqual([]);
    if (!diff) expect(result.unmatched).toEqual([]);
  });

  it('claims exactly the ASFF reports of the corpus, Trivy\'s ASFF output included', async () => {
    for (const path of corpusReports()) {
      expect(asffJson.accepts(await openReportFile(path)), path).toBe(isAsff(path) && !isEmptyReport(path));
    }
  });
});
