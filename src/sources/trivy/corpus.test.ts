import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AssetDraft, FindingDraft, PackageDraft, type FindingInput, type NormalizedRecord } from '../../model/index.js';
import { openReportFile } from '../report-file.js';
import { trivyJson } from './parser.js';

/**
 * Trivy's own integration goldens (see ../shared/corpus/trivy-golden/README.md): for every `trivy-json`
 * golden, our records must account for each result's vulnerabilities, failed misconfigurations, secrets
 * and packages exactly as index.json counts them, and for the same vulnerability ids.
 *
 * Deliberate difference: one CVE in one package reported under two targets of one artifact (gomod*:
 * go.mod and submod/go.mod) is ONE finding (one fingerprint) whose evidence.occurrences lists each
 * target; so counts are compared on sightings (occurrences), and findings are checked to be unique.
 */
const GOLDEN = join(process.cwd(), '..', 'shared', 'corpus', 'trivy-golden');
const DOJO = join(process.cwd(), '..', 'shared', 'corpus', 'defectdojo');

interface GoldenResult { Target: string; Class: string; vulns: number; misconfigs: number; secrets: number; packages: number }
interface GoldenEntry { file: string; format: string; ArtifactType?: string; results?: GoldenResult[]; vuln_ids?: string[] }

async function parseFile(path: string): Promise<NormalizedRecord[]> {
  const file = await openReportFile(path);
  expect(trivyJson.accepts(file), `${path} should be accepted`).toBe(true);
  const out: NormalizedRecord[] = [];
  for await (const r of trivyJson.parse(file)) out.push(r);
  return out;
}

/** Each place a finding was reported: its occurrences, or the finding's own evidence when seen once. */
function sightings(f: FindingInput): Record<string, unknown>[] {
  const ev = f.evidence ?? {};
  return Array.isArray(ev.occurrences) ? (ev.occurrences as Record<string, unknown>[]) : [ev];
}

function countBy(records: NormalizedRecord[], kind: FindingInput['kind']): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of records) {
    if (r.type !== 'finding' || r.finding.kind !== kind) continue;
    for (const s of sightings(r.finding)) m.set(String(s.target), (m.get(String(s.target)) ?? 0) + 1);
  }
  return m;
}

/** Every record passes the model schemas, every item's scope has a coverage statement. */
function expectValid(records: NormalizedRecord[]) {
  const covered = new Set(records.filter((r) => r.type === 'coverage').map((r) => r.scope));
  for (const r of records) {
    if (r.type !== 'coverage') expect(covered.has(r.scope), `scope ${r.scope} has coverage`).toBe(true);
    if (r.type === 'asset') AssetDraft.parse(r.asset);
    if (r.type === 'package') PackageDraft.parse(r.package);
    if (r.type === 'finding') FindingDraft.parse(r.finding);
  }
  const fps = records.flatMap((r) => (r.type === 'finding' ? [r.finding.fingerprint] : []));
  expect(new Set(fps).size).toBe(fps.length);
}

const index = existsSync(join(GOLDEN, 'index.json'))
  ? (JSON.parse(readFileSync(join(GOLDEN, 'index.json'), 'utf8')) as { files: GoldenEntry[] }).files
  : [];
const goldens = index.filter((g) => g.format === 'trivy-json');

