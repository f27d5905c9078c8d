import type { Db, Queryable } from './db.js';

/**
 * A counter of writes this process has made to any store: caches of query results (API pages, principals,
 * tenant scopes) key on it, so nothing cached before a write is served after the write returned. It is
 * process-wide rather than per Db so that two handles on one store cannot miss each other's writes.
 * Writes by other processes (a CLI sync against a shared PostgreSQL) are not seen: caches bound that with a
 * short time to live.
 */
let version = 0;

export function dataVersion(): number {
  return version;
}

/** Marks every cached read as outdated. Called after each write through a tracked Db; exported for writers that bypass it. */
export function bumpDataVersion(): void {
  version++;
}

/**
 * Statements that cannot change data: a plain SELECT (or SHOW/EXPLAIN without ANALYZE). Anything else,
 * including `with … update` and `explain analyze`, counts as a write; being wrong in that direction only
 * costs a cache miss.
 */
export function isPlainRead(sql: string): boolean {
  const head = /^\s*(?:--[^\n]*\n\s*)*(\w+)/.exec(sql);
  const verb = head?.[1]?.toLowerCase();
  if (verb === 'select' || verb === 'show' || verb === 'values' || verb === 'table') return !/\b(for\s+update|for\s+share|nextval|setval|set_config|pg_advisory)\b/i.test(sql);
  if (verb === 'explain') return !/^\s*explain\s*\(?[^)]*\banalyze\b/i.test(sql) && !/^\s*explain\s+analyze\b/i.test(sql);
  return false;
}

/** Handles whose writes are counted: only over these may a cache trust the version. */
const trackedDbs = new WeakSet<Queryable>();

/** True when every write through `db` bumps the version (it came from trackWrites, as openDb's do). */
export function writesTracked(db: Queryable): boolean {
  return trackedDbs.has(db);
}

function tracked(q: Queryable): Queryable {
  const named = q.queryNamed?.bind(q);
  return {
    ...(named && {
      async queryNamed(name, sql, params) {
        try {
          return await named(name, sql, params);
        } finally {
          if (!isPlainRead(sql)) bumpDataVersion();
        }
      },
    }),
    async query(sql, params) {
      try {
        return await q.query(sql, params);
      } finally {
        if (!isPlainRead(sql)) bumpDataVersion();
      }
    },
    async exec(sql) {
      try {
        await q.exec(sql);
      } finally {
        bumpDataVersion();
      }
    },
    async copyRows(table, columns, rows) {
      try {
        return await q.copyRows(table, columns, rows);
      } finally {
        bumpDataVersion();
      }
    },
  };
}

/**
 * The Db with its writes counted: a statement outside a transaction bumps the version when it returns, a
 * transaction when it has committed (or failed), so a reader that took the version before the write cannot
 * store its older result under the newer version. Read-only transactions (the SQL console) bump nothing.
 */
export function trackWrites(db: Db): Db {
  const base = tracked(db);
  const wrapped: Db = {
    backend: db.backend,
    location: db.location,
    ...base,
    async transaction(fn) {
      try {
        return await db.transaction(fn);
      } finally {
        bumpDataVersion();
      }
    },
    readOnly: (fn, options) => db.readOnly(fn, options),
    close: () => db.close(),
  };
  trackedDbs.add(wrapped);
  return wrapped;
}
