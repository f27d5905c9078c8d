/** A statement's label: its first words with whitespace collapsed, enough to find it in the source. */
function label(sql) {
    const flat = sql.replace(/\s+/g, ' ').trim();
    return flat.length > 110 ? `${flat.slice(0, 110)}…` : flat;
}
/**
 * Wraps a Db so every statement (in or out of transactions) is timed, without touching the code under
 * test: the benchmark hands the wrapped Db to syncRun and reads back where the time went.
 */
export class StatementTimer {
    times = new Map();
    async time(statement, fn) {
        const started = performance.now();
        try {
            return await fn();
        }
        finally {
            const t = this.times.get(statement) ?? { statement, calls: 0, ms: 0 };
            t.calls++;
            t.ms += performance.now() - started;
            this.times.set(statement, t);
        }
    }
    wrapQueryable(q) {
        return {
            query: (sql, params) => this.time(label(sql), () => q.query(sql, params)),
            exec: (sql) => this.time(label(sql), () => q.exec(sql)),
            // COPY time excludes producing the rows when the caller passes an array (the Stager does).
            copyRows: (table, columns, rows) => this.time(`COPY ${table}`, () => q.copyRows(table, columns, rows)),
        };
    }
    wrap(db) {
        return {
            ...this.wrapQueryable(db),
            backend: db.backend,
            location: db.location,
            transaction: (fn) => db.transaction((tx) => fn(this.wrapQueryable(tx))),
            readOnly: (fn, options) => db.readOnly((tx) => fn(this.wrapQueryable(tx)), options),
            close: () => db.close(),
        };
    }
    /** Statements by total time, slowest first; the caller empties it between measurements with reset(). */
    report() {
        return [...this.times.values()].sort((a, b) => b.ms - a.ms);
    }
    reset() {
        this.times.clear();
    }
}
//# sourceMappingURL=statement-timer.js.map