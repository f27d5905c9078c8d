import { z } from 'zod';
import { badInput } from '../../model/errors.js';
import { parseUntrustedJson } from '../json.js';
import { text } from '../prowler/check-result.js';
import { splitV2Control } from '../prowler/v2-control.js';
import { validateAt } from '../shared/validate.js';
/** Prowler 2's JSON output (`-M json`): one object per line, keys as in its CSV header but spelled out. */
const str = z.string().nullish();
const id = z.union([z.string(), z.number()]).nullish().transform((v) => (v == null ? null : String(v)));
export const V2Line = z.object({
    'Account Number': id,
    Control: z.string().min(1),
    'Control ID': str,
    Message: str,
    Severity: str,
    Status: z.string(),
    Region: str,
    Service: str,
    Risk: str,
    Remediation: str,
    'Doc link': str,
    'Resource ID': str,
    Compliance: str,
});
const FORMAT = 'Prowler v2 JSON';
export function v2Result(line, where) {
    const control = splitV2Control(line.Control);
    if (!control)
        throw badInput(where, `${FORMAT} field Control: expected "[check id] title", got "${line.Control.slice(0, 80)}"`);
    return {
        checkId: control.checkId,
        status: line.Status.trim().toUpperCase(),
        muted: false,
        provider: 'aws',
        account: text(line['Account Number']) ?? '',
        region: text(line.Region) ?? '',
        partition: null,
        severity: text(line.Severity),
        checkTitle: control.title,
        statusExtended: text(line.Message),
        checkDescription: null,
        risk: text(line.Risk),
        remediation: text(line.Remediation),
        references: line['Doc link']?.trim() ? [line['Doc link'].trim()] : [],
        compliance: {},
        // v2 gives a bare id or name (or a word such as `MFA`) and no resource type.
        resource: { uid: null, name: text(line['Resource ID']), type: null, namespace: null },
        findingUid: null,
        service: text(line.Service),
        categories: [],
        checkType: line.Compliance?.trim() ? [line.Compliance.trim()] : [],
        version: null,
    };
}
/** Every non-blank line as a result; errors name the file and the line. */
export function v2Results(textContent, file) {
    const out = [];
    const lines = textContent.replace(/^\uFEFF/, '').split(/\r?\n/);
    for (const [i, raw] of lines.entries()) {
        if (!raw.trim())
            continue;
        const where = `${file}:${i + 1}`;
        out.push(v2Result(validateAt(V2Line, parseUntrustedJson(raw, where), where, FORMAT), where));
    }
    return out;
}
//# sourceMappingURL=v2.js.map