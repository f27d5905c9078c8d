export const FORMATS = ['table', 'json', 'csv'];
function plain(v) {
    if (v === null || v === undefined)
        return '';
    if (v instanceof Date)
        return v.toISOString();
    if (typeof v === 'string')
        return v;
    if (typeof v === 'bigint')
        return v.toString();
    return JSON.stringify(v) ?? '';
}
/** Spreadsheet apps run cells that start with these as formulas; a leading quote makes them text. */
const FORMULA_START = /^[=+\-@\t\r]/;
export function csvCell(v) {
    let s = plain(v);
    if (FORMULA_START.test(s))
        s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function writeCsv(out, rows, columns) {
    out.write(columns.map(csvCell).join(',') + '\n');
    for (const r of rows)
        out.write(columns.map((c) => csvCell(r[c])).join(',') + '\n');
}
/** JSON array, one object per line, so huge outputs stream and stay greppable. */
function writeJson(out, rows) {
    if (rows.length === 0) {
        out.write('[]\n');
        return;
    }
    out.write('[\n');
    rows.forEach((r, i) => out.write(JSON.stringify(r) + (i < rows.length - 1 ? ',\n' : '\n')));
    out.write(']\n');
}
const MAX_CELL = 60;
function writeTable(out, rows, columns) {
    const cells = rows.map((r) => columns.map((c) => {
        // Control characters from imported data must not drive the terminal.
        // eslint-disable-next-line no-control-regex
        const s = plain(r[c]).replace(/[\u0000-\u001f\u007f]/g, ' ');
        return s.length > MAX_CELL ? `${s.slice(0, MAX_CELL - 1)}…` : s;
    }));
    const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
    const line = (vals) => vals.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd() + '\n';
    out.write(line(columns));
    out.write(line(widths.map((w) => '-'.repeat(w))));
    for (const row of cells)
        out.write(line(row));
}
export function writeRows(out, format, rows, columns) {
    const cols = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
    if (format === 'json')
        writeJson(out, rows);
    else if (format === 'csv')
        writeCsv(out, rows, cols);
    else
        writeTable(out, rows, cols);
}
//# sourceMappingURL=output.js.map