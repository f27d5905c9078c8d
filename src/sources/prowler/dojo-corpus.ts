import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AssetDraft, FindingDraft, type FindingInput, type NormalizedRecord, type Parser } from '../../model/index.js';
import { openReportFile } from '../report-file.js';

/**
 * Helpers for the corpus tests of the cloud posture parsers (prowler-*, asff): DefectDojo's test files and their
 * expected counts (../shared/corpus/defectdojo/index.json, see its README). Read at test time, never copied.
 */
export const CORPUS_DIR = join(process.cwd(), '..', 'shared', 'corpus');
export const DOJO_DIR = join(CORPUS_DIR, 'defectdojo');

export interface DojoAssertion {
  index: number | string;
  field: string;
  value: unknown;
}

export interface DojoEntry {
  tool: string;
  file: string;
  path: string;
  expected_findings: number | null;
  expected_error?: { exception: string; message_contains?: string };
  asserted_fields?: DojoAssertion[];
}

/** The index entries of the given DefectDojo tool folders; none when the corpus is absent. */
export function dojoEntries(tools: readonly string[]): DojoEntry[] {
  const index = join(DOJO_DIR, 'index.json');
  if (!existsSync(index)) return [];
  return (JSON.parse(readFileSync(index, 'utf8')) as DojoEntry[]).filter((e) => tools.includes(e.tool));
}

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every report file of the corpus that another parser might claim: DefectDojo's tool folders and Trivy's goldens. */
export function corpusReports(): string[] {
  const roots = [DOJO_DIR, join(CORPUS_DIR, 'trivy-golden')].filter((d) => existsSync(d));
  return roots.flatMap((root) => walk(root)).filter((p) => !/(index\.json|README\.md|LICENSE[^/]*)$/.test(p));
}

/** A report with no results (an empty file, `[]`): its format cannot be told from its content. */
export function isEmptyReport(path: string): boolean {
  const text = readFileSync(path, 'utf8').trim();
  return text === '' || /^\[\s*\]$/.test(text);
}

export async function parseWith(parser: Parser, path: string): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of parser.parse(await openReportFile(path))) out.push(r);
  return out;
}

export function findingsOf(records: readonly NormalizedRecord[]): FindingInput[] {
  return records.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
}

/** DefectDojo's assertions grouped by the finding they are about (its index in DefectDojo's list). */
export function assertionGroups(entry: DojoEntry): Map<string, Map<string, unknown>> {
  const groups = new Map<string, Map<string, unknown>>();
  for (const a of entry.asserted_fields ?? []) {
    // `"i"` marks assertions made in a loop over all findings: each value is its own group.
    const key = a.index === 'i' ? `i:${groups.size}` : String(a.index);
    const last = a.index === 'i' ? [...groups.entries()].pop() : undefined;
    const target = last && last[0].startsWith('i:') && !last[1].has(a.field) ? last[1] : groups.get(key) ?? new Map<string, unknown>();
    target.set(a.field, a.value);
    if (target !== last?.[1]) groups.set(key, target);
  }
  return groups;
}

/** Whether one of our findings has the value DefectDojo asserted for one of its fields. */
export type FieldCheck = (finding: FindingInput, value: unknown) => boolean;

export interface GroupCheck {
  /** Groups whose identifying value matched one of our findings. */
  matched: number;
  /** Groups with no finding of ours (results DefectDojo keeps and we do not, e.g. PASS). */
  unmatched: string[];
  /** Groups matched by their identifying field whose other fields disagree with ours. */
  failures: string[];
}

/**
 * Checks DefectDojo's per-finding assertions against our findings. DefectDojo's list order is its own, so a
 * group is matched by an identifying field (the first of `identify` present: a title, a tool id) and then
 * every other field that `checks` maps must hold for the matched finding.
 */
export function checkGroups(findings: readonly FindingInput[], groups: Map<string, Map<string, unknown>>, identify: readonly string[], checks: Readonly<Record<string, FieldCheck>>): GroupCheck {
  const out: GroupCheck = { matched: 0, unmatched: [], failures: [] };
  for (const [index, fields] of groups) {
    const key = identify.find((k) => fields.has(k) && checks[k]);
    if (!key) continue;
    const value = fields.get(key);
    const candidates = findings.filter((f) => checks[key]!(f, value));
    if (candidates.length === 0) {
      out.unmatched.push(`#${index} ${key}=${JSON.stringify(value)}`);
      continue;
    }
    out.matched++;
    const others = [...fields].filter(([k]) => k !== key && checks[k]);
    if (!candidates.some((f) => others.every(([k, v]) => checks[k]!(f, v)))) {
      out.failures.push(`#${index} ${key}=${JSON.stringify(value)}: ${others.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}`);
    }
  }
  return out;
}

/** DefectDojo's severity words (`Info`, `High`) against ours. */
export const severityCheck: FieldCheck = (f, v) => typeof v === 'string' && f.severity === (v.toLowerCase() === 'informational' ? 'info' : v.toLowerCase());

/**
 * What is wrong with a parser's records, if anything: items that fail the model schemas, items in a scope with
 * no coverage statement, two findings with one fingerprint in one report.
 */
export function recordProblems(records: readonly NormalizedRecord[]): string[] {
  const problems: string[] = [];
  const covered = new Set(records.filter((r) => r.type === 'coverage').map((r) => r.scope));
  const fingerprints = new Set<string>();
  for (const r of records) {
    if (r.type !== 'coverage' && !covered.has(r.scope)) problems.push(`${r.type} in scope ${r.scope} without coverage`);
    if (r.type === 'asset' && !AssetDraft.safeParse(r.asset).success) problems.push(`invalid asset ${r.asset.uid}`);
    if (r.type === 'finding') {
      if (!FindingDraft.safeParse(r.finding).success) problems.push(`invalid finding ${r.finding.fingerprint}`);
      if (fingerprints.has(r.finding.fingerprint)) problems.push(`duplicate fingerprint ${r.finding.fingerprint}`);
      fingerprints.add(r.finding.fingerprint);
    }
  }
  return problems;
}
