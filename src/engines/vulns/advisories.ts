import { SEVERITIES, type Severity } from '../../model/index.js';
import { canonicalAdvisoryId, isCveId } from '../../findings/advisory-id.js';
import { advisoryRelease } from './distro.js';
import { exploitRefs } from './exploitability.js';
import { ecosystemBase, packageKey } from './package-names.js';
import { compileAffected, type OsvAffected, type OsvRange } from './versions/index.js';
import { severityFromScore } from '../../findings/severity.js';

/** An advisory row as the loader reads it, with only the `affected[]` entries that may concern us. */
export interface AdvisoryRow {
  id: string;
  aliases: string[] | null;
  summary: string | null;
  details: string | null;
  severity: string | null;
  cvss_vector: string | null;
  cvss_score: number | null;
  refs: unknown;
  entries: unknown;
}

/** One advisory, prepared once per run for every package it is matched against. */
export interface Advisory {
  /** The record's own id (GHSA-..., DSA-..., GO-...). */
  id: string;
  /** The id findings use: the CVE when the record names exactly one (findings/advisory-id.ts). */
  canonicalId: string;
  /** Every other id of the record, without the canonical one. */
  aliases: string[];
  /** CVE ids to look KEV and EPSS up by. */
  cves: string[];
  summary: string | null;
  details: string | null;
  severity: Severity;
  /** Where the severity came from: cvss, advisory, malicious package, or unrated. */
  severitySource: string;
  cvss: { score: number | null; vector: string | null } | null;
  exploitRefs: string[];
}

/** One `affected[]` entry of an advisory, compiled once. */
export interface CandidateEntry {
  advisory: Advisory;
  /** The entry's OSV ecosystem, release included (`Debian:12`). */
  ecosystem: string;
  /** Its release key ('' when release-less); see distro.ts. */
  release: string;
  affected: OsvAffected & { readonly ranges?: readonly OsvRange[] };
  /** The verdict for a version: true affected, false not, undefined when it cannot be decided here. */
  test: (version: string) => boolean | undefined;
}

/** `DEBIAN-CVE-2024-1234`, `UBUNTU-CVE-...`: per-CVE distro records whose id embeds the CVE. */
const EMBEDDED_CVE = /^[A-Z]+-(CVE-\d{4}-\d{4,})$/i;

function refUrls(refs: unknown): string[] {
  if (!Array.isArray(refs)) return [];
  return refs.flatMap((r: unknown) => {
    if (typeof r === 'string') return [r];
    const url = r && typeof r === 'object' ? (r as { url?: unknown }).url : undefined;
    return typeof url === 'string' ? [url] : [];
  });
}

function severityOf(row: AdvisoryRow, ids: readonly string[]): { severity: Severity; source: string } {
  if (row.cvss_score !== null && Number.isFinite(row.cvss_score)) return { severity: severityFromScore(row.cvss_score), source: 'cvss' };
  const word = (row.severity ?? '').trim().toLowerCase();
  if ((SEVERITIES as readonly string[]).includes(word)) return { severity: word as Severity, source: 'advisory' };
  // Installing a malicious package is the compromise, whatever the record says.
  if (ids.some((id) => /^MAL-/i.test(id))) return { severity: 'critical', source: 'malicious package' };
  // No rating at all (Debian's records carry none): not info, which would hide it; say it is a default.
  return { severity: 'medium', source: 'unrated' };
}

export function advisoryOf(row: AdvisoryRow): Advisory {
  const aliases = (row.aliases ?? []).filter((a) => typeof a === 'string' && a.trim() !== '');
  const embedded = EMBEDDED_CVE.exec(row.id)?.[1];
  const related = embedded ? [...aliases, embedded] : aliases;
  const canonicalId = canonicalAdvisoryId(row.id, related, refUrls(row.refs));
  const ids = [...new Set([row.id, ...aliases])];
  const cves = [...new Set([canonicalId, ...related].filter(isCveId).map((c) => c.toUpperCase()))];
  const { severity, source } = severityOf(row, ids);
  return {
    id: row.id,
    canonicalId,
    aliases: ids.filter((i) => i.toUpperCase() !== canonicalId.toUpperCase()).sort(),
    cves,
    summary: row.summary?.trim() || null,
    details: row.details?.trim() || null,
    severity,
    severitySource: source,
    cvss: row.cvss_score !== null || row.cvss_vector ? { score: row.cvss_score, vector: row.cvss_vector } : null,
    exploitRefs: exploitRefs(row.refs),
  };
}

interface RawEntry {
  package?: { ecosystem?: unknown; name?: unknown };
  ranges?: unknown;
  versions?: unknown;
}

