/**
 * CSV for spreadsheets: RFC 4180 quoting, and formula neutralization. Imported text is attacker-controlled
 * (a finding title comes from a report), and a cell starting with = + - @ (or a tab or CR, which some
 * spreadsheets skip before them) would run as a formula when the export is opened: such a cell gets a
 * leading single quote, which spreadsheets show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
export function csvCell(value) {
    if (value === null || value === undefined)
        return '';
    let text;
    if (value instanceof Date)
        text = value.toISOString();
    else if (typeof value === 'object')
        text = JSON.stringify(value);
    else if (typeof value === 'string')
        text = FORMULA_START.test(value) ? `'${value}` : value;
    else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
        text = String(value);
    else
        text = '';
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
export function csvLine(values) {
    return values.map(csvCell).join(',') + '\r\n';
}
//# sourceMappingURL=csv-cells.js.map