describe.skipIf(goldens.length === 0)(goldens.length ? 'trivy-json against Trivy\'s goldens (../shared/corpus/trivy-golden)'
  : 'trivy-json goldens: skipped, ../shared/corpus/trivy-golden not found', () => {
  it('covers every trivy-json golden', () => {
    expect(goldens.length).toBeGreaterThan(80);
  });

  it.each(goldens.map((g) => [g.file, g] as const))('%s', async (_name, golden) => {
    const records = await parseFile(join(GOLDEN, golden.file));
    expectValid(records);

    // Per target: the golden counts, summed over results (a target can be both a config and a secret result).
    const want = { vuln: new Map<string, number>(), config: new Map<string, number>(), secret: new Map<string, number>(), packages: new Map<string, number>() };
    const add = (m: Map<string, number>, k: string, n: number) => { if (n) m.set(k, (m.get(k) ?? 0) + n); };
    for (const r of golden.results ?? []) {
      add(want.vuln, r.Target, r.vulns);
      add(want.config, r.Target, r.misconfigs);
      add(want.secret, r.Target, r.secrets);
      add(want.packages, r.Class === 'os-pkgs' ? '' : r.Target, r.packages);
    }
    expect(countBy(records, 'vuln')).toEqual(want.vuln);
    expect(countBy(records, 'config')).toEqual(want.config);
    expect(countBy(records, 'secret')).toEqual(want.secret);
    const pkgs = new Map<string, number>();
    for (const r of records) if (r.type === 'package') pkgs.set(r.package.path ?? '', (pkgs.get(r.package.path ?? '') ?? 0) + 1);
    expect(pkgs).toEqual(want.packages);

    const ids = [...new Set(records.flatMap((r) => (r.type === 'finding' && r.finding.kind === 'vuln' ? [r.finding.originalId] : [])))].sort();
    expect(ids).toEqual([...(golden.vuln_ids ?? [])].sort());

    const assets = records.filter((r) => r.type === 'asset' && !r.asset.reference);
    expect(assets).toHaveLength(1);
    if (golden.ArtifactType === 'container_image') expect(assets[0]).toMatchObject({ asset: { kind: 'container.image' } });
  });

  it('never lets a secret or its surrounding lines through', async () => {
    for (const g of goldens) {
      const raw = JSON.parse(readFileSync(join(GOLDEN, g.file), 'utf8')) as { Results?: { Secrets?: { Code?: { Lines?: { Content?: string }[] } }[] }[] };
      const lines = (raw.Results ?? []).flatMap((r) => r.Secrets ?? []).flatMap((s) => s.Code?.Lines ?? [])
        .map((l) => l.Content ?? '').filter((c) => c.length > 8);
      if (lines.length === 0) continue;
      const out = JSON.stringify(await parseFile(join(GOLDEN, g.file)));
      for (const line of lines) expect(out).not.toContain(line);
      expect(out).not.toContain('ghp_0123456789');
    }
  });
});

interface DojoEntry { tool: string; file: string; path: string; raw_record_count_def?: string }
const dojo = existsSync(join(DOJO, 'index.json'))
  ? (JSON.parse(readFileSync(join(DOJO, 'index.json'), 'utf8')) as DojoEntry[]).filter((e) => e.tool === 'trivy')
  : [];

describe.skipIf(dojo.length === 0)(dojo.length ? 'trivy-json on DefectDojo\'s Trivy samples (../shared/corpus/defectdojo/trivy)'
  : 'trivy-json DefectDojo samples: skipped, ../shared/corpus/defectdojo not found', () => {
  it.each(dojo.map((e) => [e.file, e] as const))('%s', async (_name, entry) => {
    const path = join(DOJO, entry.path);
    const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    const isV2 = typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'SchemaVersion' in raw && 'Results' in raw;
    const file = await openReportFile(path);
    // Legacy (a bare list) and Kubernetes reports are other formats.
    expect(trivyJson.accepts(file)).toBe(isV2);
    if (!isV2) return;
    const records = await parseFile(path);
    expectValid(records);
    // e.g. "vulns=8 misconfigs(non-PASS)=0 secrets=0 licenses=0"
    const counts = new Map<string, number>();
    for (const m of (entry.raw_record_count_def ?? '').matchAll(/([a-z]+)(?:\(non-PASS\))?=(\d+)/g)) counts.set(m[1]!, Number(m[2]));
    const results = (raw as { Results: { Vulnerabilities?: { Status?: string }[] }[] }).Results;
    const notAffected = results.flatMap((r) => r.Vulnerabilities ?? []).filter((v) => v.Status === 'not_affected').length;
    const total = (kind: FindingInput['kind']) => [...countBy(records, kind).values()].reduce((a, b) => a + b, 0);
    expect(total('vuln')).toBe((counts.get('vulns') ?? 0) - notAffected);
    expect(total('config')).toBe(counts.get('misconfigs') ?? 0);
    expect(total('secret')).toBe(counts.get('secrets') ?? 0);
  });
});
