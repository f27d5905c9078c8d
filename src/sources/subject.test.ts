import { describe, expect, it } from 'vitest';
import { vulnFingerprint } from '../findings/fingerprint.js';
import { MothershipError } from '../model/errors.js';
import type { NormalizedRecord, ParseOptions, Parser } from '../model/index.js';
import { CLOUD_TYPES, CORPUS_REPORTS, corpusReport, NOT_SCANNER_REPORTS } from '../../test/support/corpus-reports.js';
import { PARSERS } from './registry.js';
import { openReportFile } from './report-file.js';
import { recordProblems } from './shared/dojo-corpus.js';

/**
 * `--asset` (ParseOptions.subject) over one real report of every format: the subject asset takes the uid,
 * everything that hung on the report's own subject hangs on it, and fingerprints are computed from it.
 */

const SUBJECT = 'repo:git.example.org/acme/subject-test';

async function parse(parser: Parser, path: string, options?: ParseOptions): Promise<NormalizedRecord[]> {
  const out: NormalizedRecord[] = [];
  for await (const r of parser.parse(await openReportFile(path), options)) out.push(r);
  return out;
}

const findings = (rs: readonly NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'finding' ? [r.finding] : []));
const packages = (rs: readonly NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'package' ? [r.package] : []));
const assets = (rs: readonly NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'asset' ? [r.asset] : []));
const relationships = (rs: readonly NormalizedRecord[]) => rs.flatMap((r) => (r.type === 'relationship' ? [r.relationship] : []));
const scopes = (rs: readonly NormalizedRecord[]) => [...new Set(rs.map((r) => r.scope))];

/** The uids the report's items hang on: its subject(s), as the report names them. */
function subjectUids(rs: readonly NormalizedRecord[]): string[] {
  return [...new Set([...findings(rs).map((f) => f.assetUid ?? ''), ...packages(rs).map((p) => p.assetUid)])];
}

describe('every parser is covered by a corpus report here', () => {
  it('lists one report per registered type', () => {
    expect(Object.keys(CORPUS_REPORTS).sort()).toEqual(PARSERS.map((p) => p.type).filter((t) => !(t in NOT_SCANNER_REPORTS)).sort());
  });
});

for (const parser of PARSERS.filter((p) => !(p.type in NOT_SCANNER_REPORTS))) {
  const path = corpusReport(parser.type);
  describe.skipIf(!path)(`${parser.type} with --asset (${CORPUS_REPORTS[parser.type]}; skipped when ../shared/corpus is absent)`, () => {
    if (CLOUD_TYPES.has(parser.type)) {
      it('refuses a subject, naming the report type', async () => {
        expect(findings(await parse(parser, path!)).length).toBeGreaterThan(0);
        const e = await parse(parser, path!, { subject: SUBJECT }).then(() => null, (err: unknown) => err);
        expect(e).toBeInstanceOf(MothershipError);
        expect((e as MothershipError).code).toBe('UNSUPPORTED');
        expect((e as MothershipError).message).toContain(parser.type);
        expect((e as MothershipError).message).toContain('--asset');
      });
      return;
    }

    it('moves the subject, its items, scopes and fingerprints to the given uid', async () => {
      const before = await parse(parser, path!);
      const after = await parse(parser, path!, { subject: SUBJECT });
      expect(recordProblems(after)).toEqual([]);
      const old = subjectUids(before);
      expect(old.length).toBeGreaterThan(0);
      expect(old).not.toContain(SUBJECT);

      // The subject asset: one, under the new uid, of the kind the report gave it.
      const subject = assets(after).filter((a) => a.uid === SUBJECT);
      expect(subject).toHaveLength(1);
      const oldKinds = new Set(assets(before).filter((a) => old.includes(a.uid)).map((a) => a.kind));
      expect(oldKinds.has(subject[0]!.kind)).toBe(true);
      expect(assets(after).some((a) => old.includes(a.uid))).toBe(false);

      // Everything that hung on the old subject hangs on the new one, in scopes named after it.
      expect(subjectUids(after)).toEqual([SUBJECT]);
      for (const r of relationships(after)) expect(old).not.toContain(r.from);
      for (const s of scopes(after)) {
        expect(s).toContain(SUBJECT);
        for (const u of old) expect(s.includes(u)).toBe(false);
      }

      // Same findings, new identities: none keeps its fingerprint; vulnerabilities are keyed by the new uid.
      const f0 = findings(before);
      const f1 = findings(after);
      expect(f1.length).toBeGreaterThan(0);
      if (old.length === 1) expect(f1.length).toBe(f0.length);
      const fps0 = new Set(f0.map((f) => f.fingerprint));
      for (const f of f1) expect(fps0.has(f.fingerprint)).toBe(false);
      for (const f of f1) {
        const p = f.properties ?? {};
        if (f.kind === 'vuln' && typeof p.ecosystem === 'string' && typeof p.packageName === 'string' && f.advisoryId) {
          expect(f.fingerprint).toBe(vulnFingerprint(SUBJECT, p.ecosystem, p.packageName, f.advisoryId));
        }
      }
      expect(packages(after).length).toBe(new Set(packages(before).map((p) => `${p.purl}\u0000${p.path ?? ''}`)).size);
    });

    it('given the uid the report names itself, yields the same items and fingerprints', async () => {
      const before = await parse(parser, path!);
      const old = subjectUids(before);
      if (old.length !== 1) return; // a report over several assets cannot name "its own" one
      const same = await parse(parser, path!, { subject: old[0]! });
      expect(findings(same)).toEqual(findings(before));
      expect(packages(same)).toEqual(packages(before));
      expect(relationships(same)).toEqual(relationships(before));
      expect(scopes(same)).toEqual(scopes(before));
    });
  });
}
