import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { badInput } from '../../model/errors.js';
import { parseShape } from './call-result.js';
/** `aws iam get-credential-report`: the CSV report, base64-encoded by the CLI (a blob field). */
export const GetCredentialReport = z.looseObject({ Content: z.string(), GeneratedTime: z.string().optional() });
// The report's columns (IAM User Guide, "Getting credential reports"). Only these become keys: a header
// from the file never names an object key.
const COLUMNS = [
    'user', 'arn', 'user_creation_time', 'password_enabled', 'password_last_used', 'password_last_changed', 'password_next_rotation',
    'mfa_active', 'access_key_1_active', 'access_key_1_last_rotated', 'access_key_1_last_used_date', 'access_key_1_last_used_region',
    'access_key_1_last_used_service', 'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date',
    'access_key_2_last_used_region', 'access_key_2_last_used_service', 'cert_1_active', 'cert_1_last_rotated', 'cert_2_active',
    'cert_2_last_rotated',
];
/** The account root's row names this user. */
export const ROOT_USER = '<root_account>';
/** IAM writes these where a value does not apply or is not known; SQL reads them best as null. */
const NO_VALUE = new Set(['n/a', 'no_information', 'not_supported', '']);
function cell(raw) {
    const v = raw.trim();
    const lower = v.toLowerCase();
    if (NO_VALUE.has(lower))
        return null;
    if (lower === 'true' || lower === 'false')
        return lower === 'true';
    return v;
}
/** The CSV text: the CLI prints the blob base64-encoded; a tool that decoded it already leaves plain CSV. */
function csvText(content, where) {
    const text = content.trimStart().startsWith('user,') ? content : Buffer.from(content, 'base64').toString('utf8');
    if (!text.replace(/^\uFEFF/, '').startsWith('user,'))
        throw badInput(where, 'field Content: not a credential report (base64 CSV starting with "user,")');
    return text;
}
/** Decodes and parses a credential report; a malformed one names the file and the line. */
export function parseCredentialReport(data, where) {
    const report = parseShape(GetCredentialReport, data, where);
    const text = csvText(report.Content, where);
    let records;
    try {
        records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
    }
    catch (e) {
        const err = e;
        throw badInput(where, `field Content: invalid CSV${err.lines ? ` at line ${err.lines}` : ''}: ${err.message}`, e);
    }
    const [header = [], ...lines] = records;
    const index = new Map(header.map((h, i) => [h.trim(), i]));
    if (!index.has('arn'))
        throw badInput(where, 'field Content: the credential report has no arn column');
    const rows = new Map();
    for (const record of lines) {
        const row = {};
        for (const c of COLUMNS) {
            const i = index.get(c);
            if (i !== undefined && record[i] !== undefined)
                row[c] = c === 'user' || c === 'arn' ? record[i].trim() : cell(record[i]);
        }
        if (typeof row.arn === 'string' && row.arn !== '')
            rows.set(row.arn, row);
    }
    return { generatedTime: report.GeneratedTime ?? null, rows };
}
//# sourceMappingURL=credential-report.js.map