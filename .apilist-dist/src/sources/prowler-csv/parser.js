import { badInput } from '../../model/errors.js';
import { prowlerParser } from '../prowler/plugin.js';
import { refuseNul } from '../shared/text.js';
import { csvDialect, delimiterOf, looksLikeProwlerCsv } from './header.js';
import { v2Row, v3Row } from './results.js';
import { csvRows } from './rows.js';
async function readProwlerCsv(file) {
    const where = file.name;
    const content = await file.text();
    refuseNul(content, where, 'Prowler CSV');
    const firstLine = content.replace(/^\uFEFF/, '').trimStart().split(/\r?\n/, 1)[0] ?? '';
    if (firstLine === '')
        return [];
    const { header, rows } = csvRows(content, delimiterOf(firstLine), where);
    const dialect = csvDialect(header);
    if (!dialect)
        throw badInput(where, 'not a Prowler CSV report: the header has neither CHECK_ID/STATUS/STATUS_EXTENDED/FINDING_UID (Prowler 3+) nor ACCOUNT_NUM/TITLE_TEXT/CHECK_RESULT (Prowler 2)');
    return rows.map((row) => (dialect === 'v2' ? v2Row(row, where) : v3Row(row, where)));
}
/** Prowler CSV: Prowler 4+ and 3 (`;`-separated) and Prowler 2 (`,`-separated). */
export const prowlerCsv = prowlerParser('prowler-csv', looksLikeProwlerCsv, readProwlerCsv);
//# sourceMappingURL=parser.js.map