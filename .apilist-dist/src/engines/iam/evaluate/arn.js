import { globMatcher } from './glob.js';
/** The request resource meaning "every resource": a pattern matches it only when it covers all of them. */
export const ALL_RESOURCES = '*';
/** `arn:partition:service:region:account:resource`; the resource part keeps its own colons. */
export function arnParts(arn) {
    if (!arn.startsWith('arn:'))
        return null;
    const parts = [];
    let rest = arn;
    for (let i = 0; i < 5; i++) {
        const at = rest.indexOf(':');
        if (at < 0)
            return null;
        parts.push(rest.slice(0, at));
        rest = rest.slice(at + 1);
    }
    parts.push(rest);
    return parts;
}
const cache = new Map();
/** Parsed request ARNs: the same few thousand resources are matched against every principal's patterns. */
const parsed = new Map();
function parsedArn(arn) {
    let parts = parsed.get(arn);
    if (parts === undefined) {
        if (parsed.size >= 100_000)
            parsed.clear();
        parts = arnParts(arn);
        parsed.set(arn, parts);
    }
    return parts;
}
/**
 * ARN matching as IAM does it for Resource and the Arn* operators: each of the six colon-separated parts is
 * matched on its own (case-sensitively), so a wildcard never spans a part boundary; patterns that are not
 * ARNs (`*`) are matched as whole strings.
 */
export function arnMatcher(pattern) {
    let m = cache.get(pattern);
    if (m)
        return m;
    const parts = arnParts(pattern);
    if (!parts && pattern.startsWith('arn:')) {
        // An ARN with fewer than six parts is malformed: IAM matches nothing with it.
        m = () => false;
    }
    else if (!parts) {
        const whole = globMatcher(pattern, true);
        m = (value) => (value === ALL_RESOURCES ? pattern === '*' : whole(value));
    }
    else {
        const segments = parts.map((p) => globMatcher(p, true));
        const coversAll = coversEverything(parts);
        m = (value) => {
            if (value === ALL_RESOURCES)
                return coversAll;
            const v = parsedArn(value);
            if (!v)
                return false;
            for (let i = 0; i < 6; i++)
                if (!segments[i](v[i]))
                    return false;
            return true;
        };
    }
    cache.set(pattern, m);
    return m;
}
/**
 * Whether an ARN pattern covers every resource of its service: any region and account, and a resource part
 * of `*` (`arn:aws:s3:::*`, `arn:aws:iam::*:*`). Asked when a request names ALL_RESOURCES.
 */
function coversEverything(parts) {
    const open = (s) => s === '' || s === '*';
    return (parts[2] === '*' || parts[2] !== '') && open(parts[3]) && open(parts[4]) && parts[5] === '*';
}
/** The account of an ARN (empty for S3 buckets and other account-less ARNs). */
export const arnAccount = (arn) => arnParts(arn)?.[4] ?? '';
//# sourceMappingURL=arn.js.map