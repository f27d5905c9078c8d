import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MothershipError } from '../../model/errors.js';
import type { NormalizedRecord, ReportFile } from '../../model/index.js';
import { memoryReportFile, openReportFile } from '../report-file.js';
import { trivyJson, trivyJsonParser } from './parser.js';

/** Streams every report, however small: the large-file path on small, readable inputs. */
const streamed = trivyJsonParser({ streamAbove: 0 });

/** A report served in chunks of `size` bytes, so values straddle chunk boundaries. */
function chunked(name: string, text: string, size: number): ReportFile {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return { ...memoryReportFile(name, bytes), stream: () => Readable.from(chunks) as AsyncIterable<Uint8Array> };
}

async function collect(records: AsyncIterable<NormalizedRecord>): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

/** Records in a canonical order: the streamed path emits findings in a different (but immaterial) order. */
const canonical = (rs: NormalizedRecord[]) => rs.map((r) => JSON.stringify(r)).sort();

async function outcome(parse: () => AsyncIterable<NormalizedRecord>): Promise<{ records: string[] } | { code: string }> {
  try {
    return { records: canonical(await collect(parse())) };
  } catch (e) {
    if (e instanceof MothershipError) return { code: e.code };
    throw e;
  }
}

async function failure(text: string, size = 5): Promise<MothershipError> {
  try {
    await collect(streamed.parse(chunked('big.json', text, size)));
  } catch (e) {
    if (e instanceof MothershipError) return e;
    throw e;
  }
  throw new Error('expected the parse to fail');
}

// --- a generated report: OS and lockfile results, one CVE in several lockfiles, misconfigurations, secrets

const TEXT = 'out-of-bounds read in the parser allows remote attackers to cause a denial of service via crafted input. ';

