import { openPglite } from './pglite-driver.js';
import { openPostgres } from './pg-driver.js';
import { migrate } from './migrate.js';
/** True when the location names a PostgreSQL server rather than an embedded directory. */
export function isPostgresUrl(location) {
    return /^postgres(ql)?:\/\//.test(location);
}
/**
 * Opens the store at a location (a PGlite directory, `memory://`, or a postgres:// URL) and brings its
 * schema up to date. Migrations run on every open: forward-only, each once, recorded in schema_migrations.
 */
export async function openDb(location, options = {}) {
    const db = isPostgresUrl(location) ? await openPostgres(location) : await openPglite(location);
    if (options.migrate !== false) {
        try {
            await migrate(db);
        }
        catch (e) {
            await db.close();
            throw e;
        }
    }
    return db;
}
//# sourceMappingURL=open.js.map