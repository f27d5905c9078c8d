import { MothershipError, badInput } from '../../model/errors.js';
import type { NormalizedRecord, ParseOptions, ReportFile } from '../../model/index.js';
import { JsonScanner, scanStream, type JsonPath, type JsonVisitor, type Visit } from '../json-stream.js';
import { artifactOf, type Artifact } from './artifact.js';
import { packagesScope, type ReportContext } from './context.js';
import { FindingSet, type Sighting } from './finding-set.js';
import { misconfigSighting } from './misconfigs.js';
import { packageOf } from './packages.js';
import { TrivyEnvelope, TrivyMisconfiguration, TrivyPackage, TrivyResult, TrivySecret, TrivyVulnerability, TrivyVulnerabilityKey, validate } from './schema.js';
import { secretSighting } from './secrets.js';
import { finalizeVuln, vulnKey, vulnSighting } from './vulnerabilities.js';

/**
 * A Trivy report too large to parse whole, read in two streaming passes over the file:
 *
 * 1. the envelope (artifact asset, coverage) and the packages are emitted as they are read; every
 *    element is validated (of a vulnerability, only the fields its fingerprint is made from: the second
 *    pass validates it whole); sightings are only counted per fingerprint;
 * 2. the findings: a fingerprint sighted once (nearly all) is emitted at once, one sighted several times
 *    (the same CVE in two lockfiles) is held until its last sighting and emitted merged.
 *
 * Memory is bounded by the largest single element (MAX_VALUE_BYTES), plus per distinct finding one count
 * (~50 bytes: a numeric key and a number), per distinct package its key (~150 bytes, also held by the
 * whole-file path), and the findings still waiting for a later sighting. The records are the ones the
 * whole-file path makes; findings come in a different order (when their last sighting is read).
 *
 * Trivy writes SchemaVersion, ArtifactName, ArtifactType and Metadata before Results, and a result's
 * Target, Class and Type before its lists. A file that does not is refused with a message saying so: the
 * artifact and the result must be known when their packages and findings stream by.
 */

const LISTS = ['Packages', 'Vulnerabilities', 'Misconfigurations', 'Secrets'] as const;
type ListName = (typeof LISTS)[number];
const isList = (key: string | number | undefined): key is ListName => (LISTS as readonly unknown[]).includes(key);
const ENVELOPE_KEYS: ReadonlySet<unknown> = new Set(['SchemaVersion', 'ArtifactName', 'ArtifactType', 'Metadata']);
const HEADER_KEYS: ReadonlySet<unknown> = new Set(['Target', 'Class', 'Type']);

/** A compact key for counting: our fingerprints are hex, and 52 bits of them tell findings apart. */
function countKey(fingerprint: string): number | string {
  const n = fingerprint.length >= 13 ? Number.parseInt(fingerprint.slice(0, 13), 16) : NaN;
  return Number.isSafeInteger(n) && /^[0-9a-f]{13}/.test(fingerprint) ? n : fingerprint;
}

/** What the second pass takes over from the first. */
interface FirstPass {
  artifact: Artifact;
  ctx: ReportContext;
  /** Sightings per fingerprint key; a collision of two keys only delays both findings to the end. */
  vulnCounts: Map<number | string, number>;
  otherCounts: Map<number | string, number>;
}

class ReportVisitor implements JsonVisitor {
  private out: NormalizedRecord[] = [];
  private envelope: Record<string, unknown> = {};
  private first: FirstPass | undefined;
  private resultsStarted = false;
  private header: Record<string, unknown> = {};
  private result: TrivyResult | undefined;
  private readonly seenPackages = new Set<string>();
  private readonly vulns = new FindingSet(finalizeVuln);
  private readonly others = new FindingSet();

  constructor(private readonly where: string, private readonly options: ParseOptions, private readonly pass: 1 | 2, first?: FirstPass) {
    this.first = first;
  }

  drain = (): NormalizedRecord[] => {
    const out = this.out;
    this.out = [];
    return out;
  };