function vulnerability(k: number, pkg: string, target: string) {
  return {
    VulnerabilityID: `CVE-2024-${10000 + k}`, PkgName: pkg, PkgPath: target, InstalledVersion: `1.${k % 7}.0`, FixedVersion: `1.${k % 7}.9, 2.0.1`,
    Status: k % 11 === 0 ? 'not_affected' : 'fixed', Severity: ['LOW', 'HIGH', 'CRITICAL', 'MEDIUM'][k % 4],
    Title: `${pkg}: problem ${k}`, Description: TEXT.repeat(3), CweIDs: [`CWE-${k % 900}`],
    CVSS: { nvd: { V3Score: 5 + (k % 5), V3Vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' } },
    References: [`https://nvd.nist.gov/vuln/detail/CVE-2024-${10000 + k}`, 'https://example.com/a?x=1&y=<2>'],
    Layer: { DiffID: `sha256:${(k % 5).toString().repeat(64)}` },
  };
}

/** The report's text, piece by piece: `results` lockfile results, each with `perResult` vulnerabilities. */
function* reportPieces(results: number, perResult: number): Generator<string> {
  yield JSON.stringify({
    SchemaVersion: 2, CreatedAt: '2026-01-01T00:00:00Z', ArtifactName: 'registry.example.com/big:1', ArtifactType: 'container_image',
    Metadata: { OS: { Family: 'debian', Name: '12.5' }, ImageID: 'sha256:1111', RepoDigests: ['registry.example.com/big@sha256:abcd'] },
  }, null, 2).slice(0, -2);
  yield ',\n  "Results": [\n';
  for (let r = 0; r < results; r++) {
    const target = `app-${r}/package-lock.json`;
    const packages = Array.from({ length: perResult / 4 }, (_, p) => ({ Name: `pkg-${r}-${p}`, Version: '1.0.0', Licenses: ['MIT'] }));
    // Every result shares one package with the next: the same CVEs seen in two lockfiles are one finding each.
    packages.push({ Name: `shared-${r >> 1}`, Version: '1.0.0', Licenses: ['MIT'] });
    const vulns = Array.from({ length: perResult }, (_, v) => (v < 3 ? vulnerability(v, `shared-${r >> 1}`, target) : vulnerability(r * perResult + v, `pkg-${r}-${v % (perResult / 4)}`, target)));
    const result = {
      Target: target, Class: 'lang-pkgs', Type: 'npm', Packages: packages, Vulnerabilities: vulns,
      MisconfSummary: { Successes: 1, Failures: 1 },
      Misconfigurations: r % 5 === 0 ? [{ ID: 'DS002', Title: 'root user', Severity: 'HIGH', Status: 'FAIL', CauseMetadata: { StartLine: r + 1 } }] : [],
      Secrets: r % 7 === 0 ? [{ RuleID: 'aws-access-key-id', Severity: 'CRITICAL', StartLine: 3, Match: 'AWS_KEY=****' }] : undefined,
    };
    yield `${r ? ',\n' : ''}${JSON.stringify(result, null, 2)}`;
  }
  yield '\n  ]\n}\n';
}

const reportText = (results: number, perResult: number) => [...reportPieces(results, perResult)].join('');

describe('streamed trivy-json gives the records of the whole-file path', () => {
  it('on a generated report split into small chunks', async () => {
    const text = reportText(12, 40);
    const whole = await collect(trivyJson.parse(memoryReportFile('r.json', text)));
    const merged = whole.filter((r) => r.type === 'finding' && Array.isArray(r.finding.evidence?.occurrences));
    expect(merged.length).toBeGreaterThan(0); // the report does exercise multi-sighting findings
    for (const size of [7, 4096, 1 << 20]) {
      expect(canonical(await collect(streamed.parse(chunked('r.json', text, size))))).toEqual(canonical(whole));
    }
  });

  it('with a subject given for the artifact', async () => {
    const text = reportText(3, 8);
    const options = { subject: 'image:sha256:feed' };
    const whole = await collect(trivyJson.parse(memoryReportFile('r.json', text), options));
    expect(canonical(await collect(streamed.parse(chunked('r.json', text, 100), options)))).toEqual(canonical(whole));
  });

  const fixtures = [join(import.meta.dirname, 'testdata', 'image-report.json')];
  for (const dir of [join(process.cwd(), '..', 'shared', 'corpus', 'trivy-golden'), join(process.cwd(), '..', 'shared', 'corpus', 'defectdojo', 'trivy')]) {
    if (existsSync(dir)) fixtures.push(...readdirSync(dir).filter((f) => /\.json(\.golden)?$/.test(f)).map((f) => join(dir, f)));
  }
  // Only Trivy JSON reports: the folders hold Trivy's other output formats too.
  const reports = fixtures.filter((f) => trivyJson.accepts({ name: f, head: readFileSync(f).subarray(0, 64 * 1024) }));
  it.each(reports.map((f) => [f.split('/').slice(-2).join('/'), f]))('on %s', async (_name, path) => {
    const file = await openReportFile(path);
    const whole = await outcome(() => trivyJson.parse(file));
    expect(await outcome(() => streamed.parse(file))).toEqual(whole);
    expect(await outcome(() => streamed.parse(chunked(file.name, readFileSync(path, 'utf8'), 3)))).toEqual(whole);
  });
});

describe('streamed trivy-json on hostile input', () => {
  const vuln = { VulnerabilityID: 'CVE-2024-0001', PkgName: 'left-pad', InstalledVersion: '1.0.0', Severity: 'HIGH' };
  const doc = (results: unknown, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ SchemaVersion: 2, ArtifactName: 'app', ArtifactType: 'filesystem', ...extra, Results: results });

  it('drops __proto__ keys at every level without polluting prototypes', async () => {
    const text = `{
      "SchemaVersion": 2, "__proto__": { "polluted": "top" }, "ArtifactName": "evil:1", "ArtifactType": "container_image",
      "Metadata": { "ImageID": "sha256:abc", "__proto__": { "polluted": "metadata" },
        "ImageConfig": { "config": { "Labels": { "a": "1", "__proto__": { "polluted": "labels" } } } } },
      "Results": [ { "__proto__": { "polluted": "result" }, "Target": "package-lock.json", "Class": "lang-pkgs", "Type": "npm",
        "Vulnerabilities": [ { "VulnerabilityID": "CVE-2024-0001", "PkgName": "left-pad", "InstalledVersion": "1.0.0",
          "__proto__": { "polluted": "vuln" }, "VendorSeverity": { "\\u005f_proto__": { "polluted": "vs" }, "nvd": 3 } } ] } ]
    }`;
    const rs = await collect(streamed.parse(chunked('evil.json', text, 11)));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(JSON.stringify(rs)).not.toContain('polluted');
    const f = rs.find((r) => r.type === 'finding');
    expect(f?.type === 'finding' && f.finding.properties?.vendorSeverity).toEqual({ nvd: 3 });
    expect(canonical(rs)).toEqual(canonical(await collect(trivyJson.parse(memoryReportFile('evil.json', text)))));
  });

  it('names the file and the byte where the JSON breaks', async () => {
    const whole = doc([{ Target: 'x', Class: 'lang-pkgs', Type: 'npm', Vulnerabilities: [vuln, vuln] }]);
    const cut = await failure(whole.slice(0, whole.length - 20), 7);
    expect(cut.code).toBe('BAD_INPUT');
    expect(cut.message).toMatch(/^big\.json: invalid JSON at byte \d+: the document ends/);
    const at = whole.indexOf('"Severity"');
    const broken = `${whole.slice(0, at)}"Severity" "HIGH"${whole.slice(at + '"Severity":"HIGH"'.length)}`;
    // The element holding the mistake is named by the byte it starts at.
    expect((await failure(broken)).message).toContain(`invalid JSON at byte ${whole.indexOf('{"VulnerabilityID"')}: value is not valid JSON`);
    const comma = whole.indexOf(',');
    expect((await failure(`${whole.slice(0, comma)}}${whole.slice(comma)}`)).message)
      .toContain(`invalid JSON at byte ${comma + 1}: unexpected ',', expected the end of the document`);
  });

  it('names the field that has the wrong type', async () => {
    const e = await failure(doc([{ Target: 'x', Class: 'lang-pkgs', Type: 'npm', Vulnerabilities: [vuln, { ...vuln, Severity: 5 }] }]));
    expect(e.message).toContain('Results[0].Vulnerabilities[1].Severity');
    expect((await failure(doc('all of them'))).message).toContain('field Results:');
    expect((await failure(doc([{ Target: 'x', Packages: 'none' }]))).message).toContain('field Results[0].Packages:');
    expect((await failure(doc([{ Target: 'x', Packages: [{ Name: 'a', Epoch: '1' }] }]))).message).toContain('Results[0].Packages[0].Epoch');
    expect((await failure(doc([7]))).message).toContain('Results[0]:');
    expect((await failure(doc([], { Metadata: { RepoDigests: 'sha256:abc' } }))).message).toContain('Metadata.RepoDigests');
    expect((await failure(JSON.stringify([{ Target: 'x' }]))).message).toContain('(document)');
    expect((await failure(doc([], { SchemaVersion: 3 }))).code).toBe('UNSUPPORTED');
  });

  it('refuses deep nesting', async () => {
    const e = await failure(`{"SchemaVersion": 2, "ArtifactName": "a", "Results": [${'['.repeat(100_000)}${']'.repeat(100_000)}]}`, 4096);
    expect(e.message).toMatch(/nested deeper than 256 levels/);
  });

  it('says so when the envelope or a result header comes after what needs it', async () => {
    const late = `{"SchemaVersion": 2, "ArtifactName": "app", "ArtifactType": "filesystem", "Results": [], "Metadata": {}}`;
    expect((await failure(late)).message).toMatch(/field Metadata: comes after Results; .* needs SchemaVersion, ArtifactName, ArtifactType and Metadata first/);
    const header = doc([{ Vulnerabilities: [vuln], Target: 'x' }]);
    expect((await failure(header)).message).toMatch(/field Results\[0\]\.Target: comes after the result's lists/);
    // A report without Metadata at all is fine: nothing follows Results.
    const bare = await collect(streamed.parse(chunked('m.json', doc([{ Target: 'x', Class: 'lang-pkgs', Type: 'npm', Vulnerabilities: [vuln] }]), 9)));
    expect(bare.map((r) => r.type)).toEqual(['coverage', 'asset', 'finding']);
  });
});

// --- memory: a large report streams in bounded memory

/** Size of the generated report; raise it (to 1024 and more) to try a real giant locally. */
const LARGE_REPORT_MB = 200;
/** The whole-file path needs several times the file size; the streamed one a constant. */
const MAX_RSS_GROWTH_MB = 160;

const dir = mkdtempSync(join(tmpdir(), 'ms-trivy-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a report of at least `megabytes`; returns how many results it has. */
async function writeReport(path: string, megabytes: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let pieces = 0;
  // Results of 400 vulnerabilities (~0.5 MB) until the size is reached; the envelope comes first.
  for (const piece of reportPieces(Number.MAX_SAFE_INTEGER, 400)) {
    bytes += Buffer.byteLength(piece);
    pieces++;
    if (!out.write(piece)) await once(out, 'drain');
    if (bytes >= megabytes * 1024 * 1024) break;
  }
  out.end('\n  ]\n}\n');
  await once(out, 'finish');
  return pieces - 2;
}

describe(`a ${LARGE_REPORT_MB} MB report`, () => {
  it('streams in bounded memory', { timeout: 600_000 }, async () => {
    const path = join(dir, 'large.json');
    const results = await writeReport(path, LARGE_REPORT_MB);
    const file = await openReportFile(path);
    expect(file.size).toBeGreaterThan(LARGE_REPORT_MB * 1024 * 1024);
    const start = process.memoryUsage().rss;
    let peak = start;
    const counts = { finding: 0, package: 0, coverage: 0 };
    for await (const r of trivyJson.parse(file)) {
      if (r.type in counts) counts[r.type as keyof typeof counts]++;
      if ((counts.finding + counts.package) % 2000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    // Every vulnerability of every result was read: 400 per result, minus not_affected ones and the shared ones.
    expect(counts.finding).toBeGreaterThan(results * 300);
    expect(counts.coverage).toBe(2);
    expect((peak - start) / 1024 / 1024).toBeLessThan(MAX_RSS_GROWTH_MB);
  });
});
