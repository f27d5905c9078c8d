import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { AdvisoryCache, compileAdvisory } from './advisory-cache.js';
import { describeMatched, loadAdvisoryIndex } from './intel-store.js';
import { insertAdvisories, osvRecord } from './osv-fixtures.js';
import { ecosystemBase, packageKey } from './package-names.js';

/** Advisories compiled once per process are reused only while their row is the version they came from. */

const KEY = 'npm\tlodash';
const lookupKey = packageKey(ecosystemBase('npm'), 'lodash');

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await insertAdvisories(t.db, [osvRecord('GHSA-1', 'npm', 'lodash', '0', '4.17.21', { summary: 'first text' })]);
});
afterAll(async () => { await t.drop(); });

describe('the advisory cache', () => {
  it('reuses compiled entries and text while the row is unchanged, and rebuilds them once it changes', async () => {
    const first = await loadAdvisoryIndex(t.db, [KEY]);
    const [entry] = first.lookup(lookupKey)!;
    expect(entry!.test('4.17.20')).toBe(true);
    await describeMatched(t.db, first, [entry!.advisory]);
    expect(entry!.advisory.summary).toBe('first text');

    const warm = await loadAdvisoryIndex(t.db, [KEY]);
    expect(warm.lookup(lookupKey)![0]).toBe(entry);
    // Already described: nothing left to read.
    expect(warm.undescribed([entry!.advisory])).toEqual([]);

    // An import replaces the record: the fix moved, the text changed.
    await t.db.exec(`update advisories set summary = 'second text',
      affected = jsonb_set(affected, '{0,ranges,0,events,1,fixed}', '"4.17.19"') where id = 'GHSA-1'`);
    const changed = await loadAdvisoryIndex(t.db, [KEY]);
    const [fresh] = changed.lookup(lookupKey)!;
    expect(fresh).not.toBe(entry);
    expect(fresh!.test('4.17.20')).toBe(false);
    await describeMatched(t.db, changed, [fresh!.advisory]);
    expect(fresh!.advisory.summary).toBe('second text');

    // Withdrawn: gone from the index, cached or not.
    await t.db.exec(`update advisories set withdrawn = now() where id = 'GHSA-1'`);
    expect((await loadAdvisoryIndex(t.db, [KEY])).lookup(lookupKey)).toBeUndefined();
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const cache = new AdvisoryCache(2);
    const a = compileAdvisory('A', '1', []);
    cache.put(a);
    cache.put(compileAdvisory('B', '1', []));
    expect(cache.get('A', '1')).toBe(a);
    cache.put(compileAdvisory('C', '1', []));
    expect(cache.size).toBe(2);
    expect(cache.get('B', '1')).toBeUndefined();
    expect(cache.get('A', '1')).toBe(a);
    expect(cache.get('A', '2')).toBeUndefined();
  });
});
