import { parse as pgParse, PGlite, protocol, types as pgTypes, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from './db.js';
import { columnList, copyChunks, tableName } from './copy-text.js';

type PgliteLike = Pick<PGlite, 'query' | 'exec'> | Transaction;

const parsers = {
  [pgTypes.INT8]: (v: string) => Number(v),
  [pgTypes.NUMERIC]: (v: string) => Number(v),
};

function wrap(conn: PgliteLike): Queryable {
  return {
    async query<T extends object = Row>(sql: string, params?: readonly unknown[]) {
      const r = await conn.query<T>(sql, params ? [...params] : [], { parsers });
      return r.rows;
    },
    async exec(sql: string) {
      await conn.exec(sql);
    },
    async copyRows(table, columns, rows) {
      let total = 0;
      // PGlite reads COPY input from an in-memory blob; chunks keep that blob bounded.
      for (const chunk of copyChunks(rows)) {
        await conn.query(`COPY ${tableName(table)} (${columnList(columns)}) FROM '/dev/blob'`, [], {
          blob: new Blob([chunk.text]),
        });
        total += chunk.rows;
      }
      return total;
    },
  };
}

type BackendMessages = Awaited<ReturnType<PGlite['execProtocol']>>['messages'];

/**
 * queryNamed for PGlite, which has no named-statement option: the protocol messages query() sends, with the
 * Parse and its Describe sent once per name and later calls only binding and executing the statement.
 * Runs under the same locks as query(); reads only (nothing is synced to the file system afterwards).
 */
function namedStatements(pg: PGlite) {
  const paramTypes = new Map<string, number[]>();
  const exchange = async (message: Uint8Array, into: BackendMessages) => {
    into.push(...(await pg.execProtocol(message, { syncToFs: false })).messages);
  };
  return <T extends object = Row>(name: string, sql: string, params?: readonly unknown[]): Promise<T[]> =>
    pg._runExclusiveTransaction(() => pg._runExclusiveQuery(async () => {
      const messages: BackendMessages = [];
      try {
        let types = paramTypes.get(name);
        if (!types) {
          await exchange(protocol.serialize.parse({ name, text: sql, types: [] }), []);
          const described: BackendMessages = [];
          try {
            await exchange(protocol.serialize.describe({ type: 'S', name }), described);
          } catch (e) {
            // Parsed but not described: drop it, or the next Parse of this name would fail forever.
            await exchange(protocol.serialize.sync(), []);
            await exchange(protocol.serialize.close({ type: 'S', name }), []);
            throw e;
          }
          types = pgParse.parseDescribeStatementResults(described);
          paramTypes.set(name, types);
        }
        const values = (params ?? []).map((v, i) => {
          if (v === null || v === undefined) return null;
          const serialize = pg.serializers[types[i] ?? 0];
          if (serialize) return serialize(v);
          return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : JSON.stringify(v);
        });
        await exchange(protocol.serialize.bind({ statement: name, values }), messages);
        await exchange(protocol.serialize.describe({ type: 'P' }), messages);
        await exchange(protocol.serialize.execute({}), messages);
      } finally {
        await exchange(protocol.serialize.sync(), messages);
      }
      return (pgParse.parseResults(messages, pg.parsers, { parsers })[0]?.rows ?? []) as T[];
    }));
}

/** Opens (creating if needed) an embedded database in a directory, or in memory for `memory://`. */
export async function openPglite(dir: string): Promise<Db> {
  const pg = dir === 'memory://' ? await PGlite.create({ parsers }) : await PGlite.create(dir, { parsers });
  const base = wrap(pg);
  return {
    backend: 'pglite',
    location: dir,
    ...base,
    queryNamed: namedStatements(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    readOnly: (fn, options) =>
      pg.transaction(async (tx) => {
        await tx.exec('SET TRANSACTION READ ONLY');
        // PGlite runs queries on this thread, so a timeout cannot interrupt them; it is still set
        // for parity and takes effect for work PostgreSQL itself can cancel.
        await tx.exec(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(options?.timeoutMs ?? 30_000))}`);
        return fn(wrap(tx));
      }),
    close: () => pg.close(),
  };
}
