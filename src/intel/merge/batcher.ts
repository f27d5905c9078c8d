import type { Queryable } from '../../store/db.js';

/** Buffers rows and COPYs them into a stage table in batches: bulk loading without holding a whole feed. */
export class CopyBatcher {
  private rows: unknown[][] = [];
  count = 0;

  constructor(
    private readonly tx: Queryable,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly batchSize = 2000,
  ) {}

  async add(row: unknown[]): Promise<void> {
    this.rows.push(row);
    this.count++;
    if (this.rows.length >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    await this.tx.copyRows(this.table, this.columns, this.rows);
    this.rows = [];
  }
}

/** Runs a statement that returns one row of integer counts. */
export async function counts(tx: Queryable, sql: string, params: readonly unknown[] = []): Promise<Record<string, number>> {
  const rows = await tx.query<Record<string, number>>(sql, params);
  return rows[0] ?? {};
}
