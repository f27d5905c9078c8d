import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedRecord } from '../../model/index.js';
import type { Db } from '../../store/db.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { syncRun } from './run.js';

/**
 * Text the store cannot hold as it is (NUL bytes, lone UTF-16 surrogates) reaches the sync from hostile
 * reports and from sources' own error messages: it must be stored repaired, never fail the write.
 */
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.drop(); });

const LONE = '\uD800';

describe('hostile text in a run', () => {
  it('stores scopes, coverage errors, fingerprints and JSON with NUL bytes and lone surrogates', async () => {
    const scope = 'image:sha256:\u0000abc';
    const records: NormalizedRecord[] = [
      { type: 'coverage', scope, coverage: 'partial', error: `AccessDenied\u0000 at ${LONE}` },
      { type: 'coverage', scope: 'image:sha256:abc', coverage: 'complete' },
      { type: 'asset', scope, asset: { uid: 'img-nul', kind: 'container.image', name: `n${LONE}`, properties: { k: `v\u0000${LONE}` } } },
      { type: 'finding', scope, finding: {
        fingerprint: 'fp-\u0000nul', kind: 'vuln', title: `t${LONE}`, severity: 'high', assetUid: 'img-nul',
        evidence: { [`key${LONE}`]: `a\u0000b${LONE}c` }, properties: { list: [LONE, '\uDC00x'] } } },
    ];
    const r = await syncRun(t.db, records, { source: 'hostile', input: { file: `f\u0000${LONE}.json` } });
    expect(r.status).toBe('partial');
    // The two spellings of one scope are one scope once the NUL is gone; the worse coverage wins.
    const scopes = await t.db.query<{ scope: string; coverage: string; error: string }>(
      'select scope, coverage, error from run_scopes where run_id = $1', [r.runId]);
    expect(scopes).toEqual([{ scope: 'image:sha256:abc', coverage: 'partial', error: 'AccessDenied at \uFFFD' }]);
    const [f] = await t.db.query<{ fingerprint: string; title: string; evidence: unknown; properties: unknown }>(
      'select fingerprint, title, evidence, properties from findings');
    expect(f).toEqual({ fingerprint: 'fp-nul', title: 't\uFFFD', evidence: { 'key\uFFFD': 'ab\uFFFDc' }, properties: { list: ['\uFFFD', '\uFFFDx'] } });
    const [run] = await t.db.query<{ input: unknown; error: string }>('select input, error from runs where id = $1', [r.runId]);
    expect(run?.input).toEqual({ file: 'f\uFFFD.json' });
    expect(run?.error).toBe('image:sha256:abc: AccessDenied at \uFFFD');
    // An identical run finds everything stored as it is.
    const again = await syncRun(t.db, records, { source: 'hostile' });
    expect(again.counts.findings.new + again.counts.findings.updated).toBe(0);
  });

  it('records a failed run whose error quotes NUL bytes', async () => {
    async function* failing(): AsyncIterable<NormalizedRecord> {
      yield await Promise.resolve<NormalizedRecord>({ type: 'coverage', scope: 's', coverage: 'complete' });
      throw new Error(`bad value "x\u0000y${LONE}"`);
    }
    await expect(syncRun(t.db, failing(), { source: 'hostile-fail' })).rejects.toThrow(/bad value/);
    const [run] = await t.db.query<{ status: string; error: string }>(
      `select status, error from runs where source = 'hostile-fail'`);
    expect(run).toEqual({ status: 'failed', error: 'bad value "x\\u0000y\uFFFD"' });
  });

  it('says so when the failed status cannot be recorded either', async () => {
    // The real store, with the one statement that records the failure made to fail.
    const broken: Db = { ...t.db, query: async (sql, params) => {
      if (/status = 'failed'/.test(sql)) throw new Error('connection lost');
      return t.db.query(sql, params);
    } };
    async function* failing(): AsyncIterable<NormalizedRecord> {
      yield await Promise.resolve<NormalizedRecord>({ type: 'coverage', scope: 's2', coverage: 'complete' });
      throw new Error('parse error');
    }
    const run = syncRun(broken, failing(), { source: 'hostile-unrecorded' });
    await expect(run).rejects.toThrow(/parse error.*could not be recorded as failed: connection lost/);
  });
});
