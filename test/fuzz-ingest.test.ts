import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MothershipError } from '../src/model/errors.js';
import { ingestFile } from '../src/pipeline/ingest.js';
import { PARSERS } from '../src/sources/registry.js';
import type { Db } from '../src/store/db.js';
import { CLOUD_TYPES, CORPUS_REPORTS, corpusReport, NOT_SCANNER_REPORTS } from './support/corpus-reports.js';
import { applyMutation, mutationArb, shapeOf, type Mutation } from './support/mutate.js';
import { createTestDb, type TestDb } from './support/test-db.js';

/**
 * Property tests of ingest over damaged real reports, one per format (../shared/corpus; a format whose
 * report is absent is skipped). For every mutated file:
 *   (a) ingest succeeds, or fails with a MothershipError that names the file and says what is wrong with
 *       the input (BAD_INPUT / UNSUPPORTED) — a parser crash surfaces as a wrapped DB error and fails here,
 *       as does the stager rejecting a record the parser should not have made;
 *   (b) a failed ingest wrote nothing, and its run is recorded as failed;
 *   (c) a successful ingest, repeated, changes no row;
 *   (d) Object.prototype and Array.prototype are never polluted.
 * Reproducible: a fixed seed (MOTHERSHIP_FUZZ_SEED overrides it; MOTHERSHIP_FUZZ_RUNS raises the runs per
 * format for a longer local session). A failure prints the seed, the shrunk mutation and the error.
 */

const SEED = Number(process.env.MOTHERSHIP_FUZZ_SEED ?? 20260301);
const RUNS = Number(process.env.MOTHERSHIP_FUZZ_RUNS ?? 20);
/** Prints, per format, how the runs ended: to see what the mutations reach. */
const VERBOSE = !!process.env.MOTHERSHIP_FUZZ_VERBOSE;
const SUBJECT = 'repo:fuzz.example/acme/app';
const TABLES = ['assets', 'packages', 'findings', 'finding_sources', 'relationships', 'finding_events'] as const;

const dir = mkdtempSync(join(tmpdir(), 'ms-fuzz-'));
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); }, 120_000);
afterAll(async () => {
  await t?.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** Row count and a digest of every row of each data table: "nothing written" compares both. */
async function tableState(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await db.query<{ n: number; digest: string }>(
      `select count(*)::int as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest from ${table} t`);
    out[table] = `${row!.n} ${row!.digest}`;
  }
  return out;
}

const prototypeKeys = () => [Object.getOwnPropertyNames(Object.prototype).sort().join(','), Object.getOwnPropertyNames(Array.prototype).sort().join(',')];

/** Stager rejections mean the parser made an invalid record out of input it should have refused or repaired. */
const SOURCE_BUG = /: record \d+ \(|without a coverage statement \(source bug\)/;

function describeFailure(m: Mutation, e: unknown): string {
  const err = e instanceof Error ? `${e.name}${e instanceof MothershipError ? `(${e.code})` : ''}: ${e.message}\n${e.stack ?? ''}` : String(e);
  return `mutation ${JSON.stringify(m).slice(0, 2000)}\n${err}`;
}

describe('ingest survives damaged reports of every format', () => {
  it('every registered format has a report to fuzz', () => {
    expect(Object.keys(CORPUS_REPORTS).sort()).toEqual(PARSERS.map((p) => p.type).filter((t) => !(t in NOT_SCANNER_REPORTS)).sort());
  });

  for (const parser of PARSERS.filter((p) => !(p.type in NOT_SCANNER_REPORTS))) {
    const source = corpusReport(parser.type);
    it.skipIf(!source)(`${parser.type} (${CORPUS_REPORTS[parser.type]}; seed ${SEED}, ${RUNS} runs)`, async () => {
      const original = readFileSync(source!);
      const text = original.toString('utf8');
      const name = basename(source!);
      const path = join(dir, parser.type, name);
      mkdirSync(join(dir, parser.type), { recursive: true });
      const protoBefore = prototypeKeys();
      const outcomes = new Map<string, number>();
      const count = (k: string) => outcomes.set(k, (outcomes.get(k) ?? 0) + 1);

      const property = fc.asyncProperty(mutationArb(shapeOf(text, name)), fc.boolean(), async (m, withAsset) => {
        const bytes = applyMutation(original, text, m);
        writeFileSync(path, bytes);
        // Sniffing sees the damaged head too: it may say no, never throw.
        for (const p of PARSERS) p.accepts({ name, head: bytes.subarray(0, 64 * 1024) });

        const asset = withAsset && !CLOUD_TYPES.has(parser.type) ? SUBJECT : undefined;
        const before = await tableState(t.db);
        const [{ last } = { last: 0 }] = await t.db.query<{ last: number }>('select coalesce(max(id), 0)::int as last from runs');
        let failure: unknown;
        try {
          await ingestFile(t.db, path, { type: parser.type, ...(asset ? { asset } : {}) });
        } catch (e) {
          failure = e ?? new Error('thrown undefined');
        }
        const pollution = prototypeKeys().join('|') !== protoBefore.join('|') || ({} as Record<string, unknown>).polluted !== undefined;
        if (pollution) throw new Error(`Object.prototype polluted\n${describeFailure(m, failure)}`);

        count(failure === undefined ? `ok ${m.op}` : `${m.op}: ${(failure as Error).message.replace(path, '').replace(name, '').slice(0, 70)}`);
        if (failure !== undefined) {
          const ok = failure instanceof MothershipError && (failure.code === 'BAD_INPUT' || failure.code === 'UNSUPPORTED')
            && failure.message.includes(name) && !SOURCE_BUG.test(failure.message);
          if (!ok) throw new Error(`not a clear input error\n${describeFailure(m, failure)}`);
          const after = await tableState(t.db);
          if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error(`a failed ingest wrote rows\n${describeFailure(m, failure)}`);
          const runs = await t.db.query<{ status: string }>('select status from runs where id > $1', [last]);
          if (runs.length !== 1 || runs[0]!.status !== 'failed') throw new Error(`failed run recorded as ${JSON.stringify(runs)}\n${describeFailure(m, failure)}`);
          return;
        }
        const once = await tableState(t.db);
        try {
          await ingestFile(t.db, path, { type: parser.type, ...(asset ? { asset } : {}) });
        } catch (e) {
          throw new Error(`the second ingest of a file that ingested failed\n${describeFailure(m, e)}`, { cause: e });
        }
        const twice = await tableState(t.db);
        if (JSON.stringify(twice) !== JSON.stringify(once)) throw new Error(`re-ingesting changed rows: ${JSON.stringify({ once, twice })}\n${describeFailure(m, undefined)}`);
      });
      await fc.assert(property, { seed: SEED, numRuns: RUNS, endOnFailure: true });
      if (VERBOSE) console.log(`${parser.type}\n${[...outcomes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${n}\t${k}`).join('\n')}`);
    }, 300_000);
  }
});
