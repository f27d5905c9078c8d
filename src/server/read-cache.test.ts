import { describe, expect, it } from 'vitest';
import type { Db } from '../store/db.js';
import { bumpDataVersion, isPlainRead, trackWrites, writesTracked } from '../store/data-version.js';
import { ReadCache } from './read-cache.js';

/** A Db that only counts: enough for the cache, which never calls it itself. */
function fakeDb(): Db {
  const none = () => Promise.reject(new Error('not used'));
  return { backend: 'pglite', location: 'memory://', query: none, exec: none, copyRows: none, transaction: none, readOnly: none, close: () => Promise.resolve() };
}

describe('isPlainRead', () => {
  it('counts only plain reads as reads', () => {
    for (const sql of ['select 1', '  -- note\n  SELECT * from findings', 'show server_version', 'explain select 1', 'values (1)']) expect(isPlainRead(sql), sql).toBe(true);
    for (const sql of ['update t set a = 1', 'with x as (delete from t returning *) select * from x', 'insert into t values (1)',
      'select * from t for update', "select set_config('a', 'b', false)", 'explain analyze delete from t', 'explain (analyze) select 1', 'begin', 'analyze'])
      expect(isPlainRead(sql), sql).toBe(false);
  });
});

describe('ReadCache', () => {
  it('shares one load among concurrent identical gets, and keys keep answers apart', async () => {
    const db = trackWrites(fakeDb());
    const cache = new ReadCache<string>({ ttlMs: 60_000, maxEntries: 10 });
    let loads = 0;
    const load = (v: string) => async () => { loads++; await new Promise((r) => setTimeout(r, 10)); return v; };
    const got = await Promise.all([cache.get(db, 'a', load('A')), cache.get(db, 'a', load('A2')), cache.get(db, 'b', load('B'))]);
    expect(got).toEqual(['A', 'A', 'B']);
    expect(loads).toBe(2);
    expect(await cache.get(db, 'a', load('A3'))).toBe('A');
    expect(loads).toBe(2);
  });

  it('never serves an answer read before a write, nor caches over a Db whose writes are not counted', async () => {
    const db = trackWrites(fakeDb());
    const cache = new ReadCache<number>({ ttlMs: 60_000, maxEntries: 10 });
    let n = 0;
    expect(await cache.get(db, 'k', () => Promise.resolve(++n))).toBe(1);
    expect(await cache.get(db, 'k', () => Promise.resolve(++n))).toBe(1);
    bumpDataVersion();
    expect(await cache.get(db, 'k', () => Promise.resolve(++n))).toBe(2);
    // A write that lands while a read is in flight: the in-flight answer is not reused afterwards.
    let release!: () => void;
    const slow = cache.get(db, 'k2', () => new Promise<number>((r) => { release = () => r(++n); }));
    bumpDataVersion();
    const after = cache.get(db, 'k2', () => Promise.resolve(100));
    release();
    expect(await slow).toBe(3);
    expect(await after).toBe(100);

    const raw = fakeDb();
    expect(writesTracked(raw)).toBe(false);
    expect(await cache.get(raw, 'k', () => Promise.resolve(7))).toBe(7);
    expect(await cache.get(raw, 'k', () => Promise.resolve(8))).toBe(8);
  });

  it('expires entries after their time to live or the until() the answer gives, drops failures, bounds its size', async () => {
    const db = trackWrites(fakeDb());
    const cache = new ReadCache<number>({ ttlMs: 30, maxEntries: 3 });
    expect(await cache.get(db, 'k', () => Promise.resolve(1))).toBe(1);
    await new Promise((r) => setTimeout(r, 40));
    expect(await cache.get(db, 'k', () => Promise.resolve(2))).toBe(2);
    expect(await cache.get(db, 'now', () => Promise.resolve(3), () => Date.now())).toBe(3);
    await new Promise((r) => setTimeout(r, 2));
    expect(await cache.get(db, 'now', () => Promise.resolve(4), () => Date.now())).toBe(4);
    await expect(cache.get(db, 'bad', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get(db, 'bad', () => Promise.resolve(5))).toBe(5);
    for (const k of ['x', 'y', 'z', 'w']) await cache.get(db, k, () => Promise.resolve(0));
    expect(cache.size).toBeLessThanOrEqual(3);
  });
});
