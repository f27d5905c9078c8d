import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { redactUrl } from '../src/store/pg-driver.js';
export const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';
async function admin(serverUrl, fn) {
    const c = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
    await c.connect();
    try {
        return await fn(c);
    }
    finally {
        await c.end();
    }
}
/** Why the server cannot be used, or null when it can. */
export async function postgresUnavailable(serverUrl) {
    try {
        await admin(serverUrl, (c) => c.query('select 1'));
        return null;
    }
    catch (e) {
        return `${redactUrl(serverUrl)}: ${e.message}`;
    }
}
/** PGlite in a new temporary directory on disk, as a user's store would be; PostgreSQL in a new database. */
export async function freshTarget(backend, serverUrl) {
    if (backend === 'pglite') {
        const location = await mkdtemp(join(tmpdir(), 'mothership-bench-'));
        return { backend, location, remove: () => rm(location, { recursive: true, force: true }) };
    }
    const name = `ms_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin(serverUrl, (c) => c.query(`create database ${name}`));
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    return {
        backend,
        location: u.toString(),
        remove: () => admin(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
    };
}
//# sourceMappingURL=targets.js.map