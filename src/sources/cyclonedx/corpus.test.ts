import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import { AssetDraft, FindingDraft, PackageDraft, type FindingInput, type NormalizedRecord, type Parser } from '../../model/index.js';
import { openReportFile } from '../report-file.js';
import { trivyJson } from '../trivy/parser.js';
import { DEFECTDOJO } from './defectdojo.js';
import { cyclonedxJson, cyclonedxXml } from './parser.js';

/**
 * CycloneDX against real tool output: DefectDojo's parser test samples (counts and asserted fields),
 * the SBOM samples (package counts of ../shared/corpus/sbom/index.json), and Trivy's goldens, where the
 * same scan exists as Trivy JSON and as CycloneDX: both must give the same asset, the same packages and
 * the same finding fingerprints.
 */
const CORPUS = join(process.cwd(), '..', 'shared', 'corpus');
const DOJO = join(CORPUS, 'defectdojo');
const SBOM = join(CORPUS, 'sbom');
const GOLDEN = join(CORPUS, 'trivy-golden');

async function parseWith(parser: Parser, path: string): Promise<NormalizedRecord[]> {
  const file = await openReportFile(path);
  const out: NormalizedRecord[] = [];
  for await (const r of parser.parse(file)) out.push(r);
  return out;
}

function parserFor(path: string): Parser {
  return path.endsWith('.xml') ? cyclonedxXml : cyclonedxJson;
}

/** Every record passes the model schemas, every item's scope has a coverage statement, fingerprints are unique. */
function expectValid(records: NormalizedRecord[]) {
  const covered = new Set(records.filter((r) => r.type === 'coverage').map((r) => r.scope));
  for (const r of records) {
    if (r.type !== 'coverage') expect(covered.has(r.scope), `scope ${r.scope} has coverage`).toBe(true);
    if (r.type === 'asset') AssetDraft.parse(r.asset);
    if (r.type === 'package') PackageDraft.parse(r.package);
    if (r.type === 'finding') FindingDraft.parse(r.finding);
  }
  const fps = findings(records).map((f) => f.fingerprint);
  expect(new Set(fps).size).toBe(fps.length);
  const keys = records.flatMap((r) => (r.type === 'package' ? [`${r.package.purl} ${r.package.path ?? ''}`] : []));
  expect(new Set(keys).size).toBe(keys.length);
  expect(records.filter((r) => r.type === 'asset' && !r.asset.reference)).toHaveLength(1);
}

const findings = (records: NormalizedRecord[]) => records.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
const packages = (records: NormalizedRecord[]) => records.flatMap((r) => (r.type === 'package' ? [r.package] : []));
function subject(records: NormalizedRecord[]) {
  const a = records.find((r) => r.type === 'asset');
  if (a?.type !== 'asset') throw new Error('no asset');
  return a.asset;
}
function suppressedCount(records: NormalizedRecord[]): number {
  const sbom = subject(records).properties?.sbom as { suppressed?: unknown[] } | undefined;
  return sbom?.suppressed?.length ?? 0;
}

interface Asserted { index: number | '*'; field: string; value: unknown; where?: string }
interface DojoEntry {
  tool: string; file: string; path: string; expected_findings: number | null;
  expected_error?: { message_contains: string[] }; asserted_fields?: Asserted[];
}

const dojoIndex = existsSync(join(DOJO, 'index.json'))
  ? (JSON.parse(readFileSync(join(DOJO, 'index.json'), 'utf8')) as DojoEntry[]).filter((e) => DEFECTDOJO.tools.includes(e.tool))
  : [];

/** DefectDojo finding fields with a counterpart in our model (`title` only for the id it ends with). */
const MAPPED = new Set(['severity', 'title', 'component_name', 'component_version', 'vuln_id_from_tool', 'unsaved_vulnerability_ids',
  'cvssv3', 'cwe', 'unsaved_cwes', 'mitigation']);
const baseField = (field: string) => field.replace(/\[\d+\]$/, '');

