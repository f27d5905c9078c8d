/** A row as both drivers return it: int8 and numeric as JS numbers, timestamps as Date, json parsed. */
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends object = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  /**
   * Bulk-loads rows with COPY, the fastest path each backend has. Values are encoded by copy-text.ts:
   * null, string, number, boolean, Date, string[] (text[]), or objects (json/jsonb).
   */
  copyRows(table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): Promise<number>;
  /**
   * A read statement of fixed text run on every request (API pages): kept prepared under `name` per
   * connection, so it is parsed once and its plan can be cached. Same text for a name, always. Drivers
   * without it (a transaction's handle) run it as query().
   */
  queryNamed?<T extends object = Row>(name: string, sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export type Backend = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly backend: Backend;
  /** Where the data lives, without credentials: a directory, `memory://` or a postgres URL sans password. */
  readonly location: string;
  /** Runs fn in one transaction: all of it commits or none of it does. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs fn in a read-only transaction with a statement timeout (user SQL, the SQL console). */
  readOnly<T>(fn: (tx: Queryable) => Promise<T>, options?: { timeoutMs?: number }): Promise<T>;
  close(): Promise<void>;
}
