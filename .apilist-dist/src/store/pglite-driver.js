import { PGlite, types as pgTypes } from '@electric-sql/pglite';
import { columnList, copyChunks, tableName } from './copy-text.js';
const parsers = {
    [pgTypes.INT8]: (v) => Number(v),
    [pgTypes.NUMERIC]: (v) => Number(v),
};
function wrap(conn) {
    return {
        async query(sql, params) {
            const r = await conn.query(sql, params ? [...params] : [], { parsers });
            return r.rows;
        },
        async exec(sql) {
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
/** Opens (creating if needed) an embedded database in a directory, or in memory for `memory://`. */
export async function openPglite(dir) {
    const pg = dir === 'memory://' ? await PGlite.create({ parsers }) : await PGlite.create(dir, { parsers });
    const base = wrap(pg);
    return {
        backend: 'pglite',
        location: dir,
        ...base,
        transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
        readOnly: (fn, options) => pg.transaction(async (tx) => {
            await tx.exec('SET TRANSACTION READ ONLY');
            // PGlite runs queries on this thread, so a timeout cannot interrupt them; it is still set
            // for parity and takes effect for work PostgreSQL itself can cancel.
            await tx.exec(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(options?.timeoutMs ?? 30_000))}`);
            return fn(wrap(tx));
        }),
        close: () => pg.close(),
    };
}
//# sourceMappingURL=pglite-driver.js.map