import { parse } from 'csv-parse/sync';
import { badInput } from '../../model/errors.js';
/**
 * Parses a delimited file into rows keyed by its header. Rows are arrays underneath and cells are looked up
 * through a Map, so header names from the file (`__proto__`) never become object keys. Rows with more cells
 * than the header are accepted (Prowler 2 ends every data row with a delimiter), and so are quotes inside
 * unquoted cells (Prowler 2 writes `The "root" account ...` as is).
 */
export function csvRows(text, delimiter, where) {
    let records;
    try {
        records = parse(text, { delimiter, bom: true, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
    }
    catch (e) {
        const err = e;
        throw badInput(where, `invalid CSV${err.lines ? ` at line ${err.lines}` : ''}: ${err.message}`, e);
    }
    const [first, ...data] = records;
    if (!first)
        return { header: [], rows: [] };
    const header = first.record.map((h) => h.trim().toUpperCase());
    const index = new Map();
    header.forEach((h, i) => { if (!index.has(h))
        index.set(h, i); });
    const rows = data.map(({ record, info }) => ({
        line: info.lines,
        get(...columns) {
            for (const c of columns) {
                const i = index.get(c);
                const v = i === undefined ? undefined : record[i]?.trim();
                if (v)
                    return v;
            }
            return null;
        },
    }));
    return { header, rows };
}
//# sourceMappingURL=rows.js.map