/** Whether our finding agrees with one asserted DefectDojo field. */
function fieldMatches(f: FindingInput, field: string, value: unknown): boolean {
  const p = f.properties ?? {};
  const v = String(value);
  const ids = [f.advisoryId, f.originalId, ...((p.aliases as string[] | undefined) ?? [])];
  const bare = (s: string) => s.replace(/^CVSS:3\.\d\//, '');
  switch (baseField(field)) {
    case 'severity': return f.severity === v.toLowerCase();
    case 'title': {
      // DefectDojo titles by the tool's id; ours by the canonical one when it differs.
      const id = v.split(' | ').pop()!;
      return f.title.includes(id) || (f.originalId === id && f.title.includes(f.advisoryId ?? id));
    }
    case 'component_name': {
      const name = typeof p.packageName === 'string' ? p.packageName : '';
      return name === v || name.endsWith(`:${v}`) || name.endsWith(`/${v}`);
    }
    case 'component_version': return (f.evidence as { installedVersion?: string } | undefined)?.installedVersion === v;
    case 'vuln_id_from_tool': return f.originalId === v;
    case 'unsaved_vulnerability_ids': return ids.includes(v);
    case 'cvssv3': return ((p.ratings as { vector: string | null }[] | undefined) ?? []).some((r) => r.vector !== null && bare(r.vector) === bare(v));
    case 'cwe': return ((p.cweIds as string[] | undefined) ?? []).includes(`CWE-${v}`);
    case 'unsaved_cwes': return JSON.stringify(p.cweIds) === JSON.stringify((value as number[]).map((n) => `CWE-${n}`));
    case 'mitigation': return (f.remediation ?? '').trim() === v.trim();
    default: return false;
  }
}

/** The asserted fields grouped per DefectDojo finding: an index, or the vuln id of a `where` clause. */
function groups(asserted: readonly Asserted[]): Asserted[][] {
  const m = new Map<string, Asserted[]>();
  for (const a of asserted) {
    const key = a.index === '*' ? /vuln_id_from_tool == '([^']+)'$/.exec(a.where ?? '')?.[1] ?? '*' : `#${a.index}`;
    m.set(key, [...(m.get(key) ?? []), a]);
  }
  return [...m.values()];
}

describe.skipIf(dojoIndex.length === 0)(dojoIndex.length ? 'CycloneDX on DefectDojo\'s samples (../shared/corpus/defectdojo/cyclonedx)'
  : 'CycloneDX DefectDojo samples: skipped, ../shared/corpus/defectdojo not found', () => {
  it('lists only differences for files that exist', () => {
    for (const d of DEFECTDOJO.differences) expect(dojoIndex.map((e) => e.path)).toContain(d.file);
  });

  it.each(dojoIndex.map((e) => [e.file, e] as const))('%s', async (_name, entry) => {
    const path = join(DOJO, entry.path);
    const parser = parserFor(path);
    expect(parser.accepts(await openReportFile(path))).toBe(true);
    if (entry.expected_error) {
      await expect(parseWith(parser, path)).rejects.toThrow(MothershipError);
      return;
    }
    const records = await parseWith(parser, path);
    expectValid(records);
    const ours = findings(records);
    const diff = DEFECTDOJO.differences.find((d) => d.file === entry.path);
    if (diff) expect(ours).toHaveLength(diff.ours);
    else if (entry.expected_findings !== null) expect(ours).toHaveLength(entry.expected_findings);

    for (const group of groups(entry.asserted_fields ?? [])) {
      const checks = group.filter((a) => MAPPED.has(baseField(a.field)));
      if (checks.length === 0) continue;
      if (diff?.ours === 0) {
        // No finding by design: the vulnerability DefectDojo asserts on is a recorded suppression instead.
        const sbom = subject(records).properties?.sbom as { suppressed: { id: string }[] };
        const id = group.find((a) => a.field === 'vuln_id_from_tool')?.value;
        expect(sbom.suppressed.map((x) => x.id)).toContain(id);
        continue;
      }
      // Our order is not DefectDojo's: the asserted finding is one that satisfies every mapped field.
      const match = ours.find((f) => checks.every((a) => fieldMatches(f, a.field, a.value)));
      expect(match, `${entry.file}: a finding with ${JSON.stringify(checks.map((a) => [a.field, a.value]))}`).toBeDefined();
    }
  });

  it('keeps what a VEX document says is not affected as a suppression, with its reason', async () => {
    const entry = dojoIndex.find((e) => e.file === 'issue_8022.json');
    if (!entry) return;
    const records = await parseWith(cyclonedxJson, join(DOJO, entry.path));
    expect(findings(records)).toHaveLength(0);
    const sbom = subject(records).properties?.sbom as { suppressed: Record<string, unknown>[] };
    expect(sbom.suppressed).toEqual([expect.objectContaining({
      id: 'SNYK-JAVA-COMFASTERXMLJACKSONCORE-32111', advisoryId: 'CVE-2018-7489', state: 'not_affected', justification: 'code_not_reachable',
      package: 'com.fasterxml.jackson.core:jackson-databind',
    })]);
  });
});

interface SbomEntry { file: string; format: string; with_purl?: number; vulnerabilities?: number }
const sbomIndex = existsSync(join(SBOM, 'index.json'))
  ? (JSON.parse(readFileSync(join(SBOM, 'index.json'), 'utf8')) as SbomEntry[]).filter((e) => e.file.startsWith('cyclonedx/'))
  : [];

