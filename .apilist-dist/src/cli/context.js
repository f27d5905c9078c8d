import { openDb } from '../store/open.js';
import { MothershipError } from '../model/errors.js';
import { FORMATS } from './output.js';
export const DEFAULT_DB = './.mothership';
/** The store location: --db, else MOTHERSHIP_DB, else ./.mothership (an embedded PGlite directory). */
export function dbLocation(cmd) {
    const opts = cmd.optsWithGlobals();
    return opts.db ?? process.env.MOTHERSHIP_DB ?? DEFAULT_DB;
}
export async function withDb(cmd, fn) {
    const db = await openDb(dbLocation(cmd));
    try {
        return await fn(db);
    }
    finally {
        await db.close();
    }
}
export function parseFormat(value) {
    if (!FORMATS.includes(value)) {
        throw new MothershipError('BAD_INPUT', `--format ${value}: expected one of ${FORMATS.join(', ')}`);
    }
    return value;
}
export function parsePositiveInt(flag) {
    return (value) => {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 0)
            throw new MothershipError('BAD_INPUT', `${flag} ${value}: expected a non-negative integer`);
        return n;
    };
}
/** One summary line to stderr-free stdout for humans; kept short so scripts can grep it. */
export function seconds(ms) {
    return `${(ms / 1000).toFixed(2)}s`;
}
//# sourceMappingURL=context.js.map