  visit(path: JsonPath, kind: 'object' | 'array'): Visit {
    const depth = path.length;
    if (depth === 0) return kind === 'object' ? 'descend' : 'value';
    if (path[0] === 'Results') {
      if (depth === 1) return kind === 'array' ? 'descend' : 'value';
      if (depth === 2) return kind === 'object' ? 'descend' : 'value';
      if (depth === 3 && isList(path[2]) && kind === 'array') return this.pass === 2 && path[2] === 'Packages' ? 'skip' : 'descend';
      if (depth === 4 && isList(path[2])) return 'value';
    }
    if (this.pass === 2) return 'skip';
    // What is not read is still checked: arrays element by element (bounded), the rest whole.
    return depth === 1 && ENVELOPE_KEYS.has(path[0]) ? 'value' : kind === 'array' ? 'descend' : 'value';
  }

  enter(path: JsonPath): void {
    if (path.length === 1 && path[0] === 'Results') this.startResults();
    else if (path.length === 2 && path[0] === 'Results') {
      this.header = {};
      this.result = undefined;
    } else if (path.length === 3 && path[0] === 'Results' && isList(path[2])) this.resultHeader(path[1] as number);
  }

  leave(path: JsonPath): void {
    if (path.length === 2 && path[0] === 'Results') this.resultHeader(path[1] as number);
  }

  value(path: JsonPath, value: unknown): void {
    const depth = path.length;
    if (depth === 0) {
      validate(TrivyEnvelope, value, this.where);
      throw badInput(this.where, 'Trivy report field (document): expected an object');
    }
    const key = path[0];
    if (depth === 1) {
      if (this.pass === 2) return; // the first pass read and checked the envelope
      if (ENVELOPE_KEYS.has(key)) {
        if (this.resultsStarted) throw this.outOfOrder(String(key), 'Results', 'SchemaVersion, ArtifactName, ArtifactType and Metadata');
        this.envelope[key as string] = value;
      } else if (key === 'Results' && value !== null) {
        validate(TrivyEnvelope.shape.Results, value, this.where, 'Results');
      }
      return;
    }
    if (key !== 'Results') return;
    const i = path[1] as number;
    const member = path[2];
    if (depth === 2) {
      validate(TrivyResult, value, this.where, `Results[${i}]`);
      throw badInput(this.where, `Trivy report field Results[${i}]: expected an object`);
    }
    if (depth === 3) {
      if (HEADER_KEYS.has(member)) {
        if (this.result) throw this.outOfOrder(`Results[${i}].${String(member)}`, 'the result\'s lists', 'Target, Class and Type');
        this.header[member as string] = value;
      } else if (isList(member) && value !== null) {
        validate(TrivyResult, { [member]: value }, this.where, `Results[${i}]`);
      }
      return;
    }
    if (depth === 4 && isList(member)) this.item(member, i, path[3] as number, value);
  }

  private outOfOrder(field: string, after: string, first: string): MothershipError {
    return badInput(this.where, `Trivy report field ${field}: comes after ${after}; a report this large is read in one pass and needs ${first} first, as Trivy writes them`);
  }

  /** The envelope is complete once Results begin (or the document ends without them). */
  private startResults(): void {
    this.resultsStarted = true;
    if (this.pass === 2 || this.first) return;
    const report = validate(TrivyEnvelope, this.envelope, this.where);
    if (report.SchemaVersion !== 2) {
      throw new MothershipError('UNSUPPORTED', `${this.where}: Trivy report SchemaVersion ${report.SchemaVersion} is not supported (only 2)`);
    }
    const artifact = artifactOf(report, this.where, this.options.subject);
    this.first = { artifact, ctx: { assetUid: artifact.asset.uid, os: report.Metadata.OS }, vulnCounts: new Map(), otherCounts: new Map() };
    const { scope } = artifact;
    this.out.push({ type: 'coverage', scope, coverage: 'complete' }, { type: 'asset', scope, asset: artifact.asset }, ...artifact.related);
  }

