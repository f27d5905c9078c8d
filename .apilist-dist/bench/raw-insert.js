/**
 * The plain alternative to COPY: multi-row INSERT ... VALUES with bound parameters, `batch` rows per
 * statement. Objects are sent as JSON text. Returns the number of rows inserted.
 */
export async function insertRows(q, table, columns, rows, batch = 500) {
    const statementFor = (n) => {
        const tuples = [];
        for (let r = 0; r < n; r++)
            tuples.push(`(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
        return `insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`;
    };
    const full = statementFor(batch);
    let params = [];
    let pending = 0;
    let total = 0;
    for (const row of rows) {
        for (const v of row)
            params.push(v !== null && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v) ? JSON.stringify(v) : v);
        if (++pending === batch) {
            await q.query(full, params);
            total += pending;
            params = [];
            pending = 0;
        }
    }
    if (pending > 0) {
        await q.query(statementFor(pending), params);
        total += pending;
    }
    return total;
}
//# sourceMappingURL=raw-insert.js.map