import { headText } from '../report-file.js';
const YARN1 = /^\{\s*"type"\s*:\s*"(\w+)"\s*,\s*"data"\s*:/;
const BERRY = /^\{\s*"value"\s*:\s*"[^"]*"\s*,\s*"children"\s*:\s*\{/;
/**
 * yarn's audit output is NDJSON. Yarn 1: every line is `{"type": ..., "data": ...}` and one of them is an
 * audit line (`auditAdvisory`, `auditSummary`) or the `error` that stopped the audit (accepted so that it
 * is rejected with yarn's reason). Yarn 2+: lines are `{"value": <package>, "children": {...}}`.
 */
export function looksLikeYarnAudit(bytes) {
    const text = headText(bytes, bytes.length);
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    // The head may cut the last line: it is judged only when it looks complete.
    const last = lines[lines.length - 1];
    const whole = last !== undefined && !last.trimEnd().endsWith('}') ? lines.slice(0, -1) : lines;
    if (whole.length === 0)
        return false;
    if (whole.every((l) => BERRY.test(l)))
        return true;
    const types = whole.map((l) => YARN1.exec(l)?.[1]);
    if (types.some((t) => t === undefined))
        return false;
    return types.some((t) => t === 'auditAdvisory' || t === 'auditSummary' || t === 'auditAction' || t === 'error');
}
//# sourceMappingURL=sniff.js.map