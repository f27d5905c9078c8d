const WORDS = {
    critical: 'critical',
    high: 'high',
    important: 'high',
    medium: 'medium',
    moderate: 'medium',
    low: 'low',
    negligible: 'info',
    unimportant: 'info',
    info: 'info',
    informational: 'info',
    none: 'info',
    unknown: 'info',
};
/**
 * A severity word as vulnerability tools write it (Grype `Negligible`, npm `moderate`, GitHub `MODERATE`,
 * Red Hat `Important`), or undefined when the word is not one.
 */
export function severityFromWord(word) {
    const w = (word ?? '').trim().toLowerCase();
    return Object.hasOwn(WORDS, w) ? WORDS[w] : undefined;
}
const RANK = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
/** The most severe of several ratings; info when there are none. */
export function maxSeverity(values) {
    let best = 'info';
    for (const v of values)
        if (v && RANK[v] > RANK[best])
            best = v;
    return best;
}
//# sourceMappingURL=vuln-severity.js.map