import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MothershipError } from '../model/errors.js';
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
export function loadMigrations(dir = MIGRATIONS_DIR) {
    return readdirSync(dir)
        .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
        .sort()
        .map((f) => ({ version: Number(f.slice(0, 3)), name: f.replace(/\.sql$/, ''), sql: readFileSync(`${dir}/${f}`, 'utf8') }));
}
// Any constant works; it only has to be the same for every Mothership process sharing a server.
const MIGRATION_LOCK = 7_146_381;
/** Applies pending migrations in order, each in its own transaction with its record. Forward-only. */
export async function migrate(db, migrations = loadMigrations()) {
    await db.exec(`create table if not exists schema_migrations (
    version integer primary key, name text not null, applied_at timestamptz not null default now())`);
    const applied = [];
    for (const m of migrations) {
        const done = await db.transaction(async (tx) => {
            await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
            const rows = await tx.query('select 1 from schema_migrations where version = $1', [m.version]);
            if (rows.length > 0)
                return false;
            try {
                await tx.exec(m.sql);
            }
            catch (e) {
                throw new MothershipError('DB', `migration ${m.name} failed: ${e.message}`, { cause: e });
            }
            await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
            return true;
        });
        if (done)
            applied.push(m.version);
    }
    const newest = await db.query('select max(version) as v from schema_migrations');
    const known = migrations.at(-1)?.version ?? 0;
    if ((newest[0]?.v ?? 0) > known) {
        throw new MothershipError('DB', `database schema version ${newest[0]?.v} is newer than this Mothership (${known}); upgrade Mothership`);
    }
    return applied;
}
//# sourceMappingURL=migrate.js.map