import { MothershipError } from '../../model/errors.js';
/**
 * The SQL console. User SQL is one statement whose rows are read through
 * `select row_to_json(t) from (<sql>) t limit n+1`, in a read-only transaction with a statement timeout.
 *
 * For a tenant (a scope with owners) that is not enough: the store's tables hold every tenant's rows, and
 * a superuser connection (always so on PGlite) can read them, or read them indirectly (query_to_xml,
 * pg_stats). So a tenant's SQL runs:
 * - as the role `mothership_console`, which has no privilege on any table of the store, inside a SECURITY
 *   DEFINER function owned by that role: PostgreSQL refuses to SET ROLE or session_authorization inside
 *   one, so the SQL cannot switch back to the connection's role (a plain SET LOCAL ROLE could be undone by
 *   set_config('role', ...) in the same statement);
 * - with search_path = pg_temp, where temporary views v_findings, v_assets and v_packages show only the
 *   tenant's rows. They are security_barrier views: a user condition that may fail on a value (a cast in
 *   the WHERE clause) is not evaluated on other tenants' rows, so errors cannot quote them.
 * `public.findings`, `public.v_findings` and every other table are "permission denied" for that role.
 * The temporary objects are created in the same transaction, which is then rolled back, so nothing of
 * them outlives the request (a pooled connection comes back clean).
 */
export const CONSOLE_ROLE = 'mothership_console';
/** The views a tenant's SQL sees, each filtered on its owner column. */
export const TENANT_VIEWS = ['v_findings', 'v_assets', 'v_packages'];
/** Thrown to roll back the tenant transaction while carrying its result out. */
class Rollback extends Error {
    rows;
    constructor(rows) {
        super('rollback');
        this.rows = rows;
    }
}
const roleReady = new WeakMap();
/** Creates the console role once per database cluster; it is granted nothing. */
function ensureConsoleRole(db) {
    let ready = roleReady.get(db);
    if (!ready) {
        ready = (async () => {
            const exists = async () => (await db.query('select 1 from pg_roles where rolname = $1', [CONSOLE_ROLE])).length > 0;
            if (await exists())
                return;
            try {
                await db.exec(`create role ${CONSOLE_ROLE} nologin`);
            }
            catch (e) {
                // Another process (or test database on the same server) may have created it meanwhile.
                if (!(await exists())) {
                    throw new MothershipError('DB', `the tenant SQL console needs a role ${CONSOLE_ROLE} without privileges; could not create it (${e.message}); ` +
                        `a database administrator can run: create role ${CONSOLE_ROLE} nologin`, { cause: e });
                }
            }
        })();
        ready.catch(() => roleReady.delete(db));
        roleReady.set(db, ready);
    }
    return ready;
}
/** A trailing semicolon (and line comments after it) is common and harmless; anything else after it fails in PostgreSQL. */
function statementOf(sql) {
    const lines = sql.trim().split('\n');
    while (lines.length > 0 && /^\s*(--|$)/.test(lines[lines.length - 1]))
        lines.pop();
    let s = lines.join('\n').trim();
    const semicolon = s.lastIndexOf(';');
    if (semicolon >= 0 && /^\s*(--.*)?$/.test(s.slice(semicolon + 1)))
        s = s.slice(0, semicolon).trim();
    if (!s)
        throw new MothershipError('BAD_INPUT', 'sql: empty statement');
    return s;
}
/** The wrapper reads the statement's rows as JSON objects; the newline ends a trailing -- comment. */
function wrapped(sql, rowLimit) {
    return `select row_to_json(t) as r from (${sql}\n) t limit ${rowLimit + 1}`;
}
function result(rows, rowLimit) {
    const out = rows.slice(0, rowLimit).map((x) => x.r);
    return { columns: out[0] ? Object.keys(out[0]) : [], rows: out, truncated: rows.length > rowLimit };
}
function userError(e) {
    if (e instanceof MothershipError)
        throw e;
    throw new MothershipError('BAD_INPUT', `query: ${e.message}`, { cause: e });
}
async function prepareTenant(tx, owners) {
    // Owner ids are quoted by the server (format %L): DDL takes no parameters.
    for (const view of TENANT_VIEWS) {
        const [ddl] = await tx.query(`select format('create temp view %I with (security_barrier) as select * from public.%I where owner = any(%L::text[])', $1::text, $1::text, $2::text[]) as sql`, [view, [...owners]]);
        await tx.exec(ddl.sql);
        await tx.exec(`grant select on pg_temp.${view} to ${CONSOLE_ROLE}`);
    }
    await tx.exec(`create function pg_temp.mothership_console_run(q text) returns setof json
    language plpgsql security definer set search_path = pg_temp as $$
    begin return query execute q; end $$`);
    await tx.exec(`alter function pg_temp.mothership_console_run(text) owner to ${CONSOLE_ROLE}`);
}
/** Runs one read-only statement of user SQL, confined to the scope's owners when it has any. */
export async function runConsoleQuery(db, scope, sql, options) {
    const statement = wrapped(statementOf(sql), options.rowLimit);
    const timeout = Math.max(1, Math.floor(options.timeoutMs));
    if (scope.owners === null) {
        try {
            const rows = await db.readOnly((tx) => tx.query(statement), { timeoutMs: timeout });
            return result(rows, options.rowLimit);
        }
        catch (e) {
            userError(e);
        }
    }
    await ensureConsoleRole(db);
    const owners = scope.owners;
    try {
        await db.transaction(async (tx) => {
            await prepareTenant(tx, owners);
            // From here on nothing can be written: a transaction may go read-only at any point, never back.
            await tx.exec('set local transaction_read_only = on');
            await tx.exec(`set local statement_timeout = ${timeout}`);
            const rows = await tx.query('select r from pg_temp.mothership_console_run($1) r', [statement]);
            throw new Rollback(rows);
        });
    }
    catch (e) {
        if (e instanceof Rollback)
            return result(e.rows, options.rowLimit);
        userError(e);
    }
    throw new Error('unreachable: the tenant console transaction always rolls back');
}
//# sourceMappingURL=sql-console.js.map