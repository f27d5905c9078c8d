import { jsonHead, keysAt } from '../shared/json-head.js';
/**
 * Dependabot alerts: the REST list is an array of alerts with `dependency` and `security_advisory` (`gh api
 * --paginate --slurp` nests the pages in one more array); the GraphQL answer is `{"data": ...}` with a
 * `vulnerabilityAlerts` connection. Code scanning and secret scanning alerts have neither.
 */
export function looksLikeDependabotJson(bytes) {
    const head = jsonHead(bytes);
    if (head.root === '[') {
        return [2, 3].some((d) => {
            const keys = keysAt(head, d);
            return keys.has('security_advisory') && (keys.has('dependency') || keys.has('security_vulnerability'));
        });
    }
    return head.root === '{' && keysAt(head, 1).has('data') && head.keys.some((k) => k.key === 'vulnerabilityAlerts');
}
//# sourceMappingURL=sniff.js.map