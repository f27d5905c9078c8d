import { badInput } from '../../model/errors.js';
import { fieldPath } from '../trivy/schema.js';
/**
 * Validates one part of a report against its schema; a failure names the file, the format and the field,
 * e.g. `scan.sarif: SARIF field runs[0].results[3].level: Invalid option...`.
 */
export function validateAt(schema, value, where, format, prefix = '') {
    const r = schema.safeParse(value);
    if (r.success)
        return r.data;
    const issue = r.error.issues[0];
    const field = fieldPath(issue?.path ?? [], prefix) || prefix || '(document)';
    throw badInput(where, `${format} field ${field}: ${issue?.message ?? 'invalid'}`);
}
//# sourceMappingURL=validate.js.map