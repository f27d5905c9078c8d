/** A CVSS-like score (0–10, as SARIF `security-severity` or a CVSS base score) as a severity band. */
export function severityFromScore(score) {
    if (score >= 9)
        return 'critical';
    if (score >= 7)
        return 'high';
    if (score >= 4)
        return 'medium';
    if (score > 0)
        return 'low';
    return 'info';
}
/** `"7.5"` or `7.5` → 7.5; anything else (empty, NaN, out of 0–10) → undefined. */
export function scoreOf(value) {
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    return Number.isFinite(n) && n >= 0 && n <= 10 ? n : undefined;
}
//# sourceMappingURL=score-severity.js.map