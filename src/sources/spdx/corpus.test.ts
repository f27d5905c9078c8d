import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import { AssetDraft, FindingDraft, PackageDraft, type NormalizedRecord } from '../../model/index.js';
import { cyclonedxJson } from '../cyclonedx/parser.js';
import { openReportFile } from '../report-file.js';
import { DEFECTDOJO } from './defectdojo.js';
import { spdxJson, spdxTagValue } from './parser.js';

/**
 * SPDX against real documents: DefectDojo's SPDX parser samples (counts, the SPDX 3 refusal), the SBOM
 * samples (package counts of ../shared/corpus/sbom/index.json) and Trivy's SPDX outputs, which must key
 * and list what Trivy's CycloneDX output of the same input does.
 */
const CORPUS = join(process.cwd(), '..', 'shared', 'corpus');
const DOJO = join(CORPUS, 'defectdojo');
const SBOM = join(CORPUS, 'sbom');
const GOLDEN = join(CORPUS, 'trivy-golden');

/** Tag-value files are `.spdx`; everything else here is JSON. */
const parserOf = (path: string) => (path.endsWith('.spdx') ? spdxTagValue : spdxJson);

async function parse(path: string, parser = parserOf(path)): Promise<NormalizedRecord[]> {
  const file = await openReportFile(path);
  expect(parser.accepts(file), `${path} is accepted`).toBe(true);
  const out: NormalizedRecord[] = [];
  for await (const r of parser.parse(file)) out.push(r);
  return out;
}

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
  expect(records.filter((r) => r.type === 'asset' && !r.asset.reference)).toHaveLength(1);
}

const findings = (rs: NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
const packages = (rs: NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'package' ? [r.package] : []));
function subject(rs: NormalizedRecord[]) {
  const a = rs.find((r) => r.type === 'asset');
  if (a?.type !== 'asset') throw new Error('no asset');
  return a.asset;
}

interface Asserted { index: number | '*'; field: string; value: unknown }
interface DojoEntry {
  tool: string; file: string; path: string; expected_findings: number | null;
  expected_error?: { message_contains: string[] }; asserted_fields?: Asserted[];
}
const dojo = existsSync(join(DOJO, 'index.json'))
  ? (JSON.parse(readFileSync(join(DOJO, 'index.json'), 'utf8')) as DojoEntry[]).filter((e) => DEFECTDOJO.tools.includes(e.tool))
  : [];

describe.skipIf(dojo.length === 0)(dojo.length ? 'spdx-json on DefectDojo\'s samples (../shared/corpus/defectdojo/spdx)'
  : 'spdx-json DefectDojo samples: skipped, ../shared/corpus/defectdojo not found', () => {
  it.each(dojo.map((e) => [e.file, e] as const))('%s', async (_name, entry) => {
    const path = join(DOJO, entry.path);
    const diff = DEFECTDOJO.differences.find((d) => d.file === entry.path);
    if (entry.expected_error) {
      const e = await parse(path).then(() => undefined, (err: unknown) => err);
      expect(e).toBeInstanceOf(MothershipError);
      expect((e as MothershipError).code).toBe('UNSUPPORTED');
      for (const part of entry.expected_error.message_contains) expect((e as Error).message).toContain(part);
      return;
    }
    const records = await parse(path);
    expectValid(records);
    expect(findings(records)).toHaveLength(diff ? diff.ours : entry.expected_findings ?? NaN);
    // The fields DefectDojo asserts that our model has: the package, its version, the vulnerability id.
    for (const a of entry.asserted_fields ?? []) {
      const f = findings(records)[a.index === '*' ? 0 : a.index];
      if (a.field === 'component_name') expect(f?.properties?.packageName).toBe(a.value);
      if (a.field === 'component_version') expect((f?.evidence as { installedVersion?: string } | undefined)?.installedVersion).toBe(a.value);
      if (a.field === 'unsaved_vulnerability_ids') expect([f?.advisoryId]).toEqual(a.value);
      if (a.field === 'title') expect(f?.title).toContain(String(a.value).split(' | ').pop());
    }
  });

  it('reads the tag-value document like its JSON twin', async () => {
    const tv = dojo.find((e) => e.file === 'spdx_one_vuln.spdx');
    const json = dojo.find((e) => e.file === 'spdx_one_vuln.json');
    if (!tv || !json) return;
    const a = findings(await parse(join(DOJO, tv.path)));
    const b = findings(await parse(join(DOJO, json.path)));
    expect(a.map((f) => f.fingerprint)).toEqual(b.map((f) => f.fingerprint));
  });

  it('makes one finding per package and id, never from a CPE or an advisory without an id', async () => {
    const entry = dojo.find((e) => e.file === 'spdx_many_vuln.json');
    if (!entry) return;
    const fs = findings(await parse(join(DOJO, entry.path)));
    expect(fs.map((f) => [f.properties?.packageName, f.advisoryId, f.severity]).sort()).toEqual([
      ['alpine-baselayout', 'CVE-2024-10001', 'info'],
      ['alpine-keys', 'CVE-2024-10002', 'info'],
      ['alpine-keys', 'GHSA-jfh8-c2jp-5v3q', 'info'],
    ]);
    const baselayout = fs.find((f) => f.advisoryId === 'CVE-2024-10001');
    expect(baselayout?.properties?.references).toEqual([
      { type: 'advisory', url: 'https://example.com/advisories/CVE-2024-10001', comment: null },
      { type: 'fix', url: 'https://example.com/fixes/CVE-2024-10001', comment: 'Fixed upstream' },
    ]);
    expect(baselayout?.remediation).toBe('See https://example.com/fixes/CVE-2024-10001');
  });
});