function asEntry(e: unknown): { ecosystem: string; name: string; affected: CandidateEntry['affected'] } | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const raw = e as RawEntry;
  const ecosystem = raw.package?.ecosystem;
  const name = raw.package?.name;
  if (typeof ecosystem !== 'string' || typeof name !== 'string' || !ecosystem || !name) return undefined;
  const ranges = Array.isArray(raw.ranges)
    ? raw.ranges.filter((r): r is OsvRange => !!r && typeof r === 'object' && typeof (r as OsvRange).type === 'string' && Array.isArray((r as OsvRange).events))
    : [];
  const versions = Array.isArray(raw.versions) ? raw.versions.filter((v): v is string => typeof v === 'string') : [];
  return { ecosystem, name, affected: { ranges, versions } };
}

/** The advisory text a finding needs beyond the ranges: loaded only for the advisories that matched. */
export type AdvisoryText = Omit<AdvisoryRow, 'entries'>;

/** Advisories whose text `describe` filled in: a cached one (advisory-cache.ts) is not read again. */
const described = new WeakSet<Advisory>();

/** An advisory known only by its id until its text is loaded (AdvisoryIndex.describe). */
export function placeholder(id: string): Advisory {
  return {
    id, canonicalId: id, aliases: [], cves: [], summary: null, details: null, severity: 'medium', severitySource: 'unrated',
    cvss: null, exploitRefs: [],
  };
}

/**
 * The run's advisories keyed by (ecosystem, package name), built once: each key holds the entries of
 * every advisory naming that package, each compiled on first use (events sorted and parsed once; entries
 * of a release no installed package runs are never compiled).
 *
 * Two ways in: `add` takes a whole row; `addEntries` takes only the ranges (what matching needs) and
 * leaves the advisory a placeholder until `describe` fills it with its text, for the matched ones only.
 */
export class AdvisoryIndex {
  private readonly byKey = new Map<string, CandidateEntry[]>();
  /** Placeholders not described yet, by id. */
  private readonly pending = new Map<string, Advisory>();
  advisories = 0;
  entries = 0;

  add(row: AdvisoryRow): void {
    if (!Array.isArray(row.entries) || row.entries.length === 0) return;
    this.addWith(advisoryOf(row), row.entries);
  }

  addEntries(id: string, entries: readonly unknown[]): void {
    if (entries.length === 0) return;
    const advisory = placeholder(id);
    if (this.addWith(advisory, entries)) this.pending.set(id, advisory);
  }

  /** The ids among `matched` whose text is still to be loaded. */
  undescribed(matched: Iterable<Advisory>): string[] {
    const out = new Set<string>();
    for (const a of matched) if (this.pending.get(a.id) === a) out.add(a.id);
    return [...out].sort();
  }

  /** Completes a placeholder in place: every match already holding it sees the text. */
  describe(row: AdvisoryText): void {
    const advisory = this.pending.get(row.id);
    if (!advisory) return;
    Object.assign(advisory, advisoryOf({ ...row, entries: null }));
    described.add(advisory);
    this.pending.delete(row.id);
  }

  /**
   * Entries compiled earlier (advisory-cache.ts), shared with other runs: their compiled ranges and, once
   * described, their advisory's text are reused as they are.
   */
  addCompiled(advisory: Advisory, entries: readonly KeyedEntry[]): void {
    if (entries.length === 0) return;
    for (const { key, entry } of entries) {
      let list = this.byKey.get(key);
      if (!list) {
        list = [];
        this.byKey.set(key, list);
      }
      list.push(entry);
    }
    this.entries += entries.length;
    this.advisories++;
    if (!described.has(advisory)) this.pending.set(advisory.id, advisory);
  }

  private addWith(advisory: Advisory, rawEntries: readonly unknown[]): boolean {
    let added = false;
    for (const raw of rawEntries) {
      const compiled = compileEntry(advisory, raw);
      if (!compiled) continue;
      let list = this.byKey.get(compiled.key);
      if (!list) {
        list = [];
        this.byKey.set(compiled.key, list);
      }
      list.push(compiled.entry);
      this.entries++;
      added = true;
    }
    if (added) this.advisories++;
    return added;
  }

  lookup(key: string): readonly CandidateEntry[] | undefined {
    return this.byKey.get(key);
  }
}

/** A candidate entry with the index key it is found by. */
export interface KeyedEntry {
  key: string;
  entry: CandidateEntry;
}

/** One raw `affected[]` element as a candidate entry of `advisory`; undefined when no package can match it. */
export function compileEntry(advisory: Advisory, raw: unknown): KeyedEntry | undefined {
  const e = asEntry(raw);
  if (!e) return undefined;
  const release = advisoryRelease(e.ecosystem);
  if (release === undefined) return undefined; // a distro stream images do not run (Ubuntu Pro, RHEL EUS)
  return {
    key: packageKey(ecosystemBase(e.ecosystem), e.name),
    entry: { advisory, ecosystem: e.ecosystem, release, affected: e.affected, test: lazyTest(e.ecosystem, e.affected) },
  };
}

/** compileAffected on the first call: most entries of a large index are never asked. */
function lazyTest(ecosystem: string, affected: CandidateEntry['affected']): CandidateEntry['test'] {
  let compiled: CandidateEntry['test'] | undefined;
  return (version) => (compiled ??= compileAffected(ecosystem, affected))(version);
}
