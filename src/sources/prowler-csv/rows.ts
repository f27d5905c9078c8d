import { parse } from 'csv-parse/sync';
import { badInput } from '../../model/errors.js';

/** One data row, its cells looked up by header name (any case); the line it ends on, for errors. */
export interface CsvRow {
  line: number;
  /** The first of the named columns that is present and not blank, trimmed; null when none is. */
  get(...columns: string[]): string | null;
}

/**
 * Parses a delimited file into rows keyed by its header. Rows are arrays underneath and cells are looked up
 * through a Map, so header names from the file (`__proto__`) never become object keys. Rows with more cells
 * than the header are accepted (Prowler 2 ends every data row with a delimiter), and so are quotes inside
 * unquoted cells (Prowler 2 writes `The "root" account ...` as is).
 */
export function csvRows(text: string, delimiter: string, where: string): { header: string[]; rows: CsvRow[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, bom: true, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw badInput(where, `invalid CSV${err.lines ? ` at line ${err.lines}` : ''}: ${err.message}`, e);
  }
  const [first, ...data] = records;
  if (!first) return { header: [], rows: [] };
  const header = first.record.map((h) => h.trim().toUpperCase());
  const index = new Map<string, number>();
  header.forEach((h, i) => { if (!index.has(h)) index.set(h, i); });
  const rows = data.map(({ record, info }): CsvRow => ({
    line: info.lines,
    get(...columns) {
      for (const c of columns) {
        const i = index.get(c);
        const v = i === undefined ? undefined : record[i]?.trim();
        if (v) return v;
      }
      return null;
    },
  }));
  return { header, rows };
}
