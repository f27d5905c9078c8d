import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Db, Queryable, Row } from './db.js';
import { columnList, copyChunks, tableName } from './copy-text.js';
import { MothershipError } from '../model/errors.js';

// One place decides how values come back, identical to the PGlite driver: numbers as numbers.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v); // int8, numeric
    return pg.types.getTypeParser(oid, format) as (v: string) => unknown;
  },
};

function wrap(client: pg.PoolClient): Queryable {
  return {
    async query<T extends object = Row>(sql: string, params?: readonly unknown[]) {
      // Always the extended protocol: one statement per call, so user SQL cannot smuggle a COMMIT past read-only.
      const config: pg.QueryConfig & { queryMode: 'extended' } = { text: sql, values: params ? [...params] : [], types, queryMode: 'extended' };
      const r = await client.query(config);
      return r.rows as T[];
    },
    async exec(sql: string) {
      await client.query({ text: sql, types });
    },
    async queryNamed<T extends object = Row>(name: string, sql: string, params?: readonly unknown[]) {
      // node-postgres parses a named statement once per connection and reuses it by name afterwards.
      const r = await client.query({ name, text: sql, values: params ? [...params] : [], types });
      return r.rows as T[];
    },
    async copyRows(table, columns, rows) {
      let total = 0;
      const stream = client.query(copyFrom(`COPY ${tableName(table)} (${columnList(columns)}) FROM STDIN`));
      const source = Readable.from(
        (function* () {
          for (const chunk of copyChunks(rows)) {
            total += chunk.rows;
            yield chunk.text;
          }
        })(),
      );
      await pipeline(source, stream);
      return total;
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}

export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // An idle connection dropped by the server (restart, admin terminate) must not crash the process;
  // the pool replaces it and the next query reports any real problem.
  pool.on('error', () => undefined);
  // Fail on open, with the URL (minus password), rather than on the first query.
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new MothershipError('DB', `cannot connect to ${redactUrl(url)}: ${(e as Error).message}`, { cause: e });
  }

  async function withClient<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await pool.connect();
    try {
      return await fn(c);
    } finally {
      c.release();
    }
  }

  async function inTransaction<T>(begin: string, fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return withClient(async (c) => {
      await c.query(begin);
      try {
        const result = await fn(wrap(c));
        await c.query('COMMIT');
        return result;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  return {
    backend: 'postgres',
    location: redactUrl(url),
    query: (sql, params) => withClient((c) => wrap(c).query(sql, params)),
    queryNamed: (name, sql, params) => withClient((c) => wrap(c).queryNamed!(name, sql, params)),
    exec: (sql) => withClient((c) => wrap(c).exec(sql)),
    copyRows: (table, columns, rows) => withClient((c) => wrap(c).copyRows(table, columns, rows)),
    transaction: (fn) => inTransaction('BEGIN', fn),
    readOnly: (fn, options) =>
      inTransaction('BEGIN TRANSACTION READ ONLY', async (tx) => {
        await tx.exec(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(options?.timeoutMs ?? 30_000))}`);
        return fn(tx);
      }),
    close: () => pool.end(),
  };
}