describe.skipIf(sbomIndex.length === 0)(sbomIndex.length ? 'CycloneDX SBOM samples (../shared/corpus/sbom/cyclonedx)'
  : 'CycloneDX SBOM samples: skipped, ../shared/corpus/sbom not found', () => {
  it.each(sbomIndex.map((e) => [e.file, e] as const))('%s', async (_name, entry) => {
    const path = join(SBOM, entry.file);
    const parser = parserFor(path);
    expect(parser.accepts(await openReportFile(path))).toBe(true);
    const records = await parseWith(parser, path);
    expectValid(records);
    const asset = subject(records);
    if (entry.with_purl !== undefined) {
      // index.json counts XML <component> elements, the metadata one included; JSON counts components[] only.
      const subjectCounted = path.endsWith('.xml') && typeof asset.properties?.purl === 'string' ? 1 : 0;
      expect(packages(records)).toHaveLength(entry.with_purl - subjectCounted);
    }
    if (entry.vulnerabilities !== undefined) expect(findings(records).length + suppressedCount(records)).toBe(entry.vulnerabilities);
    // An SBOM without vulnerabilities claims nothing about them: no findings scope is covered.
    if (!entry.vulnerabilities) expect(records.filter((r) => r.type === 'coverage' && /#(vulnerabilities|vex)$/.test(r.scope))).toEqual([]);
  });

  it('reads the same BOM as JSON and as XML into the same records', async () => {
    if (!sbomIndex.some((e) => e.file === 'cyclonedx/laravel-7.12.0.bom.1.4.xml')) return;
    const json = await parseWith(cyclonedxJson, join(SBOM, 'cyclonedx/laravel-7.12.0.bom.1.4.json'));
    const xml = await parseWith(cyclonedxXml, join(SBOM, 'cyclonedx/laravel-7.12.0.bom.1.4.xml'));
    expect(subject(xml).uid).toBe(subject(json).uid);
    const rows = (rs: NormalizedRecord[]) => packages(rs).map((p) => JSON.stringify(p)).sort();
    expect(rows(xml)).toEqual(rows(json));
  });

  it('keys syft and Trivy images like Trivy does', async () => {
    const byFile = new Map<string, string>();
    for (const e of sbomIndex) byFile.set(e.file, subject(await parseWith(parserFor(e.file), join(SBOM, e.file))).uid);
    expect(byFile.get('cyclonedx/postgres-stretch.cdx.xml')).toBe('docker.io/library/postgres@sha256:84ac18036f93e18c3d8165e4fd9d9885924bb71beeab042dd50443d4f88fcdda');
    expect(byFile.get('cyclonedx/trivy-centos-7.cdx.json')).toBe('image:sha256:f1cb7c7d58b73eac859c395882eec49d50651244e342cd6c68a5c7809785f427');
    expect(byFile.get('cyclonedx/juice-shop-v11.1.2.bom.json')).toBe('pkg:npm/juice-shop');
    expect(byFile.get('cyclonedx/trivy-minikube-kbom.cdx.json')).toBe('k8s:minikube');
  });
});

interface GoldenEntry { file: string; format: string }
const goldens = existsSync(join(GOLDEN, 'index.json'))
  ? (JSON.parse(readFileSync(join(GOLDEN, 'index.json'), 'utf8')) as { files: GoldenEntry[] }).files
  : [];
/** The same scan as CycloneDX and as Trivy JSON. */
const PAIRS: [cdx: string, json: string][] = [
  ['pom-cyclonedx.json.golden', 'pom.json.golden'],
  ['npm-cyclonedx.json.golden', 'npm.json.golden'],
  ['fluentd-multiple-lockfiles-short.cdx.json.golden', 'fluentd-multiple-lockfiles.json.golden'],
  ['fluentd-multiple-lockfiles.cdx.json.golden', 'fluentd-gems.json.golden'],
];

describe.skipIf(goldens.length === 0)(goldens.length ? 'CycloneDX against Trivy\'s goldens (../shared/corpus/trivy-golden)'
  : 'CycloneDX Trivy goldens: skipped, ../shared/corpus/trivy-golden not found', () => {
  it.each(goldens.filter((g) => g.format === 'cyclonedx-json').map((g) => [g.file] as const))('%s is valid', async (file) => {
    expectValid(await parseWith(cyclonedxJson, join(GOLDEN, file)));
  });

  it.each(PAIRS)('%s and %s are one asset with the same findings and packages', async (cdxFile, jsonFile) => {
    const cdx = await parseWith(cyclonedxJson, join(GOLDEN, cdxFile));
    const trivy = await parseWith(trivyJson, join(GOLDEN, jsonFile));
    expect(subject(cdx).uid).toBe(subject(trivy).uid);
    const ids = (rs: NormalizedRecord[]) => findings(rs).map((f) => `${f.advisoryId} ${f.fingerprint}`).sort();
    if (findings(cdx).length > 0) expect(ids(cdx)).toEqual(ids(trivy));
    const trivyPackages = packages(trivy);
    if (trivyPackages.length > 0) {
      const rows = (ps: ReturnType<typeof packages>) => ps.map((p) => [p.purl, p.path, p.name, p.version, p.ecosystem].join(' ')).sort();
      expect(rows(packages(cdx))).toEqual(rows(trivyPackages));
    }
  });
});
