/**
 * What the AWS CLI prints for an SDK response. The SDK and the CLI read the same service models, so member
 * names agree; what differs is the value types and the envelope, which this module undoes.
 */
/** The CLI's timestamp: Python's `isoformat()` of a UTC datetime, e.g. `2024-05-01T10:00:00+00:00`, `...10:00:00.123000+00:00`. */
export function cliTimestamp(date) {
    const iso = date.toISOString(); // 2024-05-01T10:00:00.123Z
    const ms = date.getUTCMilliseconds();
    return `${iso.slice(0, 19)}${ms === 0 ? '' : `.${String(ms).padStart(3, '0')}000`}+00:00`;
}
// Pagination envelope members the CLI drops once it has merged the pages.
const PAGE_TOKENS = new Set(['NextToken', 'nextToken', 'Marker', 'NextMarker', 'IsTruncated', 'Truncated', 'ContinuationToken', 'NextContinuationToken']);
/**
 * A response as the CLI prints it: dates as ISO strings, blobs base64 (the credential report), `$metadata`
 * dropped, undefined members left out. `dropTokens` also drops pagination members (merged responses).
 */
export function cliValue(value, dropTokens = false) {
    if (value instanceof Date)
        return cliTimestamp(value);
    if (value instanceof Uint8Array)
        return Buffer.from(value).toString('base64');
    if (Array.isArray(value))
        return value.map((v) => cliValue(v));
    if (typeof value !== 'object' || value === null)
        return value;
    const out = {};
    for (const [k, v] of Object.entries(value)) {
        if (k === '$metadata' || v === undefined || (dropTokens && PAGE_TOKENS.has(k)))
            continue;
        out[k] = cliValue(v);
    }
    return out;
}
// IAM members typed `policyDocumentType`: the API returns them URL-encoded, the CLI prints them decoded.
const POLICY_MEMBERS = new Set(['PolicyDocument', 'AssumeRolePolicyDocument', 'Document']);
/** Decodes IAM policy documents as the CLI does (URL-decode, then JSON); a string that is not JSON stays as is. */
export function decodeIamPolicies(value) {
    if (Array.isArray(value))
        return value.map(decodeIamPolicies);
    if (typeof value !== 'object' || value === null)
        return value;
    const out = {};
    for (const [k, v] of Object.entries(value)) {
        out[k] = POLICY_MEMBERS.has(k) && typeof v === 'string' ? decodedDocument(v) : decodeIamPolicies(v);
    }
    return out;
}
function decodedDocument(text) {
    try {
        return JSON.parse(decodeURIComponent(text));
    }
    catch {
        return text;
    }
}
//# sourceMappingURL=cli-output.js.map