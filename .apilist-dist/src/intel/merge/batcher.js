/** Buffers rows and COPYs them into a stage table in batches: bulk loading without holding a whole feed. */
export class CopyBatcher {
    tx;
    table;
    columns;
    batchSize;
    rows = [];
    count = 0;
    constructor(tx, table, columns, batchSize = 2000) {
        this.tx = tx;
        this.table = table;
        this.columns = columns;
        this.batchSize = batchSize;
    }
    async add(row) {
        this.rows.push(row);
        this.count++;
        if (this.rows.length >= this.batchSize)
            await this.flush();
    }
    async flush() {
        if (this.rows.length === 0)
            return;
        await this.tx.copyRows(this.table, this.columns, this.rows);
        this.rows = [];
    }
}
/** Runs a statement that returns one row of integer counts. */
export async function counts(tx, sql, params = []) {
    const rows = await tx.query(sql, params);
    return rows[0] ?? {};
}
//# sourceMappingURL=batcher.js.map