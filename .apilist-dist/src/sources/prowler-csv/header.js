import { headText } from '../report-file.js';
/**
 * Prowler CSV headers. Prowler 2 writes commas and `ACCOUNT_NUM,REGION,TITLE_ID,CHECK_RESULT,...,TITLE_TEXT`;
 * Prowler 3 writes semicolons and `ASSESSMENT_START_TIME;FINDING_UNIQUE_ID;PROVIDER;CHECK_ID;...`; Prowler 4+
 * writes semicolons and `AUTH_METHOD;TIMESTAMP;ACCOUNT_UID;...;FINDING_UID;PROVIDER;CHECK_ID;...`.
 */
export function csvDialect(header) {
    const cols = new Set(header.map((h) => h.trim().toUpperCase()));
    if (cols.has('CHECK_ID') && cols.has('STATUS') && cols.has('STATUS_EXTENDED') && (cols.has('FINDING_UID') || cols.has('FINDING_UNIQUE_ID')))
        return 'v3+';
    if (cols.has('ACCOUNT_NUM') && cols.has('TITLE_TEXT') && (cols.has('CHECK_RESULT') || cols.has('RESULT')) && cols.has('CHECK_RESULT_EXTENDED'))
        return 'v2';
    return undefined;
}
/** The delimiter of a header line: Prowler 3+ uses `;`, Prowler 2 `,`. */
export function delimiterOf(headerLine) {
    return (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',';
}
/** The first line of a head, split on its delimiter; header names are plain words, never quoted with separators. */
export function headerOf(head) {
    const line = headText(head, 8192).split(/\r?\n/, 1)[0] ?? '';
    return line.split(delimiterOf(line)).map((h) => h.trim().replace(/^"|"$/g, ''));
}
export function looksLikeProwlerCsv(head) {
    return csvDialect(headerOf(head)) !== undefined;
}
//# sourceMappingURL=header.js.map