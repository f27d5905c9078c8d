import { badInput } from '../../model/errors.js';
import { parseUntrustedJson } from '../json.js';
/**
 * An IAM policy document as we store it: a JSON object. The API returns documents URL-encoded (RFC 3986);
 * the AWS CLI and some SDKs decode them to objects first. Both forms are accepted, so a dump written by any
 * tool and a live collector store the same thing.
 */
export function decodePolicyDocument(value, where, field) {
    if (isRecord(value))
        return value;
    if (typeof value !== 'string')
        throw badInput(where, `field ${field}: expected a policy document (object or URL-encoded JSON string)`);
    let text = value.trim();
    if (!text.startsWith('{')) {
        try {
            text = decodeURIComponent(text);
        }
        catch (e) {
            throw badInput(where, `field ${field}: not a URL-encoded policy document: ${e.message}`, e);
        }
    }
    const parsed = parseUntrustedJson(text, `${where}: field ${field}`);
    if (!isRecord(parsed))
        throw badInput(where, `field ${field}: policy document is not a JSON object`);
    return parsed;
}
export function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
//# sourceMappingURL=policy-document.js.map