import { jsonHead, keysAt, valueOf } from '../shared/json-head.js';
/**
 * A SARIF log is an object with a `runs` array of objects with a `tool`. Producers order the top-level
 * keys differently (`$schema`, `version` or `runs` first; Semgrep writes `version` last), so the sniff
 * accepts `runs` together with any one of: a SARIF `$schema`, `version` 2.x, or a run's `tool` key.
 */
export function looksLikeSarif(head) {
    const h = jsonHead(head);
    if (h.root !== '{' || !keysAt(h, 1).has('runs'))
        return false;
    const schema = valueOf(h, 1, '$schema') ?? '';
    const version = valueOf(h, 1, 'version') ?? '';
    return /sarif/i.test(schema) || /^2\.\d/.test(version) || keysAt(h, 3).has('tool');
}
//# sourceMappingURL=sniff.js.map