interface SbomEntry { file: string; format: string; with_purl?: number }
const sbom = existsSync(join(SBOM, 'index.json'))
  ? (JSON.parse(readFileSync(join(SBOM, 'index.json'), 'utf8')) as SbomEntry[]).filter((e) => e.file.startsWith('spdx/'))
  : [];

describe.skipIf(sbom.length === 0)(sbom.length ? 'spdx-json SBOM samples (../shared/corpus/sbom/spdx)'
  : 'spdx-json SBOM samples: skipped, ../shared/corpus/sbom not found', () => {
  it.each(sbom.filter((e) => /^SPDX-2.*JSON$/.test(e.format)).map((e) => [e.file, e] as const))('%s', async (_name, entry) => {
    const records = await parse(join(SBOM, entry.file));
    expectValid(records);
    // index.json counts the described package too; it is the asset, not one of its packages.
    const subjectCounted = typeof subject(records).properties?.purl === 'string' ? 1 : 0;
    expect(packages(records)).toHaveLength((entry.with_purl ?? 0) - subjectCounted);
  });

  it('refuses SPDX 3 clearly', async () => {
    const entry = sbom.find((e) => e.format.startsWith('SPDX 3'));
    if (!entry) return;
    await expect(parse(join(SBOM, entry.file))).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    await expect(parse(join(SBOM, entry.file))).rejects.toThrow(/does not support SPDX 3/);
  });

  it('finds the advisory of a security reference and keys the described package', async () => {
    const records = await parse(join(SBOM, 'spdx/04-SBOMwSecurity.spdx.json'));
    expect(subject(records)).toMatchObject({ uid: 'pkg:github/spdx/tools-java', kind: 'application' });
    expect(findings(records).map((f) => [f.advisoryId, f.properties?.packageName, f.packagePurl])).toEqual([
      ['CVE-2021-32012', 'xlsx', 'pkg:maven/org.webjars.npm/xlsx@0.16.6'],
    ]);
  });

  it.each(sbom.filter((e) => e.format.endsWith('tag-value')).map((e) => [e.file] as const))('%s (tag-value)', async (file) => {
    const records = await parse(join(SBOM, file));
    expectValid(records);
    const twin = file.replace(/\.spdx$/, '.spdx.json');
    if (!sbom.some((e) => e.file === twin)) return;
    const json = await parse(join(SBOM, twin));
    expect(subject(records).uid).toBe(subject(json).uid);
    expect(packages(records).map((p) => p.purl)).toEqual(packages(json).map((p) => p.purl));
  });

  it('keys Trivy\'s image SPDX like Trivy\'s CycloneDX of the same image', async () => {
    const spdx = await parse(join(SBOM, 'spdx/trivy-centos-7.spdx.json'));
    const cdx = await parse(join(SBOM, 'cyclonedx/trivy-centos-7.cdx.json'), cyclonedxJson);
    expect(subject(spdx).uid).toBe(subject(cdx).uid);
    expect(subject(spdx).kind).toBe('container.image');
    expect(packages(spdx).map((p) => p.purl)).toEqual(packages(cdx).map((p) => p.purl));
  });
});

interface GoldenEntry { file: string; format: string }
const goldens = existsSync(join(GOLDEN, 'index.json'))
  ? (JSON.parse(readFileSync(join(GOLDEN, 'index.json'), 'utf8')) as { files: GoldenEntry[] }).files.filter((g) => g.format === 'spdx-json')
  : [];

describe.skipIf(goldens.length === 0)(goldens.length ? 'spdx-json on Trivy\'s goldens (../shared/corpus/trivy-golden)'
  : 'spdx-json Trivy goldens: skipped, ../shared/corpus/trivy-golden not found', () => {
  it('keys and lists conda like Trivy\'s CycloneDX of the same repository', async () => {
    const spdx = await parse(join(GOLDEN, 'conda-spdx.json.golden'));
    const cdx = await parse(join(GOLDEN, 'conda-cyclonedx.json.golden'), cyclonedxJson);
    expectValid(spdx);
    expect(subject(spdx).uid).toBe(subject(cdx).uid);
    const rows = (rs: NormalizedRecord[]) => packages(rs).map((p) => [p.purl, p.name, p.version, p.ecosystem, (p.licenses ?? []).join()].join(' ')).sort();
    expect(rows(spdx)).toEqual(rows(cdx));
  });

  it('finds the lockfile of Trivy\'s packages through CONTAINS', async () => {
    const records = await parse(join(GOLDEN, 'julia-spdx.json.golden'));
    expectValid(records);
    expect(packages(records).map((p) => [p.name, p.path])).toEqual([['A', 'Manifest.toml'], ['B', 'Manifest.toml'], ['B', 'Manifest.toml']]);
  });
});
