import { readFile } from 'node:fs/promises';
// Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every platform Node supports.
const TICKS_PER_SECOND = 100;
async function processTicks(pid) {
    try {
        const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
        // Fields after the command name (which may hold spaces) start at "state"; utime and stime are 14 and 15.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(fields[11]) + Number(fields[12]);
    }
    catch {
        return null;
    }
}
async function serverTicks(db) {
    if (db.backend !== 'postgres')
        return null;
    const rows = await db.query('select pid from pg_stat_activity where datname = current_database()');
    const ticks = new Map();
    for (const { pid } of rows) {
        const t = await processTicks(pid);
        if (t === null)
            return null;
        ticks.set(pid, t);
    }
    return ticks;
}
/** Starts counting; the returned function gives the CPU seconds since. */
export async function cpuClock(db) {
    const node = process.cpuUsage();
    const server = await serverTicks(db);
    return async () => {
        const n = process.cpuUsage(node);
        const after = server ? await serverTicks(db) : null;
        let postgres = null;
        if (server && after) {
            // Connections opened meanwhile count from zero; ones closed meanwhile are lost (the pool keeps them open).
            let ticks = 0;
            for (const [pid, t] of after)
                ticks += t - (server.get(pid) ?? 0);
            postgres = ticks / TICKS_PER_SECOND;
        }
        return { node: (n.user + n.system) / 1e6, postgres };
    };
}
//# sourceMappingURL=cpu-time.js.map