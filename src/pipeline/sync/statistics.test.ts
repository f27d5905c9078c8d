import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedRecord } from '../../model/index.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { syncRun } from './run.js';
import { ANALYZE_AFTER_ROWS } from './statistics.js';

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.drop(); });

function* instances(scope: string, n: number): Iterable<NormalizedRecord> {
  yield { type: 'coverage', scope, coverage: 'complete' };
  for (let i = 0; i < n; i++) yield { type: 'asset', scope, asset: { uid: `${scope}/i-${i}`, kind: 'aws.ec2.instance' } };
}

const estimate = async (table: string) =>
  (await t.db.query<{ n: number }>('select reltuples::float8 as n from pg_class where relname = $1', [table]))[0]?.n;

describe('planner statistics after a run', () => {
  it('a small run leaves them to autovacuum; a bulk run refreshes the tables it changed at once', async () => {
    await syncRun(t.db, instances('small', 10), { source: 'fixture' });
    expect(await estimate('assets')).toBeLessThanOrEqual(0);
    await syncRun(t.db, instances('bulk', ANALYZE_AFTER_ROWS), { source: 'fixture' });
    expect(await estimate('assets')).toBeGreaterThanOrEqual(ANALYZE_AFTER_ROWS);
    // Nothing bulk happened to findings: never analyzed.
    expect(await estimate('findings')).toBeLessThanOrEqual(0);
  });

  it('samples the columns of findings that statements filter on, not their wide text and JSON', async () => {
    const scope = 'rule:bulk';
    const records: NormalizedRecord[] = [{ type: 'coverage', scope, coverage: 'complete' }];
    for (let i = 0; i < ANALYZE_AFTER_ROWS; i++) {
      records.push({ type: 'finding', scope, finding: {
        fingerprint: `bulk-${i}`, kind: 'config', ruleId: 'bulk.rule', title: `finding ${i}`, severity: 'low',
        assetUid: `bulk/i-${i}`, evidence: { i }, originalId: 'bulk.rule',
      } });
    }
    await syncRun(t.db, records, { source: 'fixture' });
    expect(await estimate('findings')).toBeGreaterThanOrEqual(ANALYZE_AFTER_ROWS);
    const sampled = (await t.db.query<{ attname: string }>(`select attname from pg_stats where tablename = 'findings'`)).map((r) => r.attname);
    expect(sampled).toEqual(expect.arrayContaining(['fingerprint', 'rule_id', 'asset_uid', 'status']));
    expect(sampled).not.toContain('evidence');
    expect(sampled).not.toContain('description');
  });
});