  private resultHeader(i: number): void {
    if (!this.result) this.result = validate(TrivyResult, this.header, this.where, `Results[${i}]`);
  }

  private item(list: ListName, i: number, j: number, raw: unknown): void {
    const first = this.first!;
    const result = this.result!;
    const { ctx } = first;
    const field = `Results[${i}].${list}[${j}]`;
    switch (list) {
      case 'Packages': {
        const p = packageOf(ctx, result, validate(TrivyPackage, raw, this.where, field));
        const key = `${p.purl}\u0000${p.path ?? ''}`;
        if (this.seenPackages.has(key)) return; // one row per (asset, purl, path) in the store
        this.seenPackages.add(key);
        this.out.push({ type: 'package', scope: packagesScope(first.artifact.scope), package: p });
        return;
      }
      case 'Vulnerabilities':
        // The first pass only counts fingerprints and reads only their fields; the second validates the
        // whole entry (an invalid one still fails the run before it commits).
        if (this.pass === 1) return this.count(vulnKey(ctx, result, validate(TrivyVulnerabilityKey, raw, this.where, field)), first.vulnCounts);
        return this.sighting(vulnSighting(ctx, result, validate(TrivyVulnerability, raw, this.where, field)), first.vulnCounts, this.vulns);
      case 'Misconfigurations':
        return this.sighting(misconfigSighting(ctx, result, validate(TrivyMisconfiguration, raw, this.where, field), this.where, field), first.otherCounts, this.others);
      case 'Secrets':
        return this.sighting(secretSighting(ctx, result, validate(TrivySecret, raw, this.where, field)), first.otherCounts, this.others);
    }
  }

  private count(fingerprint: string | undefined, counts: Map<number | string, number>): void {
    if (fingerprint === undefined) return;
    const key = countKey(fingerprint);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  private sighting(s: Sighting | undefined, counts: Map<number | string, number>, set: FindingSet): void {
    if (!s) return;
    const key = countKey(s.finding.fingerprint);
    if (this.pass === 1) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return;
    }
    const finding = set.addUntil(s, counts.get(key) ?? 1);
    if (finding) this.out.push({ type: 'finding', scope: this.first!.artifact.scope, finding });
  }

  /** The document has ended (and was well-formed). */
  finish(): NormalizedRecord[] {
    if (!this.resultsStarted) this.startResults();
    const first = this.first!;
    if (this.pass === 1) {
      if (this.seenPackages.size > 0) this.out.push({ type: 'coverage', scope: packagesScope(first.artifact.scope), coverage: 'complete' });
      // Fingerprints sighted once are the rule; only the others need remembering for the second pass.
      for (const counts of [first.vulnCounts, first.otherCounts]) for (const [k, n] of counts) if (n === 1) counts.delete(k);
      return this.drain();
    }
    // Left over only when two keys collided (or the file changed between the passes): emit them now.
    for (const finding of this.vulns.drain()) this.out.push({ type: 'finding', scope: first.artifact.scope, finding });
    for (const finding of this.others.drain()) this.out.push({ type: 'finding', scope: first.artifact.scope, finding });
    return this.drain();
  }

  get firstPass(): FirstPass | undefined {
    return this.first;
  }
}

/** Reads a large report in two passes; the first pass's bytes may already be partly read. */
export async function* streamReport(file: ReportFile, firstPassBytes: AsyncIterable<Uint8Array>, options: ParseOptions = {}): AsyncGenerator<NormalizedRecord> {
  const where = file.name;
  const one = new ReportVisitor(where, options, 1);
  yield* scanStream(firstPassBytes, new JsonScanner(where, one), one.drain);
  yield* one.finish();
  const two = new ReportVisitor(where, options, 2, one.firstPass);
  yield* scanStream(file.stream(), new JsonScanner(where, two), two.drain);
  yield* two.finish();
}
