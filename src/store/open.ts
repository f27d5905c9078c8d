import type { Db } from './db.js';
import { openPglite } from './pglite-driver.js';
import { openPostgres } from './pg-driver.js';
import { migrate } from './migrate.js';
import { trackWrites } from './data-version.js';

/** True when the location names a PostgreSQL server rather than an embedded directory. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

/**
 * Opens the store at a location (a PGlite directory, `memory://`, or a postgres:// URL) and brings its
 * schema up to date. Migrations run on every open: forward-only, each once, recorded in schema_migrations.
 */
export async function openDb(location: string, options: { migrate?: boolean } = {}): Promise<Db> {
  // Writes are counted so that in-process caches of reads (API pages, principals) never outlive them.
  const db = trackWrites(isPostgresUrl(location) ? await openPostgres(location) : await openPglite(location));
  if (options.migrate !== false) {
    try {
      await migrate(db);
    } catch (e) {
      await db.close();
      throw e;
    }
  }
  return db;
}
